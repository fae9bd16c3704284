/**
 * The team store: PostgreSQL through pg, selected by a `postgres://` URL (`?schema=` picks the
 * schema, default `airlock_audit`).
 *
 * Durability promise: an append resolves after COMMIT returns, i.e. after the server flushed the
 * commit to its WAL (with the default `synchronous_commit = on`; with replicas, as the server's
 * `synchronous_standby_names` promises). Writers serialise on a transaction-scoped advisory lock
 * per log, so processes on any number of hosts keep one gap-free chain.
 */
import pg from 'pg';
import { randomId, sha256Bytes } from '../../crypto/index.js';
import type { StoredRow } from '../codec.js';
import { GENESIS } from '../event.js';
import { PAGE_SIZE, whereClause } from '../filter.js';
import type { AppendState, AuditBackend, CheckpointState, EventFilter, RawCheckpoint } from '../store.js';
import { COLUMNS, SCHEMA_NAME, SCHEMA_VERSION, schemaSql } from './schema.js';

/** Splits an audit URL into the pg connection string, the schema and a printable location. */
export function parsePostgresUrl(url: string): { connectionString: string; schema: string; location: string } {
  const u = new URL(url);
  const schema = u.searchParams.get('schema') ?? 'airlock_audit';
  if (!SCHEMA_NAME.test(schema)) throw new TypeError(`schema \`${schema}\` is not a plain lower-case identifier`);
  u.searchParams.delete('schema');
  const connectionString = u.toString();
  u.password = '';
  u.searchParams.set('schema', schema);
  return { connectionString, schema, location: u.toString() };
}

/** Opens (creating the schema on first use) the PostgreSQL audit log at `url`. */
export async function openPostgresBackend(url: string): Promise<AuditBackend> {
  const { connectionString, schema, location } = parsePostgresUrl(url);
  // One advisory lock key per log, derived from its schema name (signed 64-bit, as pg wants).
  const lockKey = sha256Bytes(`airlock-audit:${schema}`).readBigInt64BE(0).toString();
  const writer = await connect(connectionString);
  try {
    // The common case, an existing log, needs one read and no lock.
    const existing = await writer.query<{ value: string }>(`SELECT value FROM "${schema}".meta WHERE key = 'log_id'`).catch(() => undefined);
    const known = existing?.rows[0]?.value;
    if (known) return new PostgresBackend(writer, () => connect(connectionString), schema, lockKey, location, known);
    await writer.query(`BEGIN; SELECT pg_advisory_xact_lock(${lockKey})`);
    await writer.query(schemaSql(schema));
    await writer.query(`INSERT INTO "${schema}".meta (key, value) VALUES ('schema', $1), ('log_id', $2) ON CONFLICT (key) DO NOTHING`, [
      SCHEMA_VERSION,
      randomId('log'),
    ]);
    const r = await writer.query<{ value: string }>(`SELECT value FROM "${schema}".meta WHERE key = 'log_id'`);
    await writer.query('COMMIT');
    return new PostgresBackend(writer, () => connect(connectionString), schema, lockKey, location, (r.rows[0] as { value: string }).value);
  } catch (err) {
    await writer.end().catch(() => undefined);
    throw err;
  }
}

async function connect(connectionString: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString });
  // A dropped idle connection is reported as an event; without a listener it would kill the process.
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

class PostgresBackend implements AuditBackend {
  readonly kind = 'postgres';
  private reader: Promise<pg.Client> | undefined;
  private readonly t: { events: string; checkpoints: string };

  constructor(
    private readonly writer: pg.Client,
    private readonly connectReader: () => Promise<pg.Client>,
    schema: string,
    private readonly lockKey: string,
    readonly location: string,
    readonly logId: string,
  ) {
    this.t = { events: `"${schema}".events`, checkpoints: `"${schema}".checkpoints` };
  }

  /** Runs `body` in a transaction that holds the log's write lock. */
  private async locked<T>(body: (c: pg.Client) => Promise<T>): Promise<T> {
    const c = this.writer;
    await c.query(`BEGIN; SELECT pg_advisory_xact_lock(${this.lockKey})`);
    try {
      const result = await body(c);
      await c.query('COMMIT');
      return result;
    } catch (err) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw err;
    }
  }

  /**
   * Two round trips per batch: (BEGIN; lock; read heads) then (INSERT …; COMMIT), as simple queries
   * with escaped literals. Within a multi-statement query each statement still takes its own
   * snapshot (READ COMMITTED), so the heads are read after the lock is held.
   */
  async append(sessions: readonly string[], build: (state: AppendState) => StoredRow[]): Promise<{ rows: StoredRow[]; state: AppendState }> {
    const c = this.writer;
    const lit = (v: string): string => c.escapeLiteral(v);
    try {
      const results = (await c.query(
        [
          `BEGIN; SELECT pg_advisory_xact_lock(${this.lockKey})`,
          `SELECT idx::text AS last_idx, hash FROM ${this.t.events} ORDER BY idx DESC LIMIT 1`,
          `SELECT size::text AS cp_size, time FROM ${this.t.checkpoints} ORDER BY size DESC LIMIT 1`,
          ...sessions.map((s) => `SELECT ${lit(s)} AS session, seq, hash FROM ${this.t.events} WHERE session = ${lit(s)} ORDER BY seq DESC LIMIT 1`),
        ].join(';\n'),
      )) as unknown as pg.QueryResult[];
      const [, , head, cp, ...heads] = results.map((r) => r.rows[0] as Record<string, string | number> | undefined);
      const state: AppendState = {
        size: head ? Number(head.last_idx) + 1 : 0,
        last: (head?.hash as string | undefined) ?? GENESIS,
        sessions: new Map(heads.filter((h) => h !== undefined).map((h) => [h.session as string, { seq: Number(h.seq), hash: h.hash as string }])),
        ...(cp ? { checkpoint: { size: Number(cp.cp_size), time: cp.time as string } } : {}),
      };
      const rows = build(state);
      const values = rows.map((r) => `(${r.idx}, ${lit(r.id)}, ${lit(r.time)}, ${lit(r.type)}, ${lit(r.session)}, ${r.seq}, ${lit(r.agent)}, ${lit(r.repo)}, ${lit(r.decision)}, ${lit(r.hash)}, ${lit(r.body)})`);
      await c.query(`INSERT INTO ${this.t.events} (${COLUMNS}) VALUES ${values.join(',\n')};\nCOMMIT`);
      return { rows, state };
    } catch (err) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw err;
    }
  }

  addCheckpoint(make: (state: CheckpointState) => RawCheckpoint | undefined): Promise<RawCheckpoint | undefined> {
    return this.locked(async (c) => {
      const head = await c.query<{ size: string | null }>(`SELECT max(idx) + 1 AS size FROM ${this.t.events}`);
      const lastRows = await c.query<RawCheckpoint>(
        `SELECT size::float8 AS size, time, body, frontier FROM ${this.t.checkpoints} ORDER BY size DESC LIMIT 1`,
      );
      const last = lastRows.rows[0];
      const hashes = await c.query<{ hash: string }>(`SELECT hash FROM ${this.t.events} WHERE idx >= $1 ORDER BY idx`, [last?.size ?? 0]);
      const made = make({ size: Number(head.rows[0]?.size ?? 0), ...(last ? { last } : {}), hashes: hashes.rows.map((r) => r.hash) });
      if (made) {
        await c.query(`INSERT INTO ${this.t.checkpoints} (size, time, body, frontier) VALUES ($1, $2, $3, $4)`, [
          made.size, made.time, made.body, made.frontier,
        ]);
      }
      return made;
    });
  }

  private async read(): Promise<pg.Client> {
    this.reader ??= this.connectReader();
    return this.reader;
  }

  async *rows(filter: EventFilter = {}): AsyncIterable<StoredRow> {
    const c = await this.read();
    const where = whereClause(filter, (n) => `$${n}`);
    const select = `SELECT idx::float8 AS idx, id, time, type, session, seq, agent, repo, decision, hash, body FROM ${this.t.events}`;
    let from = -1;
    if (filter.limit !== undefined) {
      if (filter.limit <= 0) return;
      const start = await c.query<{ idx: number }>(
        `SELECT idx::float8 AS idx FROM ${this.t.events} ${where.sql} ORDER BY idx DESC LIMIT 1 OFFSET $${where.params.length + 1}`,
        [...where.params, filter.limit - 1],
      );
      if (start.rows[0]) from = start.rows[0].idx - 1;
    }
    const n = where.params.length + 1;
    for (;;) {
      const page = await c.query<StoredRow>(
        `${select} ${where.sql ? `${where.sql} AND` : 'WHERE'} idx > $${n} ORDER BY idx LIMIT ${PAGE_SIZE}`,
        [...where.params, from],
      );
      for (const row of page.rows) yield row;
      if (page.rows.length < PAGE_SIZE) return;
      from = (page.rows[page.rows.length - 1] as StoredRow).idx;
    }
  }

  async count(): Promise<number> {
    const c = await this.read();
    const r = await c.query<{ n: number }>(`SELECT count(*)::float8 AS n FROM ${this.t.events}`);
    return r.rows[0]?.n ?? 0;
  }

  async checkpoints(): Promise<RawCheckpoint[]> {
    const c = await this.read();
    const r = await c.query<RawCheckpoint>(`SELECT size::float8 AS size, time, body, frontier FROM ${this.t.checkpoints} ORDER BY size`);
    return r.rows;
  }

  async close(): Promise<void> {
    const reader = this.reader;
    this.reader = undefined;
    await Promise.all([this.writer.end(), reader?.then((c) => c.end())]);
  }
}
