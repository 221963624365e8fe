// oidc-provider warns at every start about two things dev-logto does on purpose: running on Node 20 (the
// project's floor, where every suite runs) and keeping its sessions in memory (a fresh tenant per start).
// Those two lines filled `pnpm dev` and every test's output; only they are dropped, every other warning
// still shows. Imported before oidc-provider by each module that loads it, since its import warns.
const expected = [
  'oidc-provider WARNING: Unsupported runtime.',
  'oidc-provider WARNING: a quick start development-only in-memory adapter is used',
];

const marker = Symbol.for('smsdesk.dev-logto.quiet-oidc-provider');
const holder = console as unknown as Record<symbol, boolean>;
if (!holder[marker]) {
  holder[marker] = true;
  const warn = console.warn.bind(console);
  console.warn = (...args: unknown[]) => {
    const first = args[0];
    if (typeof first === 'string' && expected.some((line) => first.includes(line))) return;
    warn(...args);
  };
}

export {};
