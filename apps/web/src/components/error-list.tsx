/** Server refusals that belong to no field of the form, as one alert; nothing when there are none. */
export function ErrorList({ messages }: { messages: string[] }) {
  if (!messages.length) return null;
  return (
    <div className="notice notice-error" role="alert">
      <ul>
        {messages.map((m) => (
          <li key={m}>{m}</li>
        ))}
      </ul>
    </div>
  );
}
