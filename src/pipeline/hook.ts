import { ADAPTERS, peekHookEvent } from '../adapters/index.js';
import type { ClientAdapter, ClientId } from '../adapters/index.js';
import type { ApprovalStore } from '../approvals/index.js';
import { asAirlockError } from '../errors/index.js';
import type { ClientEvent, Decision, Environment, HookReply } from '../model/index.js';
import type { SessionStore } from '../session/store.js';
import { labelsFor } from '../session/store.js';
import type { Airlock } from './airlock.js';
import { resolveAsk } from './approval-flow.js';

/** Everything a hook call needs besides its payload: built once per process (or once per server). */
export interface HookRuntime {
  readonly airlock: Airlock;
  readonly approvals: ApprovalStore | null;
  readonly sessions: SessionStore | null;
  /** Environments where an Airlock approval is required even when the client could ask itself. */
  readonly airlockApprovalIn: readonly Environment[];
  /** How long a hook waits for an Airlock approval (below the client's hook timeout). */
  readonly approvalWaitMs: number;
  readonly clock: () => number;
  /** Redaction for text kept outside the audit store (the session's last prompt). */
  readonly redact: (text: string) => string;
  /** Every redaction layer, secretlint included: for what is stored (the session's prompt). */
  readonly redactFull?: (text: string) => Promise<string>;
}

/** Largest hook payload accepted (a command is bounded by the analyser; tool output is cut by adapters). */
const MAX_PAYLOAD = 32 * 1024 * 1024;

/**
 * One hook call, start to finish: translate, decide (or record), answer in the client's format.
 * INVARIANT: returns the client's blocking answer on every failure; never throws, never "go ahead" by accident.
 */
export async function handleHook(client: ClientId, raw: string, rt: HookRuntime): Promise<HookReply> {
  const adapter = ADAPTERS[client];
  let payload: unknown;
  try {
    if (raw.length > MAX_PAYLOAD) return adapter.renderFailure(`the hook input is larger than ${MAX_PAYLOAD} bytes`);
    payload = JSON.parse(raw);
  } catch {
    return adapter.renderFailure('the hook input is not valid JSON');
  }
  let event: ClientEvent;
  try {
    // UNTRUSTED: the payload comes from the assistant's process.
    event = adapter.parse(payload);
  } catch (err) {
    return adapter.renderFailure(asAirlockError(err, 'input_invalid').message, peekHookEvent(payload));
  }
  try {
    return await dispatch(adapter, event, rt);
  } catch (err) {
    return adapter.renderFailure(asAirlockError(err).message, event.origin.hookEvent);
  }
}

async function dispatch(adapter: ClientAdapter, event: ClientEvent, rt: HookRuntime): Promise<HookReply> {
  const o = event.origin;
  const session = rt.sessions?.get(o.session);
  const ctx = rt.airlock.context({ cwd: o.cwd || undefined, client: o.client, agent: o.client, session: o.session, sessionLabels: session?.labels ?? [] });
  switch (event.kind) {
    case 'action': {
      const decisionId = o.toolUseId ? `dec_${o.toolUseId}` : undefined;
      const decision = await rt.airlock.decide({ action: event.action, context: ctx, prompt: session?.lastPrompt || undefined }, decisionId);
      const final = decision.decision === 'ask' ? await resolveAsk(adapter, event, decision, ctx, rt, session?.lastPrompt ?? '') : { decision: decision.decision, note: '' };
      if (final.decision !== 'deny') rt.sessions?.addLabels(o.session, labelsFor(decision.effects.map((e) => e.kind)), rt.clock());
      return adapter.renderDecision(event, { decision: final.decision, message: message(decision, final.decision, final.note), decisionId: decision.decision_id });
    }
    case 'outcome': {
      const asked = o.toolUseId ? rt.sessions?.takeAsk(o.session, o.toolUseId) : undefined;
      const decisionId = o.toolUseId ? `dec_${o.toolUseId}` : '';
      if (asked) {
        // The client asked its human and the tool ran: the human approved there.
        await rt.airlock.record({ type: 'approval.granted', context: ctx, decisionId: asked.decisionId, digest: asked.digest, channel: 'client-prompt', approver: `${ctx.user} (in ${o.client})`, detail: '', expiresAt: ctx.now });
        await rt.approvals?.answeredInClient(asked.digest, { user: ctx.user, granted: true }, rt.clock());
      }
      await rt.airlock.record({ type: 'outcome', context: ctx, decisionId, action: event.action, output: event.output, exitCode: event.exitCode, error: event.error });
      return adapter.renderRecorded(event);
    }
    case 'prompt':
      rt.sessions?.setPrompt(o.session, (rt.redactFull ? await rt.redactFull(event.prompt) : rt.redact(event.prompt)).slice(0, 4000), rt.clock());
      await rt.airlock.record({ type: 'prompt', context: ctx, prompt: event.prompt });
      return adapter.renderRecorded(event);
    case 'session-start':
      await rt.airlock.record({ type: 'session.start', context: ctx, detail: event.source });
      return adapter.renderRecorded(event);
    case 'session-end':
      await rt.airlock.record({ type: 'session.end', context: ctx, detail: event.reason });
      return adapter.renderRecorded(event);
  }
}

/** One line the user and the model can read: what was decided, why, by which policy, and the decision id. */
export function message(d: Decision, verdict: Decision['decision'], note: string): string {
  const top = d.reasons.find((r) => r.verdict === d.decision) ?? d.reasons[0];
  const why = top ? `${top.reason} [${top.policy}]` : 'no reason recorded';
  const head = verdict === 'allow' ? 'Airlock: allowed' : verdict === 'ask' ? 'Airlock: needs approval' : 'Airlock: blocked';
  return `${head} — ${why}${note ? `. ${note}` : ''}`;
}

