// Scripted failures for the next API calls, so clients can be tested against timeouts, gateway errors
// and Tencent errors that the emulator would not otherwise produce.

export type FaultKind = 'delay' | 'http500' | 'non_json' | 'error';

export interface FaultSpec {
  kind: FaultKind;
  /** How many matching calls the fault applies to; default 1. */
  count?: number;
  /** Only calls with this X-TC-Action; default any. */
  action?: string;
  delayMs?: number;
  code?: string;
  message?: string;
}

export interface Fault {
  kind: FaultKind;
  remaining: number;
  action: string | null;
  delayMs: number;
  code: string;
  message: string;
}

const KINDS: readonly FaultKind[] = ['delay', 'http500', 'non_json', 'error'];

/** Validates a fault from the control API; returns an error text for a 400 answer. */
export function toFault(spec: unknown): Fault | string {
  if (typeof spec !== 'object' || spec === null) return 'body must be a JSON object';
  const s = spec as Record<string, unknown>;
  if (!KINDS.includes(s.kind as FaultKind)) return `kind must be one of ${KINDS.join(', ')}`;
  const count = s.count ?? 1;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1)
    return 'count must be a positive integer';
  if (s.action !== undefined && typeof s.action !== 'string') return 'action must be a string';
  const delayMs = s.delayMs ?? 1000;
  if (typeof delayMs !== 'number' || delayMs < 0) return 'delayMs must be a non-negative number';
  if (s.code !== undefined && typeof s.code !== 'string') return 'code must be a string';
  if (s.message !== undefined && typeof s.message !== 'string') return 'message must be a string';
  return {
    kind: s.kind as FaultKind,
    remaining: count,
    action: (s.action as string | undefined) ?? null,
    delayMs,
    code: (s.code as string | undefined) ?? 'InternalError.ServerError',
    message: (s.message as string | undefined) ?? 'Injected fault from the Tencent SMS emulator.',
  };
}

export class FaultQueue {
  private faults: Fault[] = [];

  add(fault: Fault): void {
    this.faults.push(fault);
  }

  list(): Fault[] {
    return this.faults.map((f) => ({ ...f }));
  }

  clear(): void {
    this.faults = [];
  }

  /** Consumes one use of the first fault matching the action, if any. */
  take(action: string): Fault | undefined {
    const fault = this.faults.find((f) => f.action === null || f.action === action);
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults = this.faults.filter((f) => f !== fault);
    return { ...fault };
  }
}
