import { analyzeAction } from '../../analyze/index.js';
import { buildRequest, decide } from '../../policy/index.js';
import { Airlock } from '../../pipeline/airlock.js';
import type { Exit } from '../io.js';
import type { ExplainFlags } from './policy.def.js';
import { joinWords } from './check-format.js';

/** `airlock policy explain -- <command>`: the parse, the effects, each Cedar request and what matched. */
export function explain(words: string[], flags: ExplainFlags): Exit {
  if (!words.length) return { code: 2, stderr: 'airlock: no command given: use `airlock policy explain -- <command>`\n' };
  const airlock = new Airlock({ pack: flags.policy, coldStart: true, audit: null });
  const command = joinWords(words);
  const ctx = airlock.context({ cwd: flags.cwd, env: flags.env, repo: flags.repo, user: flags.user, agent: flags.agent });
  const engine = airlock.engine(ctx);
  const analysis = analyzeAction({ type: 'shell', command }, ctx);
  const decision = decide(analysis, ctx, engine, 'explain', airlock.options());
  const perEffect = analysis.effects.map((e) => {
    const req = buildRequest(e, ctx);
    const r = engine.evaluate(req);
    return { effect: e, request: req, verdict: r.verdict === 'default' ? `${airlock.options().defaultVerdict} (no policy matched)` : r.verdict, policies: r.policies.map((p) => ({ id: p.id, source: p.source, reason: p.reason })), errors: r.errors };
  });
  if (flags.json) {
    return { code: 0, stdout: `${JSON.stringify({ v: 1, command, context: ctx, invocations: analysis.invocations, issues: analysis.issues, effects: perEffect, decision })}\n` };
  }
  const out: string[] = [];
  out.push(`command      ${command}`);
  out.push(`context      env=${ctx.env} cwd=${ctx.cwd} repo=${ctx.repo.root || '(none)'}${ctx.repo.trusted ? ' (trusted)' : ''} user=${ctx.user} agent=${ctx.agent}`);
  out.push(`policy set   ${engine.policies.size} policies, digest ${engine.digest.slice(0, 16)}${engine.broken ? ' (BROKEN: everything is denied)' : ''}`);
  out.push('', 'parse');
  for (const inv of analysis.invocations) out.push(`  ${inv.via.length ? `${inv.via.join(' > ')} > ` : ''}${inv.dynamic ? '(dynamic) ' : ''}${inv.argv.join(' ')}`);
  for (const i of analysis.issues) out.push(`  issue ${i.code}: ${i.message}`);
  out.push('', 'effects');
  perEffect.forEach((p, n) => {
    const e = p.effect;
    out.push(`  ${n + 1}. ${e.kind}  ${e.why}`);
    out.push(`     target ${e.target.type} ${e.target.path || e.target.host || e.target.name || e.target.ref || ''}${e.target.zone !== 'none' ? ` zone=${e.target.zone}` : ''}  flags=[${e.flags.join(', ')}]${e.via.length ? `  via ${e.via.join(' > ')}` : ''}`);
    out.push(`     cedar  principal=${ctx.agent} action=${e.kind} resource=${e.target.type}`);
    out.push(`     → ${p.verdict}${p.policies.length ? ` by ${p.policies.map((x) => `${x.id} (${x.source})`).join(', ')}` : ''}`);
    for (const err of p.errors) out.push(`     error: ${err}`);
  });
  out.push('', `decision     ${decision.decision.toUpperCase()}`);
  for (const r of decision.reasons) out.push(`  ${r.policy}: ${r.reason}`);
  if (decision.tags.length) out.push(`tags         ${decision.tags.join(' ')}`);
  return { code: 0, stdout: `${out.join('\n')}\n` };
}
