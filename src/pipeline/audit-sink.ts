import { secureStateDir } from '../config/home.js';
import { wordRedactorFor } from './redaction.js';
import { AirlockError, asAirlockError } from '../errors/index.js';
import type { Action } from '../model/index.js';
import type * as AuditNs from '../audit/index.js';
import type { AuditSink, HookRecord } from './airlock.js';

type AuditModule = typeof AuditNs;

/** The text of an action as the audit records it: the exact command, or what the tool call was. */
export function actionText(a: Action): string {
  switch (a.type) {
    case 'shell':
      return a.command;
    case 'file.read':
    case 'file.write':
      return `${a.type} ${a.path}`;
    case 'web.fetch':
      return `web.fetch ${a.url}`;
    case 'mcp':
      return `mcp ${a.server}/${a.tool}`;
  }
}

/**
 * Opens the audit store lazily (so `--no-audit` and the server's hot path load it once, not per call).
 * A store that cannot be opened becomes a sink that refuses every append: decisions then deny (DESIGN §5).
 */
export async function openAuditSink(home: string, url?: string): Promise<AuditSink> {
  try {
    secureStateDir(home);
    const audit = await import('../audit/index.js');
    const store = await audit.openAuditStore({ home, url: url || undefined, words: wordRedactorFor });
    return {
      async recordDecision(state) {
        await store.append(audit.decisionEvent({ decision: state.decision, context: state.request.context, command: actionText(state.request.action), prompt: state.request.prompt }));
      },
      async record(e) {
        await store.append(toAuditInput(audit, e));
      },
      close: () => store.close(),
    };
  } catch (err) {
    const e = asAirlockError(err, 'audit_unwritable');
    const refusal = new AirlockError('audit_unwritable', `the audit store cannot be opened: ${e.message}`);
    return {
      recordDecision: () => Promise.reject(refusal),
      record: () => Promise.reject(refusal),
      close: () => Promise.resolve(),
    };
  }
}

/** Maps a hook record onto the audit event builders. */
function toAuditInput(audit: AuditModule, e: HookRecord): ReturnType<AuditModule['auditEvent']> {
  const c = e.context;
  switch (e.type) {
    case 'prompt':
      return audit.promptEvent(c, e.prompt, c.now);
    case 'session.start':
      return audit.sessionStartEvent(c, e.detail, c.now);
    case 'session.end':
      return audit.sessionEndEvent(c, e.detail, c.now);
    case 'outcome':
      return audit.execFinishedEvent(c, { decisionId: e.decisionId, exitCode: e.exitCode, durationMs: 0, output: `${e.output}${e.error ? `\n${e.error}` : ''}` }, c.now);
    case 'approval.requested':
      return audit.approvalRequestedEvent(c, { decision_id: e.decisionId, request_digest: e.digest, channel: e.channel, approvers: [], expires_at: new Date(e.expiresAt).toISOString() }, c.now);
    case 'approval.granted':
      return audit.approvalGrantedEvent(c, { decision_id: e.decisionId, request_digest: e.digest, approver: e.approver, scope: 'once' }, c.now);
    case 'approval.refused':
      return audit.approvalRefusedEvent(c, { decision_id: e.decisionId, approver: e.approver, reason: e.detail }, c.now);
    case 'approval.expired':
      return audit.approvalExpiredEvent(c, e.decisionId, c.now);
  }
}
