/**
 * The embedded store: SQLite through better-sqlite3, one file in AIRLOCK_HOME. Writers serialise on
 * `BEGIN IMMEDIATE` with a busy timeout, which keeps one gap-free chain when several hook processes
 * append at once.
 *
 * Durability promise (default, `syncEachAppend: false`): WAL with `synchronous = NORMAL`. An append
 * resolves once its commit is in the WAL file, so it survives the death of any process, kill -9
 * included. Every signed checkpoint is committed with `synchronous = FULL`, which fsyncs the WAL and
 * with it every event the checkpoint covers: after a power loss or an OS crash, all events under
 * the newest checkpoint are on disk and the log verifies; events appended after it may be lost
 * (checkpoints come at least every 1000 events, every minute of activity and at each session end).
 * With `syncEachAppend: true` every commit is fsynced (`synchronous = FULL`): each acknowledged
 * event survives power loss too, at the cost of one fsync per transaction (see `npm run bench`).
 */
import Database from 'better-sqlite3';
import { closeSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { randomId } from '../../crypto/index.js';
import type { StoredRow } from '../codec.js';
import { GENESIS } from '../event.js';
import { PAGE_SIZE, whereClause } from '../filter.js';
import { ensureDir } from '../home.js';
import type { AppendState, AuditBackend, CheckpointState, EventFilter, RawCheckpoint } from '../store.js';
import { COLUMNS, SCHEMA_SQL, SCHEMA_VERSION } from './schema.js';

/** How long a writer waits for the lock before the append fails (and the decision is denied). */
const BUSY_TIMEOUT_MS = 15_000;

/** Opens (creating on first use) the SQLite audit log at `path`. */
export function openSqliteBackend(path: string, opts: { syncEachAppend?: boolean } = {}): AuditBackend {
  ensureDir(dirname(path));
  // Created here so that the file (and the -wal / -shm files SQLite derives from it) is 0600.
  closeSync(openSync(path, 'a', 0o600));
  const db = new Database(path, { timeout: BUSY_TIMEOUT_MS });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${opts.syncEachAppend ? 'FULL' : 'NORMAL'}`);
    // Copying the WAL back into the database (and fsyncing it) takes milliseconds. At SQLite's
    // default of 1000 pages that lands on one append in ~300 and dominates the p99 of a decision;
    // at 10000 pages (~40 MB) it is one in ~3000. The WAL file is cut back to 64 MB afterwards.
    db.pragma('wal_autocheckpoint = 10000');
    db.pragma('journal_size_limit = 67108864');
    // The common case, an existing log, needs only a read: no write lock taken just to open.
    const logId = existingLogId(db) ?? db.transaction(() => {
      db.exec(SCHEMA_SQL);
      const insert = db.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)');
      insert.run('schema', SCHEMA_VERSION);
      insert.run('log_id', randomId('log'));
      return (db.prepare("SELECT value FROM meta WHERE key = 'log_id'").get() as { value: string }).value;
    }).immediate();
    return new SqliteBackend(db, path, logId, opts.syncEachAppend ?? false);
  } catch (err) {
    db.close();
    throw err;
  }
}

function existingLogId(db: Database.Database): string | undefined {
  try {
    return (db.prepare("SELECT value FROM meta WHERE key = 'log_id'").get() as { value: string } | undefined)?.value;
  } catch {
    return undefined; // no schema yet
  }
}

class SqliteBackend implements AuditBackend {
  readonly kind = 'sqlite';
  private readonly s;

  constructor(
    private readonly db: Database.Database,
    readonly location: string,
    readonly logId: string,
    private readonly syncEachAppend: boolean,
  ) {
    this.s = {
      head: db.prepare('SELECT idx, hash FROM events ORDER BY idx DESC LIMIT 1'),
      sessionHead: db.prepare('SELECT seq, hash FROM events WHERE session = ? ORDER BY seq DESC LIMIT 1'),
      lastCheckpoint: db.prepare('SELECT size, time, body, frontier FROM checkpoints ORDER BY size DESC LIMIT 1'),
      hashesFrom: db.prepare('SELECT hash FROM events WHERE idx >= ? ORDER BY idx').pluck(),
      insert: db.prepare(`INSERT INTO events (${COLUMNS}) VALUES (@idx, @id, @time, @type, @session, @seq, @agent, @repo, @decision, @hash, @body)`),
      insertCheckpoint: db.prepare('INSERT INTO checkpoints (size, time, body, frontier) VALUES (@size, @time, @body, @frontier)'),
      count: db.prepare('SELECT count(*) FROM events').pluck(),
      checkpoints: db.prepare('SELECT size, time, body, frontier FROM checkpoints ORDER BY size'),
    };
  }

  append(sessions: readonly string[], build: (state: AppendState) => StoredRow[]): Promise<{ rows: StoredRow[]; state: AppendState }> {
    const run = this.db.transaction(() => {
      const state = this.readState(sessions);
      const rows = build(state);
      for (const row of rows) this.s.insert.run(row);
      return { rows, state };
    });
    return Promise.resolve(run.immediate());
  }

  private readState(sessions: readonly string[]): AppendState {
    const head = this.s.head.get() as { idx: number; hash: string } | undefined;
    const heads = new Map<string, { seq: number; hash: string }>();
    for (const session of sessions) {
      const h = this.s.sessionHead.get(session) as { seq: number; hash: string } | undefined;
      if (h) heads.set(session, h);
    }
    const cp = this.s.lastCheckpoint.get() as RawCheckpoint | undefined;
    return {
      size: head ? head.idx + 1 : 0,
      last: head?.hash ?? GENESIS,
      sessions: heads,
      ...(cp ? { checkpoint: { size: cp.size, time: cp.time } } : {}),
    };
  }

  addCheckpoint(make: (state: CheckpointState) => RawCheckpoint | undefined): Promise<RawCheckpoint | undefined> {
    const run = this.db.transaction(() => {
      const head = this.s.head.get() as { idx: number } | undefined;
      const last = this.s.lastCheckpoint.get() as RawCheckpoint | undefined;
      const hashes = this.s.hashesFrom.all(last?.size ?? 0) as string[];
      const made = make({ size: head ? head.idx + 1 : 0, ...(last ? { last } : {}), hashes });
      if (made) this.s.insertCheckpoint.run(made);
      return made;
    });
    // INVARIANT: a signed checkpoint is durable, and so is everything it covers: its commit fsyncs
    // the WAL, which holds every earlier commit too.
    if (!this.syncEachAppend) this.db.pragma('synchronous = FULL');
    let made: RawCheckpoint | undefined;
    try {
      made = run.immediate();
    } finally {
      if (!this.syncEachAppend) this.db.pragma('synchronous = NORMAL');
    }
    return Promise.resolve(made);
  }

  // eslint-disable-next-line @typescript-eslint/require-await -- better-sqlite3 is synchronous; async is the backend contract
  async *rows(filter: EventFilter = {}): AsyncIterable<StoredRow> {
    const where = whereClause(filter, () => '?');
    let from = -1;
    if (filter.limit !== undefined) {
      // The newest `limit` matching rows: find where they start, then page forward from there.
      const start = this.db
        .prepare(`SELECT idx FROM events ${where.sql} ORDER BY idx DESC LIMIT 1 OFFSET ?`)
        .pluck()
        .get(...where.params, Math.max(0, filter.limit - 1)) as number | undefined;
      if (start !== undefined) from = start - 1;
      if (filter.limit <= 0) return;
    }
    const page = this.db.prepare(
      `SELECT ${COLUMNS} FROM events ${where.sql ? `${where.sql} AND` : 'WHERE'} idx > ? ORDER BY idx LIMIT ${PAGE_SIZE}`,
    );
    for (;;) {
      const rows = page.all(...where.params, from) as StoredRow[];
      for (const row of rows) yield row;
      if (rows.length < PAGE_SIZE) return;
      from = (rows[rows.length - 1] as StoredRow).idx;
    }
  }

  count(): Promise<number> {
    return Promise.resolve(this.s.count.get() as number);
  }

  checkpoints(): Promise<RawCheckpoint[]> {
    return Promise.resolve(this.s.checkpoints.all() as RawCheckpoint[]);
  }

  close(): Promise<void> {
    this.db.close();
    return Promise.resolve();
  }
}
