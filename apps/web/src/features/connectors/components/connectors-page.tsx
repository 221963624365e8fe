export function ConnectorsPage() {
  return (
    <section className="panel">
      <h1>Connectors</h1>
      <p className="empty">No connectors yet.</p>
    </section>
  );
}
