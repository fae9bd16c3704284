/**
 * The store interfaces. `AuditBackend` is what a database implements (`sqlite/`, `postgres/`);
 * `AuditStore` is what callers use: it redacts, chains, checkpoints and reads on top of a backend.
 */
import type { LogHeads } from './chain.js';
import type { StoredRow } from './codec.js';
import type { AuditInput, HashedEvent } from './event.js';
import type { SignedCheckpoint, TrustedKey } from './checkpoint.js';

/** A checkpoint row as the database holds it; the store parses and checks `body` and `frontier`. */
export interface RawCheckpoint {
  readonly size: number;
  readonly time: string;
  /** JSON of a SignedCheckpoint. */
  readonly body: string;
  /** JSON array of the hex roots of the perfect subtrees of the first `size` leaves (unsigned). */
  readonly frontier: string;
}

/** Which events to read. Every field narrows; none means the whole log in order. */
export interface EventFilter {
  readonly session?: string;
  /** ISO 8601 lower bound on `time`, inclusive. */
  readonly since?: string;
  readonly decision?: string;
  readonly agent?: string;
  readonly repo?: string;
  readonly type?: string;
  /** At most this many events: the newest ones, still returned oldest first. */
  readonly limit?: number;
}

/** What the append transaction read under its lock. */
export interface AppendState extends LogHeads {
  /** The newest checkpoint's size and time, when there is one. */
  readonly checkpoint?: { readonly size: number; readonly time: string };
}

/** What the checkpoint transaction read under its lock. */
export interface CheckpointState {
  /** Current number of events. */
  readonly size: number;
  readonly last?: RawCheckpoint;
  /** Hashes of the events after `last` (from its size up to `size`), in log order. */
  readonly hashes: readonly string[];
}

/**
 * A database that holds one log. Each write runs as one transaction under a lock that serialises
 * every writer of the log, across processes and hosts.
 */
export interface AuditBackend {
  readonly kind: 'sqlite' | 'postgres';
  /** File path or URL without credentials, for messages. */
  readonly location: string;
  /** Random id of the log, fixed when the log was created. */
  readonly logId: string;
  /**
   * Locks, reads the heads of the log and of `sessions`, lets `build` chain the batch, inserts and
   * commits durably. Resolves with the rows as stored and the state they were chained onto.
   */
  append(sessions: readonly string[], build: (state: AppendState) => StoredRow[]): Promise<{ rows: StoredRow[]; state: AppendState }>;
  /** Locks, reads the checkpoint state, stores what `make` returns (nothing when it returns undefined). */
  addCheckpoint(make: (state: CheckpointState) => RawCheckpoint | undefined): Promise<RawCheckpoint | undefined>;
  /** Rows in log order. */
  rows(filter?: EventFilter): AsyncIterable<StoredRow>;
  count(): Promise<number>;
  /** All checkpoints, oldest first. */
  checkpoints(): Promise<RawCheckpoint[]>;
  close(): Promise<void>;
}

/** Where an appended event landed. */
export interface Appended {
  readonly id: string;
  /** Per-session sequence number. */
  readonly seq: number;
  /** Position in the log. */
  readonly idx: number;
  readonly hash: string;
}

/** The audit log as callers see it. */
export interface AuditStore {
  readonly kind: 'sqlite' | 'postgres';
  readonly location: string;
  /** `airlock-audit/<log id>`: the origin line of this log's checkpoints. */
  readonly origin: string;
  /**
   * Redacts, chains and commits one event before resolving (durable as the backend promises:
   * see `sqlite/store.ts` and `postgres/store.ts`).
   * @throws AirlockError `audit_unwritable` on any failure; the caller must then deny.
   */
  append(input: AuditInput): Promise<Appended>;
  /** Secret values to replace by their keyed hash from now on (e.g. a credential just issued). */
  addKnownSecrets(values: readonly string[]): void;
  /** Events in log order (rows whose text does not decode are skipped; `verify` reports them). */
  events(filter?: EventFilter): AsyncIterable<HashedEvent>;
  /** Raw rows in log order, for verification. */
  rows(filter?: EventFilter): AsyncIterable<StoredRow>;
  count(): Promise<number>;
  /** Signs a checkpoint over the whole log now (when it grew) and returns the newest one. */
  checkpoint(): Promise<SignedCheckpoint>;
  /** Checkpoints stored in the log, oldest first (damaged rows left out). */
  checkpoints(): Promise<SignedCheckpoint[]>;
  /** Checkpoint rows as stored, damaged ones included (for verification). */
  checkpointRows(): Promise<RawCheckpoint[]>;
  /**
   * Checkpoints kept outside the database (`AIRLOCK_HOME/checkpoints/latest.json`), and the paths
   * of such files that exist but cannot be read as checkpoints.
   */
  anchors(): Promise<{ readonly checkpoints: readonly SignedCheckpoint[]; readonly damaged: readonly string[] }>;
  /** Keys whose checkpoint signatures verification accepts: this installation's and trusted ones. */
  trustedKeys(): Promise<TrustedKey[]>;
  close(): Promise<void>;
}
