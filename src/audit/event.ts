/**
 * The audit event schema, version 1. Every event names its session, the principal chain, the
 * repository and environment, and carries a per-session sequence number and two hash links.
 * Fields may be added in v1; a field's meaning never changes (a breaking change becomes v2).
 */
import type { DecisionError, Effect, Reason, Verdict } from '../model/index.js';

/** Every event type, in the order a session usually produces them. */
export const EVENT_TYPES = [
  'session.start',
  'prompt',
  'decision',
  'approval.requested',
  'approval.granted',
  'approval.refused',
  'approval.expired',
  'credential.issued',
  'exec.started',
  'exec.finished',
  'credential.revoked',
  'error',
  'session.end',
] as const;
/** The type of an event, e.g. `decision`, `exec.finished`. */
export type AuditEventType = (typeof EVENT_TYPES)[number];

/** Who acted, from the human down: user → agent (assistant) → client integration → session. */
export interface Principal {
  readonly user: string;
  readonly agent: string;
  readonly client: string;
  readonly session: string;
}

/** The repository the event happened in ('' root when none). */
export interface RepoRef {
  readonly root: string;
  readonly remote: string;
}

/** What the policy saw besides the command (a subset of RequestContext that explains the verdict). */
export interface DecisionContext {
  readonly env: string;
  readonly task: string;
  readonly labels: readonly string[];
  readonly repo: RepoRef & { readonly trusted: boolean; readonly enabled: boolean; readonly protected_branches: readonly string[] };
  /** The decision's clock, ISO 8601. */
  readonly now: string;
}

/** The `data` of a decision event: what was asked, what Airlock understood, what it decided and why. */
export interface DecisionData {
  readonly decision_id: string;
  readonly decision: Verdict;
  readonly request: { readonly action: 'shell'; readonly command: string; readonly cwd: string };
  readonly effects: readonly Effect[];
  /** Ids of the policies that decided, in the order of `reasons`. */
  readonly policies: readonly string[];
  readonly reasons: readonly Reason[];
  /** Framework tags of the deciding policies (owasp_asi:ASI02, maestro:L3, nist_ai_rmf:…, csf:…). */
  readonly tags: readonly string[];
  readonly policy_digest: string;
  readonly errors: readonly DecisionError[];
  readonly context: DecisionContext;
  /** The human prompt that led to the command, when the client shares it. */
  readonly prompt?: string;
}

/** The `data` of each event type. */
export interface EventData {
  'session.start': { readonly source: string };
  'session.end': { readonly reason: string };
  prompt: { readonly prompt: string };
  decision: DecisionData;
  'approval.requested': {
    readonly decision_id: string;
    readonly request_digest: string;
    readonly channel: string;
    readonly approvers: readonly string[];
    readonly expires_at: string;
  };
  'approval.granted': {
    readonly decision_id: string;
    readonly request_digest: string;
    readonly approver: string;
    /** How far the grant reaches: `once`, `session`, … */
    readonly scope: string;
  };
  'approval.refused': { readonly decision_id: string; readonly approver: string; readonly reason: string };
  'approval.expired': { readonly decision_id: string };
  'exec.started': { readonly decision_id: string; readonly argv: readonly string[]; readonly cwd: string; readonly sandbox: string };
  'exec.finished': {
    readonly decision_id: string;
    readonly exit_code: number | null;
    readonly signal: string;
    readonly duration_ms: number;
    /** sha256 of the complete raw output (stdout then stderr), so a kept copy can be matched. */
    readonly output_digest: string;
    readonly output_bytes: number;
    /** A bounded, redacted excerpt of the output. */
    readonly output_excerpt: string;
  };
  'credential.issued': {
    readonly decision_id: string;
    /** Lease or accessor id (never the credential itself). */
    readonly lease: string;
    readonly provider: string;
    readonly scopes: readonly string[];
    readonly expires_at: string;
  };
  'credential.revoked': { readonly lease: string; readonly reason: string };
  error: { readonly stage: string; readonly code: string; readonly message: string; readonly decision_id: string };
}

/** What a caller hands to `AuditStore.append`: the store adds id, time, position, sequence and links. */
export type AuditInput = {
  readonly [T in AuditEventType]: {
    readonly type: T;
    readonly principal: Principal;
    readonly repo: RepoRef;
    readonly env: string;
    readonly data: EventData[T];
    /** When it happened (epoch ms); the store's clock when absent. */
    readonly time?: number;
  };
}[AuditEventType];

/** An event as stored and hashed (the canonical JSON of this object is the chained text). */
export type AuditEvent = {
  readonly [T in AuditEventType]: {
    readonly v: 1;
    readonly id: string;
    /** Position in the whole log, from 0. */
    readonly idx: number;
    /** ISO 8601, UTC, milliseconds. */
    readonly time: string;
    readonly type: T;
    readonly principal: Principal;
    readonly repo: RepoRef;
    readonly env: string;
    /** Per-session sequence number, from 1. */
    readonly seq: number;
    /** Hash of the previous event in the log (64 zeros for the first). */
    readonly prev: string;
    /** Hash of the previous event of the same session (64 zeros for seq 1). */
    readonly session_prev: string;
    /** JSON paths of strings in which secrets were redacted, e.g. `data.request.command`. */
    readonly redacted: readonly string[];
    readonly data: EventData[T];
  };
}[AuditEventType];

/** An event with the hash that the next event links to. */
export type HashedEvent = AuditEvent & { readonly hash: string };

/** The link value that starts both chains. */
export const GENESIS = '0'.repeat(64);

/** True for the strings that name a known event type. */
export function isEventType(value: unknown): value is AuditEventType {
  return typeof value === 'string' && (EVENT_TYPES as readonly string[]).includes(value);
}
