/**
 * Builders for each event type, so callers write `decisionEvent({ decision, context, command })`
 * instead of assembling records by hand. They only shape data; the store redacts it.
 */
import { sha256Hex } from '../crypto/index.js';
import type { Decision, RequestContext } from '../model/index.js';
import type { AuditEventType, AuditInput, EventData } from './event.js';

/** Who and where an event happened: the fields of RequestContext that every event names. */
export type EventScope = Pick<RequestContext, 'user' | 'agent' | 'client' | 'session' | 'env' | 'repo'>;

/** Any event: the typed form the specific builders below are made of. */
export function auditEvent<T extends AuditEventType>(type: T, scope: EventScope, data: EventData[T], time?: number): AuditInput {
  return {
    type,
    principal: { user: scope.user, agent: scope.agent, client: scope.client, session: scope.session },
    repo: { root: scope.repo.root, remote: scope.repo.remote },
    env: scope.env,
    data,
    ...(time === undefined ? {} : { time }),
  } as AuditInput;
}

/**
 * The decision event: the request, what Airlock understood of it (effects), the verdict, the
 * policies and reasons behind it, their framework tags, the policy bundle digest and the context.
 */
export function decisionEvent(args: { decision: Decision; context: RequestContext; command: string; prompt?: string }): AuditInput {
  const { decision: d, context: c } = args;
  const policies = [...new Set(d.reasons.map((r) => r.policy))];
  return auditEvent(
    'decision',
    c,
    {
      decision_id: d.decision_id,
      decision: d.decision,
      request: { action: 'shell', command: args.command, cwd: c.cwd },
      effects: d.effects,
      policies,
      reasons: d.reasons,
      tags: d.tags,
      policy_digest: d.policy_digest,
      errors: d.errors,
      context: {
        env: c.env,
        task: c.task,
        labels: c.sessionLabels,
        repo: {
          root: c.repo.root,
          remote: c.repo.remote,
          trusted: c.repo.trusted,
          enabled: c.repo.enabled,
          protected_branches: [...new Set([c.repo.defaultBranch, ...c.repo.protectedBranches].filter(Boolean))],
        },
        now: new Date(c.now).toISOString(),
      },
      ...(args.prompt === undefined ? {} : { prompt: args.prompt }),
    },
    c.now,
  );
}

/** A session began (`source`: startup, resume, clear, …). */
export const sessionStartEvent = (scope: EventScope, source: string, time?: number): AuditInput =>
  auditEvent('session.start', scope, { source }, time);

/** A session ended; its end also signs a checkpoint. */
export const sessionEndEvent = (scope: EventScope, reason: string, time?: number): AuditInput =>
  auditEvent('session.end', scope, { reason }, time);

/** The human's prompt, as the client shared it. */
export const promptEvent = (scope: EventScope, prompt: string, time?: number): AuditInput => auditEvent('prompt', scope, { prompt }, time);

/** An ask decision went to a human: bound to the request digest, with its channel and expiry. */
export const approvalRequestedEvent = (scope: EventScope, data: EventData['approval.requested'], time?: number): AuditInput =>
  auditEvent('approval.requested', scope, data, time);

/** A human approved the request (who, and how far the grant reaches). */
export const approvalGrantedEvent = (scope: EventScope, data: EventData['approval.granted'], time?: number): AuditInput =>
  auditEvent('approval.granted', scope, data, time);

/** A human refused the request, and why. */
export const approvalRefusedEvent = (scope: EventScope, data: EventData['approval.refused'], time?: number): AuditInput =>
  auditEvent('approval.refused', scope, data, time);

/** Nobody answered the approval request in time. */
export const approvalExpiredEvent = (scope: EventScope, decisionId: string, time?: number): AuditInput =>
  auditEvent('approval.expired', scope, { decision_id: decisionId }, time);

/** Airlock started the command itself: the exact argv, cwd and sandbox. */
export const execStartedEvent = (scope: EventScope, data: EventData['exec.started'], time?: number): AuditInput =>
  auditEvent('exec.started', scope, data, time);

/** Outcome of a command: the digest covers the whole raw output, the excerpt is bounded (and redacted by the store). */
export function execFinishedEvent(
  scope: EventScope,
  outcome: { decisionId: string; exitCode: number | null; signal?: string; durationMs: number; output: string | Uint8Array },
  time?: number,
): AuditInput {
  const bytes = typeof outcome.output === 'string' ? Buffer.from(outcome.output, 'utf8') : Buffer.from(outcome.output);
  return auditEvent(
    'exec.finished',
    scope,
    {
      decision_id: outcome.decisionId,
      exit_code: outcome.exitCode,
      signal: outcome.signal ?? '',
      duration_ms: outcome.durationMs,
      output_digest: sha256Hex(bytes),
      output_bytes: bytes.length,
      output_excerpt: excerpt(bytes.toString('utf8')),
    },
    time,
  );
}

/** A just-in-time credential was issued for a decision (its lease id, never its value). */
export const credentialIssuedEvent = (scope: EventScope, data: EventData['credential.issued'], time?: number): AuditInput =>
  auditEvent('credential.issued', scope, data, time);

/** A credential lease was revoked. */
export const credentialRevokedEvent = (scope: EventScope, data: EventData['credential.revoked'], time?: number): AuditInput =>
  auditEvent('credential.revoked', scope, data, time);

/** A stage failed; `message` follows the error rules (no secrets), and is redacted anyway. */
export const errorEvent = (
  scope: EventScope,
  err: { stage: string; code: string; message: string; decisionId?: string },
  time?: number,
): AuditInput => auditEvent('error', scope, { stage: err.stage, code: err.code, message: err.message, decision_id: err.decisionId ?? '' }, time);

/** Characters of output kept in an excerpt (half from the start, half from the end). */
export const EXCERPT_CHARS = 2048;

/**
 * Head and tail of `text`, cut at line ends where possible and never inside a word: half a token
 * would slip past the redaction patterns and still be half a secret, and a value cut off from its
 * `--password` or `Authorization:` would no longer look like one. A word longer than the window is
 * dropped whole.
 */
export function excerpt(text: string, limit = EXCERPT_CHARS): string {
  if (text.length <= limit) return text;
  const half = Math.floor(limit / 2);
  const headWindow = text.slice(0, half + 1);
  const headCut = Math.max(headWindow.lastIndexOf('\n'), 0) || lastSpace(headWindow);
  const head = headCut > 0 ? headWindow.slice(0, headCut + 1) : '';
  const tailWindow = text.slice(text.length - half - 1);
  const newline = tailWindow.indexOf('\n');
  const tailCut = newline >= 0 ? newline : tailWindow.search(/\s/);
  const tail = tailCut >= 0 ? tailWindow.slice(tailCut) : '';
  return `${head}\n[… ${text.length - head.length - tail.length} characters omitted …]\n${tail}`;
}

function lastSpace(text: string): number {
  const m = /\s(?=\S*$)/.exec(text);
  return m ? m.index : -1;
}
