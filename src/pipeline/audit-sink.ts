import { AirlockError, asAirlockError } from '../errors/index.js';
import type { Action } from '../model/index.js';
import type { AuditSink } from './airlock.js';

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
    const audit = await import('../audit/index.js');
    const store = await audit.openAuditStore({ home, url: url || undefined });
    return {
      async recordDecision(state) {
        await store.append(audit.decisionEvent({ decision: state.decision, context: state.request.context, command: actionText(state.request.action), prompt: state.request.prompt }));
      },
      close: () => store.close(),
    };
  } catch (err) {
    const e = asAirlockError(err, 'audit_unwritable');
    const refusal = new AirlockError('audit_unwritable', `the audit store cannot be opened: ${e.message}`);
    return {
      recordDecision: () => Promise.reject(refusal),
      close: () => Promise.resolve(),
    };
  }
}
