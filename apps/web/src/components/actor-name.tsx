import { useDisplayName } from '../lib/display-name.ts';

/** A user as the header names them, with the `sub` on hover (for support). */
export function ActorName({ sub }: { sub: string }) {
  const name = useDisplayName(sub);
  return (
    <span className="actor" title={sub} data-sub={sub}>
      {name}
    </span>
  );
}
