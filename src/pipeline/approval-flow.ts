import type { ClientAdapter } from '../adapters/index.js';
import { approvalDigest, FATIGUE_WINDOW_MS, noticeFatigue } from '../approvals/index.js';
import type { ClientEvent, Decision, RequestContext, Verdict } from '../model/index.js';
import type { HookRuntime } from './hook.js';

type ActionEvent = Extract<ClientEvent, { kind: 'action' }>;

/**
 * What an "ask" becomes (issue 4, Approvals):
 * 1. a grant already given for exactly this action (same digest) is consumed: allow, once;
 * 2. where the client can ask its human and no Airlock approval is required here, the client asks
 *    (and `outcome` later records that the human said yes there);
 * 3. otherwise an approval request is made and the hook waits, bounded, for a grant or refusal given
 *    with `airlock approvals …`; still pending → deny, telling the user how to approve and retry.
 */
export async function resolveAsk(adapter: ClientAdapter, event: ActionEvent, decision: Decision, ctx: RequestContext, rt: HookRuntime, prompt: string): Promise<{ decision: Verdict; note: string }> {
  const approvals = rt.approvals;
  const nativeOk = adapter.nativeAsk && !rt.airlockApprovalIn.includes(ctx.env);
  if (!approvals) {
    return nativeOk ? { decision: 'ask', note: '' } : { decision: 'deny', note: 'approvals are not available here, so what needs approval is blocked' };
  }
  const digest = approvalDigest({ action: event.action, context: ctx, policyDigest: decision.policy_digest });
  const granted = await approvals.consume(digest, rt.clock());
  if (granted) return { decision: 'allow', note: `approved by ${granted.approver?.user ?? 'a human'} via ${granted.approver?.via ?? 'airlock'} (approval ${granted.id}, used once)` };
  const req = await approvals.request({ action: event.action, context: ctx, policyDigest: decision.policy_digest, decisionId: decision.decision_id, reasons: decision.reasons, effects: decision.effects, prompt }, rt.clock());
  const fresh = req.decisionId === decision.decision_id; // a retry finds the earlier request
  const recent = await approvals.list({ since: rt.clock() - FATIGUE_WINDOW_MS }, rt.clock());
  const hint = noticeFatigue(recent, req, rt.clock()) ?? '';
  if (nativeOk) {
    // The client asks its own human; `outcome` records the answer when the tool then runs.
    if (event.origin.toolUseId) rt.sessions?.rememberAsk(event.origin.session, event.origin.toolUseId, decision.decision_id, digest, rt.clock());
    if (fresh) await rt.airlock.record({ type: 'approval.requested', context: ctx, decisionId: decision.decision_id, digest, channel: `client-prompt:${adapter.id}`, approver: '', detail: '', expiresAt: req.expires });
    return { decision: 'ask', note: hint };
  }
  if (fresh) await rt.airlock.record({ type: 'approval.requested', context: ctx, decisionId: decision.decision_id, digest, channel: 'airlock', approver: '', detail: '', expiresAt: req.expires });
  const after = await approvals.wait(req.id, Math.min(rt.approvalWaitMs, Math.max(0, req.expires - rt.clock())), rt.clock);
  if (after?.status === 'granted') {
    const used = await approvals.consume(digest, rt.clock());
    if (used) return { decision: 'allow', note: `approved by ${used.approver?.user ?? 'a human'} via ${used.approver?.via ?? 'airlock'} (approval ${used.id}, used once)` };
  }
  if (after?.status === 'refused') return { decision: 'deny', note: `refused by ${after.approver?.user ?? 'a human'}${after.approver?.note ? `: ${after.approver.note}` : ''}` };
  if (after?.status === 'expired') {
    await rt.airlock.record({ type: 'approval.expired', context: ctx, decisionId: decision.decision_id, digest, channel: 'airlock', approver: '', detail: '', expiresAt: req.expires });
  }
  return { decision: 'deny', note: `waiting for approval ${req.id}: a human can run \`airlock approvals approve ${req.id}\` (or \`airlock approvals prompt ${req.id}\`) in a terminal, then retry the same command${hint ? `. ${hint}` : ''}` };
}
