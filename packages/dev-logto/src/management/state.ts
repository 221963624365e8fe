import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** A row of Logto's `connectors` table. */
export interface ConnectorEntry {
  id: string;
  connectorId: string;
  config: Record<string, unknown>;
  metadata: Record<string, unknown>;
  syncProfile: boolean;
  enableTokenStorage: boolean;
  createdAt: number;
}

/** A row of Logto's `passcodes` table, for phone codes. */
export interface PasscodeEntry {
  id: string;
  phone: string;
  type: string;
  code: string;
  consumed: boolean;
  tryCount: number;
  createdAt: number;
}

export interface ManagementState {
  connectors: ConnectorEntry[];
  passcodes: PasscodeEntry[];
}

export const defaultStateFile = '.dev-logto/management.json';

/**
 * The tenant's data, kept in a JSON file so that `pnpm dev` restarts keep what smsdesk pushed. Writes are
 * synchronous and atomic (temp file + rename): one process, a handful of writes a minute.
 */
export class StateStore {
  readonly #path: string | undefined;
  #state: ManagementState;

  /** `file: false` keeps the state in memory only (tests that want a fresh tenant). */
  constructor(file: string | false = defaultStateFile) {
    this.#path = file === false ? undefined : resolve(file);
    this.#state = this.#load();
  }

  #load(): ManagementState {
    const empty: ManagementState = { connectors: [], passcodes: [] };
    if (!this.#path) return empty;
    try {
      const stored = JSON.parse(readFileSync(this.#path, 'utf8')) as Partial<ManagementState>;
      return {
        connectors: Array.isArray(stored.connectors) ? stored.connectors : [],
        passcodes: Array.isArray(stored.passcodes) ? stored.passcodes : [],
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return empty;
      throw new Error(`dev-logto: cannot read ${this.#path}: ${(error as Error).message}`);
    }
  }

  get state(): Readonly<ManagementState> {
    return this.#state;
  }

  /** Applies a change and writes it through before the caller answers. */
  update(change: (state: ManagementState) => void): void {
    const next = structuredClone(this.#state);
    change(next);
    if (this.#path) {
      mkdirSync(dirname(this.#path), { recursive: true });
      const temp = `${this.#path}.${process.pid}.tmp`;
      // The file holds connector secrets in clear, as Logto's database does: owner-only.
      writeFileSync(temp, `${JSON.stringify(next, null, 2)}\n`, { mode: 0o600 });
      renameSync(temp, this.#path);
    }
    this.#state = next;
  }
}
