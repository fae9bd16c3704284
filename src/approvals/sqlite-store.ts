/**
 * The embedded approvals store: `AIRLOCK_HOME/approvals.db` through better-sqlite3 (WAL, busy
 * timeout, mode 0600). Every state change is one `BEGIN IMMEDIATE` transaction, so several hook
 * processes, the CLI and the server can share the file.
 */
import Database from 'better-sqlite3';
import { chmodSync, closeSync, mkdirSync, openSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { randomId } from '../crypto/index.js';
import { AirlockError } from '../errors/index.js';
import { approvalDigest } from './digest.js';
import { checkApprover } from './self-approval.js';
import { SCHEMA_SQL, SCHEMA_VERSION, statusCondition, toRecord, type RecordBody, type Row, type StoredStatus } from './sqlite-schema.js';
import {
  DEFAULT_POLL_MS, DEFAULT_RETENTION_MS, DEFAULT_TTL_MS, MAX_PROMPT_CHARS, MAX_TTL_MS, MIN_TTL_MS,
  type ApprovalStore, type ApprovalsOptions, type ClientAnswer,
} from './store.js';
import type { ApprovalFilter, ApprovalRecord, ApprovalRequestInput, Approver } from './types.js';

/** How long a writer waits for another's lock before failing (the pipeline then fails closed). */
const BUSY_TIMEOUT_MS = 5_000;
/** Longest approver note kept. */
const MAX_NOTE_CHARS = 500;

/** Runs a synchronous database call as a promise: its exceptions become rejections, never synchronous throws. */
function settle<T>(fn: () => T): Promise<T> {
  try {
    return Promise.resolve(fn());
  } catch (err) {
    return Promise.reject(err instanceof Error ? err : new Error(String(err)));
  }
}

/** The database file under a home directory. */
export function approvalsPath(home: string): string {
  return join(home, 'approvals.db');
}

/** Opens (creating on first use) the approvals store in `home`. */
export function openApprovals(home: string, opts: ApprovalsOptions = {}): ApprovalStore {
  mkdirSync(home, { recursive: true, mode: 0o700 });
  const path = approvalsPath(home);
  // Created here so that the file (and the -wal / -shm files SQLite derives from it) is 0600.
  closeSync(openSync(path, 'a', 0o600));
  if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
  const db = new Database(path, { timeout: BUSY_TIMEOUT_MS });
  try {
    db.pragma('journal_mode = WAL');
    // A consumed grant must stay consumed after a power loss, or it could be used twice.
    db.pragma('synchronous = FULL');
    db.transaction(() => {
      db.exec(SCHEMA_SQL);
      db.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)').run('schema', SCHEMA_VERSION);
    }).immediate();
    return new SqliteApprovals(db, opts);
  } catch (err) {
    db.close();
    throw err;
  }
}

class SqliteApprovals implements ApprovalStore {
  private readonly s;
  private readonly pollMs: number;

  constructor(
    private readonly db: Database.Database,
    private readonly opts: ApprovalsOptions,
  ) {
    this.pollMs = Math.max(10, opts.pollMs ?? DEFAULT_POLL_MS);
    this.s = {
      byId: db.prepare('SELECT * FROM approvals WHERE id = ?'),
      open: db.prepare("SELECT * FROM approvals WHERE digest = ? AND status IN ('pending', 'granted') AND expires > ? ORDER BY created DESC LIMIT 1"),
      pending: db.prepare("SELECT * FROM approvals WHERE digest = ? AND status = 'pending' AND expires > ? ORDER BY created DESC LIMIT 1"),
      insert: db.prepare('INSERT INTO approvals (id, digest, status, created, expires, session, body) VALUES (@id, @digest, \'pending\', @created, @expires, @session, @body)'),
      answer: db.prepare("UPDATE approvals SET status = @status, approver = @approver, consumed_at = @consumedAt WHERE id = @id AND status = 'pending' RETURNING *"),
      consume: db.prepare(
        `UPDATE approvals SET status = 'consumed', consumed_at = @now
         WHERE id = (SELECT id FROM approvals WHERE digest = @digest AND status = 'granted' AND expires > @now ORDER BY created LIMIT 1)
           AND status = 'granted' RETURNING *`,
      ),
      prune: db.prepare('DELETE FROM approvals WHERE expires < ?'),
    };
  }

  async request(input: ApprovalRequestInput, now: number): Promise<ApprovalRecord> {
    const digest = approvalDigest(input);
    const ttl = Math.min(MAX_TTL_MS, Math.max(MIN_TTL_MS, input.ttlMs ?? DEFAULT_TTL_MS));
    const raw = (input.prompt ?? '').slice(0, MAX_PROMPT_CHARS);
    const prompt = this.opts.redactPrompt && raw ? await this.opts.redactPrompt(raw) : raw;
    // INVARIANT: the digest above is of the exact action; only the stored copy is redacted.
    const stored = { action: input.action, effects: input.effects, reasons: input.reasons };
    const { action, effects, reasons } = this.opts.redactRecord ? await this.opts.redactRecord(stored) : stored;
    const c = input.context;
    const run = this.db.transaction((): ApprovalRecord => {
      // A retried hook finds its own request (or the grant given for it) instead of adding another.
      const open = this.s.open.get(digest, now) as Row | undefined;
      if (open) return toRecord(open, now);
      this.s.prune.run(now - (this.opts.retentionMs ?? DEFAULT_RETENTION_MS));
      const body: RecordBody = {
        v: 1, id: randomId('apr'), digest, created: now, expires: now + ttl,
        requester: { user: c.user, agent: c.agent, client: c.client, session: c.session },
        action, cwd: c.cwd, env: c.env, repo: c.repo.root, remote: c.repo.remote,
        policyDigest: input.policyDigest, decisionId: input.decisionId, reasons, effects, prompt,
      };
      this.s.insert.run({ id: body.id, digest, created: now, expires: body.expires, session: c.session, body: JSON.stringify(body) });
      return { ...body, status: 'pending' };
    });
    return run.immediate();
  }

  get(id: string, now: number): Promise<ApprovalRecord | undefined> {
    return settle(() => {
      const row = this.s.byId.get(id) as Row | undefined;
      return row ? toRecord(row, now) : undefined;
    });
  }

  list(filter: ApprovalFilter, now: number): Promise<ApprovalRecord[]> {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (filter.status) {
      const c = statusCondition(filter.status, now);
      where.push(c.sql);
      params.push(...c.params);
    }
    if (filter.session !== undefined) {
      where.push('session = ?');
      params.push(filter.session);
    }
    if (filter.since !== undefined) {
      where.push('created >= ?');
      params.push(filter.since);
    }
    const limit = filter.limit !== undefined && filter.limit > 0 ? ` LIMIT ${Math.floor(filter.limit)}` : '';
    const sql = `SELECT * FROM approvals${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY created DESC, id DESC${limit}`;
    return settle(() => (this.db.prepare(sql).all(...params) as Row[]).reverse().map((r) => toRecord(r, now)));
  }

  grant(id: string, approver: Approver, now: number, note?: string): Promise<ApprovalRecord> {
    return settle(() => this.answer(id, approver, now, note, 'granted'));
  }

  refuse(id: string, approver: Approver, now: number, note?: string): Promise<ApprovalRecord> {
    return settle(() => this.answer(id, approver, now, note, 'refused'));
  }

  private answer(id: string, approver: Approver, now: number, note: string | undefined, to: StoredStatus): ApprovalRecord {
    const run = this.db.transaction((): ApprovalRecord => {
      const row = this.s.byId.get(id) as Row | undefined;
      if (!row) throw new AirlockError('approval_not_found', `no approval request \`${id}\``);
      const current = toRecord(row, now);
      if (current.status === 'expired') throw new AirlockError('approval_expired', `approval request \`${id}\` has expired`);
      if (current.status !== 'pending') throw new AirlockError('approval_not_pending', `approval request \`${id}\` is already ${current.status}`);
      checkApprover(current, approver);
      const answered = { user: approver.user, session: approver.session, via: approver.via, at: now, note: (note ?? '').slice(0, MAX_NOTE_CHARS) };
      const updated = this.s.answer.get({ id, status: to, approver: JSON.stringify(answered), consumedAt: null }) as Row;
      return toRecord(updated, now);
    });
    return run.immediate();
  }

  consume(digest: string, now: number): Promise<ApprovalRecord | undefined> {
    // INVARIANT: single use. The flip granted → consumed is one conditional UPDATE inside an
    // IMMEDIATE transaction: of two consumers, the second finds no granted row and gets undefined.
    const run = this.db.transaction(() => this.s.consume.get({ digest, now }) as Row | undefined);
    return settle(() => {
      const row = run.immediate();
      return row ? toRecord(row, now) : undefined;
    });
  }

  answeredInClient(digest: string, answer: ClientAnswer, now: number): Promise<ApprovalRecord | undefined> {
    if (!answer.user.trim()) return Promise.reject(new AirlockError('approval_invalid', 'an approval needs the approver\'s user identity'));
    const run = this.db.transaction((): ApprovalRecord | undefined => {
      const row = this.s.pending.get(digest, now) as Row | undefined;
      if (!row) return undefined;
      const answered = { user: answer.user, session: '', via: 'client-prompt', at: now, note: (answer.note ?? '').slice(0, MAX_NOTE_CHARS) };
      // A grant in the client's prompt already let the command run: it is used up at once.
      const status: StoredStatus = answer.granted ? 'consumed' : 'refused';
      const updated = this.s.answer.get({ id: row.id, status, approver: JSON.stringify(answered), consumedAt: answer.granted ? now : null }) as Row;
      return toRecord(updated, now);
    });
    return settle(() => run.immediate());
  }

  async wait(id: string, timeoutMs: number, clock: () => number): Promise<ApprovalRecord | undefined> {
    const bound = Math.max(0, timeoutMs);
    const deadline = clock() + bound;
    // Bounded by real time as well, so a clock that stands still cannot hold a hook past its timeout.
    const realDeadline = performance.now() + bound;
    for (;;) {
      const rec = await this.get(id, clock());
      if (!rec || rec.status !== 'pending') return rec;
      const left = Math.min(deadline - clock(), realDeadline - performance.now());
      if (left <= 0) return rec;
      await new Promise((resolve) => setTimeout(resolve, Math.min(this.pollMs, left)));
    }
  }

  close(): Promise<void> {
    if (this.db.open) this.db.close();
    return Promise.resolve();
  }
}

