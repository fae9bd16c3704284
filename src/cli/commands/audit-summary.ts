/** One-line summaries of audit events, for the table of `audit log` and the timeline of `audit replay`. */
import type { HashedEvent } from '../../audit/index.js';

/** What happened, in a few words (raw: callers make it terminal-safe). */
export function summary(e: HashedEvent): string {
  switch (e.type) {
    case 'session.start':
      return `session started (${e.data.source})`;
    case 'session.end':
      return `session ended: ${e.data.reason}`;
    case 'prompt':
      return `“${e.data.prompt}”`;
    case 'decision':
      return e.data.request.command;
    case 'approval.requested':
      return `approval requested via ${e.data.channel}${e.data.approvers.length ? ` from ${e.data.approvers.join(', ')}` : ''}`;
    case 'approval.granted':
      return `approved by ${e.data.approver} (${e.data.scope})`;
    case 'approval.refused':
      return `refused by ${e.data.approver}: ${e.data.reason}`;
    case 'approval.expired':
      return 'approval request expired';
    case 'exec.started':
      return `started: ${e.data.argv.join(' ')}${e.data.sandbox ? ` [${e.data.sandbox}]` : ''}`;
    case 'exec.finished':
      return `finished: ${e.data.exit_code === null ? `signal ${e.data.signal || '?'}` : `exit ${e.data.exit_code}`} in ${seconds(e.data.duration_ms)}, ${e.data.output_bytes} bytes of output`;
    case 'credential.issued':
      return `credential issued: ${e.data.provider} ${e.data.scopes.join(' ')} (lease ${e.data.lease})`;
    case 'credential.revoked':
      return `credential revoked: lease ${e.data.lease} (${e.data.reason})`;
    case 'error':
      return `error in ${e.data.stage}: ${e.data.code}: ${e.data.message}`;
  }
}

/** The verdict column: the decision of decision events, '' otherwise. */
export function verdictOf(e: HashedEvent): string {
  return e.type === 'decision' ? e.data.decision.toUpperCase() : '';
}

/** A duration for humans: `850 ms`, `5.3 s`. */
export function seconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}
