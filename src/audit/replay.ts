/**
 * `replay`: one session as a timeline a reviewer can follow from intent to effect — the prompt,
 * then each command with its analysis and decision, the approval, the credentials and the outcome
 * attached to it by `decision_id`. The session's own chain is checked on the way.
 */
import { sha256Hex } from '../crypto/index.js';
import { decodeBody, GENESIS } from './codec.js';
import type { AuditEvent, HashedEvent, Principal, RepoRef } from './event.js';
import type { AuditStore } from './store.js';

/** A decision and everything that followed from it. */
export interface CommandStep {
  readonly decision: Extract<HashedEvent, { type: 'decision' }>;
  /** approval.*, credential.*, exec.* and error events naming this decision, in order. */
  readonly followups: readonly HashedEvent[];
}

/** A timeline entry: a command with what followed it, or an event that stands alone. */
export type TimelineEntry =
  | { readonly kind: 'event'; readonly event: HashedEvent }
  | { readonly kind: 'command'; readonly step: CommandStep };

/** One session, ready to be read from intent to effect. */
export interface Timeline {
  readonly session: string;
  readonly principal?: Principal;
  readonly repo?: RepoRef;
  readonly env?: string;
  readonly first?: string;
  readonly last?: string;
  readonly events: number;
  /** The session's own chain: seq from 1 without gaps, each session_prev matching, each hash matching its text. */
  readonly chain: { readonly ok: boolean; readonly problems: readonly string[] };
  readonly entries: readonly TimelineEntry[];
}

/** Reads one session and builds its timeline. */
export async function replay(store: AuditStore, session: string): Promise<Timeline> {
  const events: HashedEvent[] = [];
  const problems: string[] = [];
  for await (const row of store.rows({ session })) {
    const event = decodeBody(row.body);
    if (!event || sha256Hex(row.body) !== row.hash) problems.push(`event \`${row.id}\` does not match its hash`);
    if (event) events.push({ ...event, hash: row.hash });
  }
  return buildTimeline(session, events, problems);
}

/** Builds the timeline from a session's events (pure). */
export function buildTimeline(session: string, events: readonly HashedEvent[], problems: string[] = []): Timeline {
  const sorted = [...events].sort((a, b) => a.seq - b.seq);
  let prev = GENESIS;
  sorted.forEach((e, i) => {
    if (e.seq !== i + 1) problems.push(`seq ${e.seq} where ${i + 1} was expected`);
    else if (e.session_prev !== prev) problems.push(`seq ${e.seq} does not link to seq ${i}`);
    prev = e.hash;
  });

  const entries: TimelineEntry[] = [];
  const steps = new Map<string, { decision: CommandStep['decision']; followups: HashedEvent[] }>();
  for (const e of sorted) {
    if (e.type === 'decision') {
      const step = { decision: e, followups: [] as HashedEvent[] };
      steps.set(e.data.decision_id, step);
      entries.push({ kind: 'command', step });
      continue;
    }
    const owner = decisionOf(e);
    const step = owner ? steps.get(owner) : undefined;
    if (step) step.followups.push(e);
    else entries.push({ kind: 'event', event: e });
  }
  const head = sorted[0];
  return {
    session,
    ...(head ? { principal: head.principal, repo: head.repo, env: head.env, first: head.time } : {}),
    ...(sorted.length ? { last: (sorted[sorted.length - 1] as HashedEvent).time } : {}),
    events: sorted.length,
    chain: { ok: problems.length === 0, problems },
    entries,
  };
}

/** The decision an event follows from ('' when none). */
export function decisionOf(e: AuditEvent): string {
  const data = e.data as { decision_id?: unknown };
  return typeof data.decision_id === 'string' ? data.decision_id : '';
}
