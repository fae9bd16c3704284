import { chmodSync, closeSync, mkdirSync, openSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

/** What Airlock remembers about a session between hook calls (each hook is its own process). */
export interface SessionState {
  /** The latest prompt, already redacted by the caller (shown to approvers). */
  readonly lastPrompt: string;
  /** What the session already did: `secret-read`, `untrusted-content`, … (policy context). */
  readonly labels: readonly string[];
}

/**
 * Session state in `AIRLOCK_HOME/sessions.db`. SQLite because hooks of one session run in parallel and
 * labels must not be lost to a read-modify-write race (an UPSERT per label is atomic).
 */
export class SessionStore {
  private readonly db: Database.Database;

  constructor(home: string) {
    mkdirSync(home, { recursive: true, mode: 0o700 });
    const file = join(home, 'sessions.db');
    // Created 0600 before SQLite opens it: SQLite gives the -wal and -shm files the database file's mode,
    // and WAL mode creates them at once (a chmod afterwards left them readable).
    closeSync(openSync(file, 'a', 0o600));
    if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`CREATE TABLE IF NOT EXISTS session (id TEXT PRIMARY KEY, last_prompt TEXT NOT NULL DEFAULT '', updated INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS label (session TEXT NOT NULL, label TEXT NOT NULL, at INTEGER NOT NULL, PRIMARY KEY (session, label));
      CREATE TABLE IF NOT EXISTS pending_ask (session TEXT NOT NULL, tool_use TEXT NOT NULL, decision TEXT NOT NULL, digest TEXT NOT NULL DEFAULT '', at INTEGER NOT NULL, PRIMARY KEY (session, tool_use));`);
  }

  get(session: string): SessionState {
    const row = this.db.prepare('SELECT last_prompt FROM session WHERE id = ?').get(session) as { last_prompt: string } | undefined;
    const labels = (this.db.prepare('SELECT label FROM label WHERE session = ? ORDER BY label').all(session) as Array<{ label: string }>).map((r) => r.label);
    return { lastPrompt: row?.last_prompt ?? '', labels };
  }

  setPrompt(session: string, prompt: string, now: number): void {
    this.db.prepare('INSERT INTO session (id, last_prompt, updated) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET last_prompt = excluded.last_prompt, updated = excluded.updated').run(session, prompt, now);
  }

  addLabels(session: string, labels: readonly string[], now: number): void {
    const stmt = this.db.prepare('INSERT OR IGNORE INTO label (session, label, at) VALUES (?, ?, ?)');
    this.db.transaction(() => {
      for (const l of labels) stmt.run(session, l, now);
    })();
  }

  /** An "ask" handed to the client's own prompt: if the tool then runs, the human said yes there. */
  rememberAsk(session: string, toolUse: string, decisionId: string, digest: string, now: number): void {
    this.db.prepare('INSERT OR REPLACE INTO pending_ask (session, tool_use, decision, digest, at) VALUES (?, ?, ?, ?, ?)').run(session, toolUse, decisionId, digest, now);
  }

  /** Takes (and forgets) the pending ask of a tool call. */
  takeAsk(session: string, toolUse: string): { decisionId: string; digest: string } | undefined {
    const row = this.db.prepare('DELETE FROM pending_ask WHERE session = ? AND tool_use = ? RETURNING decision, digest').get(session, toolUse) as { decision: string; digest: string } | undefined;
    return row ? { decisionId: row.decision, digest: row.digest } : undefined;
  }

  close(): void {
    this.db.close();
  }
}

/** Labels an action's effects give the session (the "lethal trifecta" inputs policies may check). */
export function labelsFor(kinds: readonly string[]): string[] {
  const out = new Set<string>();
  for (const k of kinds) {
    if (k === 'secret.read') out.add('secret-read');
    if (k === 'net.fetch' || k === 'tool.call') out.add('untrusted-content');
    if (k === 'net.send' || k === 'net.connect') out.add('network-send');
  }
  return [...out];
}
