/**
 * The AuditStore on top of a backend: every append is validated, redacted, encoded, chained under
 * the backend's lock and committed (grouped with concurrent appends); checkpoints follow on a
 * schedule. Any failure on the write path surfaces as `audit_unwritable`, which the caller turns
 * into a deny.
 */
import { canonicalJson, randomId } from '../crypto/index.js';
import { AirlockError } from '../errors/index.js';
import { chainBatch } from './chain.js';
import { parseCheckpoint, type SignedCheckpoint, type TrustedKey } from './checkpoint.js';
import { nextCheckpoint, parseCheckpointRow } from './checkpointing.js';
import { decodeBody, type PendingEvent, type StoredRow } from './codec.js';
import { GroupCommit, Mutex } from './commit.js';
import type { AuditInput, HashedEvent } from './event.js';
import { auditPaths, latestCheckpointDamaged, readLatestCheckpoint, trustedKeys, writeLatestCheckpoint, type HomeKeys } from './home.js';
import type { Redactor } from './redact.js';
import type { AppendState, Appended, AuditBackend, AuditStore, EventFilter, RawCheckpoint } from './store.js';
import { problemWith } from './validate.js';

/** When checkpoints are signed without being asked. */
export interface CheckpointPolicy {
  /** After this many events since the last checkpoint (default 1000). */
  readonly every: number;
  /** Or when the last one is older than this and the log grew (default 60 s). */
  readonly intervalMs: number;
}

/** Every 1000 events, or a minute after the last checkpoint when the log grew. */
export const DEFAULT_CHECKPOINT_POLICY: CheckpointPolicy = { every: 1000, intervalMs: 60_000 };

/** Everything the store is made of; `open.ts` puts it together. */
export interface WriterParts {
  readonly backend: AuditBackend;
  readonly home: string;
  readonly keys: HomeKeys;
  readonly redactor: Redactor;
  readonly clock: () => number;
  readonly policy: CheckpointPolicy;
}

/** The AuditStore implementation (construct it through `openAuditStore`). */
export class Writer implements AuditStore {
  readonly kind: AuditStore['kind'];
  readonly location: string;
  readonly origin: string;
  private readonly mutex = new Mutex();
  private readonly commits: GroupCommit<PendingEvent, StoredRow>;

  constructor(private readonly p: WriterParts) {
    this.kind = p.backend.kind;
    this.location = p.backend.location;
    this.origin = `airlock-audit/${p.backend.logId}`;
    this.commits = new GroupCommit(this.mutex, (batch) => this.commitBatch(batch));
  }

  async append(input: AuditInput): Promise<Appended> {
    try {
      const problem = problemWith(input);
      if (problem) throw new AirlockError('audit_unwritable', `audit event is invalid: ${problem}`);
      const { value, paths } = await this.p.redactor.redact({ principal: input.principal, repo: input.repo, env: input.env, data: input.data });
      const pending: PendingEvent = {
        id: randomId('ev'),
        time: new Date(input.time ?? this.p.clock()).toISOString(),
        type: input.type,
        principal: value.principal,
        repo: value.repo,
        env: value.env,
        redacted: paths,
        // Encoded here, outside the lock: a value JSON cannot carry fails this append alone.
        dataJson: canonicalJson(value.data),
        decision: input.type === 'decision' ? input.data.decision : '',
      };
      const row = await this.commits.push(pending);
      return { id: row.id, seq: row.seq, idx: row.idx, hash: row.hash };
    } catch (err) {
      throw unwritable(err, this.location);
    }
  }

  addKnownSecrets(values: readonly string[]): void {
    this.p.redactor.addKnownSecrets(values);
  }

  private async commitBatch(batch: PendingEvent[]): Promise<StoredRow[]> {
    const sessions = [...new Set(batch.map((e) => e.principal.session))];
    const { rows, state } = await this.p.backend.append(sessions, (s) => chainBatch(s, batch));
    if (this.checkpointDue(state, rows)) await this.signCheckpoint(false);
    return rows;
  }

  private checkpointDue(state: AppendState, rows: readonly StoredRow[]): boolean {
    const size = state.size + rows.length;
    const last = state.checkpoint;
    if (rows.some((r) => r.type === 'session.end')) return true;
    if (size - (last?.size ?? 0) >= this.p.policy.every) return true;
    const age = last ? this.p.clock() - Date.parse(last.time) : Number.POSITIVE_INFINITY;
    return age >= this.p.policy.intervalMs;
  }

  /** Signs a checkpoint if the log grew; writes the newest one outside the database. */
  private async signCheckpoint(force: boolean): Promise<RawCheckpoint | undefined> {
    const made = await this.p.backend.addCheckpoint((state) =>
      nextCheckpoint(state, { origin: this.origin, signer: this.p.keys.signer, time: new Date(this.p.clock()).toISOString(), force }),
    );
    const cp = made && parseCheckpoint(made.body);
    if (cp) writeLatestCheckpoint(this.p.home, cp);
    return made;
  }

  async checkpoint(): Promise<SignedCheckpoint> {
    try {
      await this.mutex.exclusive(() => this.signCheckpoint(true));
      const rows = await this.p.backend.checkpoints();
      const newest = rows.length ? parseCheckpointRow(rows[rows.length - 1] as RawCheckpoint) : undefined;
      if (!newest) throw new AirlockError('audit_corrupt', 'the newest checkpoint is damaged');
      writeLatestCheckpoint(this.p.home, newest.checkpoint);
      return newest.checkpoint;
    } catch (err) {
      throw unwritable(err, this.location);
    }
  }

  async *events(filter?: EventFilter): AsyncIterable<HashedEvent> {
    for await (const row of this.p.backend.rows(filter)) {
      const event = decodeBody(row.body);
      if (event) yield { ...event, hash: row.hash };
    }
  }

  rows(filter?: EventFilter): AsyncIterable<StoredRow> {
    return this.p.backend.rows(filter);
  }

  count(): Promise<number> {
    return this.p.backend.count();
  }

  async checkpoints(): Promise<SignedCheckpoint[]> {
    const rows = await this.p.backend.checkpoints();
    return rows.map((r) => parseCheckpoint(r.body)).filter((c): c is SignedCheckpoint => c !== undefined);
  }

  /** Checkpoint rows as stored, damaged ones included (for verification). */
  checkpointRows(): Promise<RawCheckpoint[]> {
    return this.p.backend.checkpoints();
  }

  anchors(): ReturnType<AuditStore['anchors']> {
    const cp = readLatestCheckpoint(this.p.home);
    const damaged = latestCheckpointDamaged(this.p.home) ? [auditPaths(this.p.home).latest] : [];
    return Promise.resolve({ checkpoints: cp ? [cp] : [], damaged });
  }

  trustedKeys(): Promise<TrustedKey[]> {
    return Promise.resolve(trustedKeys(this.p.home));
  }

  async close(): Promise<void> {
    await this.commits.idle();
    await this.mutex.idle();
    await this.p.backend.close();
  }
}

/** Any failure on the write path, as the one error the caller acts on (messages never carry event data). */
function unwritable(err: unknown, location: string): AirlockError {
  if (err instanceof AirlockError && err.code === 'audit_unwritable') return err;
  const reason = err instanceof AirlockError ? err.message : err instanceof Error ? err.message.slice(0, 200) : 'unknown error';
  return new AirlockError('audit_unwritable', `audit store \`${location}\` is unwritable: ${reason}`, { cause: err });
}
