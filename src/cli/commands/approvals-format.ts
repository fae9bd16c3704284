/**
 * Approval records as text for the approver.
 * UNTRUSTED: the command, the prompt, the session and agent names, hosts and package names all come
 * from the assistant; every one goes through terminalSafe/oneLine before it reaches the terminal.
 */
import { duration, oneLine, terminalSafe, type ApprovalRecord } from '../../approvals/index.js';
import { actionText } from '../../pipeline/audit-sink.js';

const indent = (text: string, by = '  '): string => text.split('\n').map((l) => `${by}${l}`).join('\n');

/** What will run, exactly as it will run (line breaks kept and visible), for the approver. */
export function commandBlock(r: ApprovalRecord): string {
  const text = terminalSafe(actionText(r.action));
  const lines = text.split('\n').length;
  return `${indent(text)}${lines > 1 ? `\n  (${lines} lines: every line runs)` : ''}`;
}

/** The command on one line for tables and messages: a line break shows as ⏎ (the next line runs too). */
export function commandLine(r: ApprovalRecord, max: number): string {
  return oneLine(actionText(r.action).replace(/\r?\n/g, ' ⏎ '), max);
}

/** `pending, expires in 8m 57s` / `granted, expires in …` / `consumed` / … */
export function statusText(r: ApprovalRecord, now: number): string {
  if (r.status === 'pending' || r.status === 'granted') return `${r.status}, expires in ${duration(r.expires - now)}`;
  if (r.status === 'expired') return `expired ${duration(now - r.expires)} ago`;
  return r.status;
}

/** The policies that asked for approval, deduplicated, in order. */
export function policiesOf(r: ApprovalRecord): string[] {
  return [...new Set(r.reasons.filter((x) => x.verdict === 'ask').map((x) => x.policy))];
}

/** The table of `approvals list`. */
export function listTable(records: readonly ApprovalRecord[], now: number, withStatus: boolean, width: number): string {
  const head = ['ID', ...(withStatus ? ['STATUS'] : []), 'AGE', 'EXPIRES IN', 'REQUESTER', 'POLICY'];
  const rows = records.map((r) => [
    r.id,
    ...(withStatus ? [r.status] : []),
    duration(now - r.created),
    r.status === 'pending' || r.status === 'granted' ? duration(r.expires - now) : '-',
    `${oneLine(r.requester.agent, 20)}/${oneLine(r.requester.session, 24)}`,
    oneLine(policiesOf(r).join(','), 40),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] as string).length)));
  const pad = (cells: readonly string[]): string => cells.map((c, i) => c.padEnd(widths[i] as number)).join('  ');
  const room = Math.max(30, width - widths.reduce((a, b) => a + b + 2, 0));
  const lines = [`${pad(head)}  COMMAND`];
  records.forEach((r, i) => lines.push(`${pad(rows[i] as string[])}  ${commandLine(r, room)}`));
  return `${lines.join('\n')}\n`;
}

/** Everything about one request, for `show` and the terminal prompt. */
export function details(r: ApprovalRecord, now: number): string {
  const asked = new Set(r.reasons.filter((x) => x.verdict === 'ask').map((x) => x.effect));
  const out = [
    `approval request ${r.id}: ${statusText(r, now)}`,
    'command:',
    commandBlock(r),
    `cwd:          ${oneLine(r.cwd, 300)}`,
    `environment:  ${r.env}`,
    `repository:   ${oneLine(r.repo || '(none)', 300)}${r.remote ? ` (${oneLine(r.remote, 200)})` : ''}`,
    `requested by: ${oneLine(r.requester.agent, 60)} for ${oneLine(r.requester.user, 60)}, session ${oneLine(r.requester.session, 80)} ` +
      `(client ${oneLine(r.requester.client, 40)}), ${duration(now - r.created)} ago`,
    `decision:     ${oneLine(r.decisionId, 80)} (policy digest ${oneLine(r.policyDigest, 12)})`,
    `digest:       ${r.digest}`,
    'needs approval because:',
    ...r.reasons.filter((x) => x.verdict === 'ask').map((x) => `  ${oneLine(x.policy, 60)}: ${oneLine(x.reason, 300)}`),
    'effects (* needs approval):',
    ...r.effects.map((e, i) => {
      const target = oneLine(e.target.host || e.target.name || e.target.path || e.target.ref || '', 120);
      return `  ${asked.has(i) ? '*' : ' '} ${e.kind.padEnd(15)} ${target.padEnd(24)} ${oneLine(e.why, 200)}`;
    }),
    "the session's prompt:",
    r.prompt ? indent(terminalSafe(r.prompt), '  │ ') : '  (not shared by the client)',
  ];
  if (r.approver) {
    const a = r.approver;
    const verb = r.status === 'refused' ? 'refused' : 'granted';
    out.push(`answer:       ${verb} by ${oneLine(a.user, 60)} via ${oneLine(a.via, 40)} at ${new Date(a.at).toISOString()}${a.note ? `: ${oneLine(a.note, 300)}` : ''}`);
  }
  return `${out.join('\n')}\n`;
}
