/** `airlock approvals approve|deny <id> [--note TEXT]`, and the answer step the terminal prompt shares. */
import { checkApprover, type ApprovalRecord, type ApprovalStore, type Approver } from '../../approvals/index.js';
import { approvalGrantedEvent, approvalRefusedEvent, errorEvent, openAuditStore, type EventScope } from '../../audit/index.js';
import { AirlockError, asAirlockError } from '../../errors/index.js';
import type { Exit } from '../io.js';
import type { NoteFlags } from './approvals.def.js';
import { commandLine } from './approvals-format.js';
import { approverOf, assertPending, auditUrl, defaultDeps, mustGet, refuseInsideAssistant, withApprovals, type ApprovalsDeps } from './approvals-common.js';

export type AnswerKind = 'grant' | 'refuse';

/** Who and where, for the audit: the requester's principal (the event joins that session's chain). */
function scopeOf(r: ApprovalRecord): EventScope {
  return {
    user: r.requester.user, agent: r.requester.agent, client: r.requester.client, session: r.requester.session, env: r.env,
    repo: { root: r.repo, remote: r.remote ?? '', trusted: false, enabled: true, defaultBranch: '', protectedBranches: [] },
  };
}

/**
 * Grants or refuses a pending request as `approver`. The audit event is durable before the answer
 * exists (no log, no action); if the answer then fails (another approver was faster, the request
 * expired), an error event says so.
 * @throws AirlockError: not found / not pending / expired (exit 1), `approval_invalid` (exit 2), `audit_unwritable` (exit 2).
 */
export async function answer(store: ApprovalStore, rec: ApprovalRecord, kind: AnswerKind, approver: Approver, note: string | undefined, deps: ApprovalsDeps): Promise<Exit> {
  const now = deps.now();
  assertPending(rec);
  checkApprover(rec, approver);
  const url = auditUrl(deps);
  const audit = await openAuditStore({ home: deps.home, ...(url ? { url } : {}) }).catch((err: unknown) => {
    throw new AirlockError('audit_unwritable', `nothing was answered: ${asAirlockError(err, 'audit_unwritable').message}`);
  });
  try {
    const who = `${approver.user} via ${approver.via}${approver.session ? ` (session ${approver.session})` : ''}`;
    const scope = scopeOf(rec);
    await audit.append(
      kind === 'grant'
        ? approvalGrantedEvent(scope, { decision_id: rec.decisionId, request_digest: rec.digest, approver: who, scope: 'once' }, now)
        : approvalRefusedEvent(scope, { decision_id: rec.decisionId, approver: who, reason: note || 'refused by the approver' }, now),
    );
    try {
      if (kind === 'grant') await store.grant(rec.id, approver, now, note);
      else await store.refuse(rec.id, approver, now, note);
    } catch (err) {
      const e = asAirlockError(err);
      await audit
        .append(errorEvent(scope, { stage: 'approvals', code: e.code, message: `the answer of ${who} did not take: ${e.message}`, decisionId: rec.decisionId }, now))
        .catch(() => undefined); // the original error is what the approver needs to see
      throw e;
    }
    const verb = kind === 'grant' ? 'approved once' : 'denied';
    return { code: 0, stdout: `airlock: ${verb}: ${rec.id} (${commandLine(rec, 120)})\n` };
  } finally {
    await audit.close();
  }
}

/** `approve` and `deny`: refused from inside an assistant (exit 2) before anything is opened. */
export function approvalsAnswer(id: string, kind: AnswerKind, flags: NoteFlags, deps: ApprovalsDeps = defaultDeps()): Promise<Exit> {
  const inside = refuseInsideAssistant(deps.env);
  if (inside) return Promise.resolve(inside);
  return withApprovals(deps, async (store) => answer(store, await mustGet(store, id, deps.now()), kind, approverOf(deps.env, 'cli'), flags.note, deps));
}
