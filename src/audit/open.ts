/** Opens the audit store an installation uses: SQLite in AIRLOCK_HOME, or PostgreSQL by URL. */
import { existsSync } from 'node:fs';
import { AirlockError } from '../errors/index.js';
import { auditPaths, loadKeys } from './home.js';
import { createRedactor } from './redact.js';
import type { WordRedactor } from './redact.js';
import type { AuditBackend, AuditStore } from './store.js';
import { DEFAULT_CHECKPOINT_POLICY, Writer, type CheckpointPolicy } from './writer.js';

/** How to open the store. */
export interface OpenOptions {
  /** AIRLOCK_HOME: keys, the SQLite file and the checkpoint kept outside the database live here. */
  readonly home: string;
  /** `postgres://…` (or `postgresql://…`) selects PostgreSQL; absent means SQLite in `home`. */
  readonly url?: string;
  /** Redaction by meaning for command text (see `WordRedactor`); the pipeline passes the analyser's. */
  readonly words?: WordRedactor;
  /** Secret values to replace by their keyed hash wherever they appear. */
  readonly knownSecrets?: readonly string[];
  /** False: fail with `audit_not_found` instead of creating an embedded store (read-only commands). */
  readonly create?: boolean;
  /** Epoch milliseconds (tests and replays pass their own). */
  readonly clock?: () => number;
  readonly checkpoints?: Partial<CheckpointPolicy>;
  /**
   * SQLite only: fsync every commit, so that each acknowledged event also survives power loss (by
   * default commits survive any process crash, and every signed checkpoint is fsynced; see
   * `sqlite/store.ts`). PostgreSQL's durability is the server's `synchronous_commit`.
   */
  readonly syncEachAppend?: boolean;
}

/**
 * Opens the audit store, creating the database and the keys on first use.
 * @throws AirlockError `audit_not_found` (only with `create: false`), `audit_key_invalid` for
 * unusable keys, `audit_unwritable` when the store cannot be opened.
 */
export async function openAuditStore(opts: OpenOptions): Promise<AuditStore> {
  const sqlitePath = auditPaths(opts.home).db;
  if (!opts.url && opts.create === false && !existsSync(sqlitePath)) {
    throw new AirlockError('audit_not_found', `no audit log at \`${sqlitePath}\``);
  }
  let backend: AuditBackend | undefined;
  try {
    const keys = loadKeys(opts.home);
    // Each driver is loaded only when used: `airlock check` on SQLite never pays for pg, and back.
    backend = opts.url ? await openPostgres(opts.url) : (await import('./sqlite/store.js')).openSqliteBackend(sqlitePath, { syncEachAppend: opts.syncEachAppend ?? false });
    return new Writer({
      backend,
      home: opts.home,
      keys,
      redactor: createRedactor({ hmacKey: keys.hmacKey, knownSecrets: opts.knownSecrets ?? [], ...(opts.words ? { words: opts.words } : {}) }),
      clock: opts.clock ?? Date.now,
      policy: { ...DEFAULT_CHECKPOINT_POLICY, ...opts.checkpoints },
    });
  } catch (err) {
    await backend?.close().catch(() => undefined);
    if (err instanceof AirlockError) throw err;
    const reason = err instanceof Error ? err.message.slice(0, 200) : 'unknown error';
    throw new AirlockError('audit_unwritable', `audit store cannot be opened: ${reason}`, { cause: err });
  }
}

async function openPostgres(url: string): Promise<AuditBackend> {
  if (!/^postgres(ql)?:\/\//.test(url)) {
    throw new AirlockError('audit_unwritable', 'audit url must start with `postgres://` or `postgresql://`');
  }
  return (await import('./postgres/store.js')).openPostgresBackend(url);
}
