/** `airlock audit replay <session>`: the session as a timeline a reviewer follows from intent to effect. */
import { replay, type HashedEvent, type Timeline } from '../../audit/index.js';
import type { Exit } from '../io.js';
import type { StoreFlags } from './audit.def.js';
import { block, oneLine, shortTime, withStore } from './audit-common.js';
import { summary } from './audit-summary.js';

/** `audit replay <session>`: exit 1 for an unknown session or a broken session chain. */
export function auditReplay(session: string, flags: StoreFlags & { json?: boolean }): Promise<Exit> {
  return withStore(flags, async (store) => {
    const timeline = await replay(store, session);
    if (timeline.events === 0) return { code: 1, stderr: `airlock: no events for session \`${oneLine(session, 80)}\`\n` };
    if (flags.json) return { code: 0, stdout: `${JSON.stringify({ v: 1, ...timeline })}\n` };
    return { code: timeline.chain.ok ? 0 : 1, stdout: render(timeline) };
  });
}

function render(t: Timeline): string {
  const out: string[] = [];
  const p = t.principal;
  out.push(`session ${oneLine(t.session, 80)}: ${t.events} events, ${shortTime(t.first ?? '')} → ${shortTime(t.last ?? '')}`);
  if (p) out.push(`  user ${oneLine(p.user, 60)} · agent ${oneLine(p.agent, 40)} · client ${oneLine(p.client, 40)}`);
  if (t.repo) out.push(`  repo ${oneLine(t.repo.root || '(none)', 100)}${t.repo.remote ? ` (${oneLine(t.repo.remote, 100)})` : ''} · env ${oneLine(t.env ?? '', 20)}`);
  out.push(t.chain.ok ? '  session chain: intact' : `  session chain: BROKEN — ${t.chain.problems.map((x) => oneLine(x, 120)).join('; ')}`);
  out.push('');
  for (const entry of t.entries) {
    if (entry.kind === 'event') {
      out.push(line(entry.event, oneLine(summary(entry.event), 160)));
      continue;
    }
    const d = entry.step.decision;
    out.push(line(d, `${d.data.decision.toUpperCase()}  $ ${oneLine(d.data.request.command, 160)}`));
    out.push(`        in ${oneLine(d.data.request.cwd, 120)}`);
    for (const x of d.data.effects) {
      const target = x.target.path || x.target.host || x.target.name || x.target.ref;
      out.push(`        effect ${x.kind}${target ? ` ${oneLine(target, 100)}` : ''}${x.program ? ` (${oneLine(x.program, 30)})` : ''}`);
    }
    for (const r of d.data.reasons) out.push(`        policy ${oneLine(r.policy, 60)} → ${r.verdict}: ${oneLine(r.reason, 140)}`);
    if (d.data.tags.length) out.push(`        tags ${oneLine(d.data.tags.join(' '), 160)}`);
    for (const err of d.data.errors) out.push(`        error ${oneLine(err.code, 40)}: ${oneLine(err.message, 140)}`);
    for (const f of entry.step.followups) {
      out.push(`      ${line(f, oneLine(summary(f), 150)).trimStart()}`);
      if (f.type === 'exec.finished' && f.data.output_excerpt) {
        out.push(`          output sha256:${f.data.output_digest.slice(0, 16)}…`);
        out.push(block(f.data.output_excerpt.trimEnd().split('\n').slice(0, 12).join('\n'), '          │ '));
      }
    }
    if (!entry.step.followups.some((f) => f.type === 'exec.finished')) out.push('        (no outcome recorded)');
  }
  return `${out.join('\n')}\n`;
}

function line(e: HashedEvent, what: string): string {
  return `#${String(e.seq).padEnd(4)} ${shortTime(e.time).slice(11)}  ${e.type.padEnd(18)} ${what}`;
}
