/**
 * Test harness: the same suite runs against SQLite and PostgreSQL. Each test gets its own home
 * directory and, for PostgreSQL, its own schema (dropped afterwards), plus raw access to the
 * tables for tampering and for reading every stored byte.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { randomId } from '../../crypto/index.js';
import type { StoredRow } from '../codec.js';
import { auditPaths } from '../home.js';
import { openAuditStore, type OpenOptions } from '../open.js';
import type { AuditStore, RawCheckpoint } from '../store.js';

/** The server CI provides (trust auth, database `test`). */
export const PG_URL = process.env.AIRLOCK_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export type StoreKind = 'sqlite' | 'postgres';
export const STORE_KINDS: readonly StoreKind[] = ['sqlite', 'postgres'];

/** Direct access to the tables, bypassing the store (what an attacker with database access has). */
export interface RawAccess {
  rows(): Promise<StoredRow[]>;
  /** Replaces the whole events table with `rows` (their idx values included). */
  setRows(rows: readonly StoredRow[]): Promise<void>;
  checkpoints(): Promise<RawCheckpoint[]>;
  setCheckpoints(rows: readonly RawCheckpoint[]): Promise<void>;
  /** Every byte the store holds, as latin1 text (SQLite: the db, -wal and -shm files; PostgreSQL: all rows as text). */
  dump(): Promise<string>;
  close(): Promise<void>;
}

export interface TestStore {
  readonly kind: StoreKind;
  readonly home: string;
  readonly url?: string;
  open(extra?: Partial<OpenOptions>): Promise<AuditStore>;
  raw(): Promise<RawAccess>;
  cleanup(): Promise<void>;
}

/** A fresh, empty store location of the given kind. */
export function testStore(kind: StoreKind): TestStore {
  const home = mkdtempSync(join(tmpdir(), 'airlock-audit-'));
  const schema = `airlock_test_${randomId('s').slice(2, 18)}`;
  const url = kind === 'postgres' ? `${PG_URL}?schema=${schema}` : undefined;
  return {
    kind,
    home,
    ...(url ? { url } : {}),
    open: (extra = {}) => openAuditStore({ home, ...(url ? { url } : {}), checkpoints: { intervalMs: 3_600_000 }, ...extra }),
    raw: () => (kind === 'sqlite' ? Promise.resolve(sqliteRaw(auditPaths(home).db)) : postgresRaw(schema)),
    cleanup: async () => {
      rmSync(home, { recursive: true, force: true });
      if (kind === 'postgres') {
        const c = new pg.Client({ connectionString: PG_URL });
        await c.connect();
        await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await c.end();
      }
    },
  };
}

const COLS = 'idx, id, time, type, session, seq, agent, repo, decision, hash, body';

function sqliteRaw(path: string): RawAccess {
  const db = new Database(path, { timeout: 15_000 });
  const drop = (): void => {
    for (const t of ['events_no_update', 'events_no_delete', 'checkpoints_no_update', 'checkpoints_no_delete']) db.exec(`DROP TRIGGER IF EXISTS ${t}`);
  };
  // The attacker also removes the uniqueness constraints, so that any mutation can be stored.
  db.transaction(() => {
    db.exec('CREATE TABLE events_loose AS SELECT * FROM events');
    db.exec('DROP TABLE events');
    db.exec(`CREATE TABLE events (idx INTEGER PRIMARY KEY, id TEXT, time TEXT, type TEXT, session TEXT, seq INTEGER, agent TEXT, repo TEXT, decision TEXT, hash TEXT, body TEXT)`);
    db.exec('INSERT INTO events SELECT * FROM events_loose');
    db.exec('DROP TABLE events_loose');
  })();
  return {
    rows: () => Promise.resolve(db.prepare(`SELECT ${COLS} FROM events ORDER BY idx`).all() as StoredRow[]),
    setRows: (rows) => {
      drop();
      const ins = db.prepare(`INSERT INTO events (${COLS}) VALUES (@idx, @id, @time, @type, @session, @seq, @agent, @repo, @decision, @hash, @body)`);
      db.transaction(() => {
        db.exec('DELETE FROM events');
        for (const r of rows) ins.run(r);
      })();
      return Promise.resolve();
    },
    checkpoints: () => Promise.resolve(db.prepare('SELECT size, time, body, frontier FROM checkpoints ORDER BY size').all() as RawCheckpoint[]),
    setCheckpoints: (rows) => {
      drop();
      const ins = db.prepare('INSERT INTO checkpoints (size, time, body, frontier) VALUES (@size, @time, @body, @frontier)');
      db.transaction(() => {
        db.exec('DELETE FROM checkpoints');
        for (const r of rows) ins.run(r);
      })();
      return Promise.resolve();
    },
    dump: () => Promise.resolve(['', '-wal', '-shm'].map((s) => (existsSync(path + s) ? readFileSync(path + s).toString('latin1') : '')).join('\n')),
    close: () => {
      db.close();
      return Promise.resolve();
    },
  };
}

async function postgresRaw(schema: string): Promise<RawAccess> {
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  const s = `"${schema}"`;
  const drop = async (): Promise<void> => {
    await c.query(`DROP TRIGGER IF EXISTS events_append_only ON ${s}.events; DROP TRIGGER IF EXISTS events_no_truncate ON ${s}.events;
      DROP TRIGGER IF EXISTS checkpoints_append_only ON ${s}.checkpoints`);
  };
  // The attacker also removes the uniqueness constraints, so that any mutation can be stored.
  await c.query(`ALTER TABLE ${s}.events DROP CONSTRAINT IF EXISTS events_session_seq_key, DROP CONSTRAINT IF EXISTS events_id_key`);
  const tx = async (body: () => Promise<void>): Promise<void> => {
    await c.query('BEGIN');
    try {
      await body();
      await c.query('COMMIT');
    } catch (err) {
      await c.query('ROLLBACK');
      throw err;
    }
  };
  return {
    rows: async () => (await c.query<StoredRow>(`SELECT idx::float8 AS idx, id, time, type, session, seq, agent, repo, decision, hash, body FROM ${s}.events ORDER BY idx`)).rows,
    setRows: async (rows) => {
      await drop();
      await tx(async () => {
        await c.query(`DELETE FROM ${s}.events`);
        const cols = COLS.split(', ') as (keyof StoredRow)[];
        await c.query(
          `INSERT INTO ${s}.events (${COLS}) SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[])`,
          cols.map((col) => rows.map((r) => r[col])),
        );
      });
    },
    checkpoints: async () => (await c.query<RawCheckpoint>(`SELECT size::float8 AS size, time, body, frontier FROM ${s}.checkpoints ORDER BY size`)).rows,
    setCheckpoints: async (rows) => {
      await drop();
      await tx(async () => {
        await c.query(`DELETE FROM ${s}.checkpoints`);
        for (const r of rows) await c.query(`INSERT INTO ${s}.checkpoints (size, time, body, frontier) VALUES ($1, $2, $3, $4)`, [r.size, r.time, r.body, r.frontier]);
      });
    },
    dump: async () => {
      const parts: string[] = [];
      for (const t of ['events', 'checkpoints', 'meta']) {
        const r = await c.query<{ t: string }>(`SELECT x::text AS t FROM ${s}.${t} x`);
        parts.push(...r.rows.map((row) => row.t));
      }
      return parts.join('\n');
    },
    close: () => c.end(),
  };
}
