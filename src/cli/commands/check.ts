import type { ContextOptions } from '../../config/context.js';
import { asAirlockError } from '../../errors/index.js';
import type { Decision } from '../../model/index.js';
import { Airlock } from '../../pipeline/airlock.js';
import { openAuditSink } from '../../pipeline/audit-sink.js';
import { failedDecision } from '../../pipeline/fail-closed.js';
import type { Exit } from '../io.js';
import { EXIT, readStdin } from '../io.js';
import type { CheckFlags } from './check.def.js';
import { formatDecision, joinWords, toJson } from './check-format.js';

const CODE = { allow: EXIT.allow, ask: EXIT.ask, deny: EXIT.deny } as const;

/** `airlock check`: the contract of DESIGN §6. */
export async function check(words: string[], flags: CheckFlags): Promise<Exit> {
  if (flags.batch) return batch(flags);
  if (words.length === 0) {
    const d = failedDecision('input', asAirlockError(new Error('no command given: use airlock check -- <command>'), 'usage_error'), 'none');
    return { code: EXIT.usage, stdout: flags.json ? `${toJson(d)}\n` : undefined, stderr: 'airlock: no command given: use `airlock check -- <command>`\n' };
  }
  const airlock = await open(flags);
  try {
    const command = joinWords(words);
    let decision: Decision;
    let code: number;
    try {
      const ctx = airlock.context(contextOptions(flags));
      decision = await airlock.decide({ action: { type: 'shell', command }, context: ctx });
      code = CODE[decision.decision];
    } catch (err) {
      // Usage errors (a bad --env) still answer with a deny decision in JSON, and exit 2.
      decision = failedDecision('input', asAirlockError(err, 'usage_error'), 'none');
      code = EXIT.usage;
    }
    return { code, stdout: flags.json ? `${toJson(decision)}\n` : formatDecision(decision, command) };
  } finally {
    await airlock.close();
  }
}

function contextOptions(flags: CheckFlags, line?: { cwd?: unknown; env?: unknown }): ContextOptions {
  return {
    cwd: typeof line?.cwd === 'string' ? line.cwd : flags.cwd,
    env: typeof line?.env === 'string' ? line.env : flags.env,
    repo: flags.repo,
    user: flags.user,
    agent: flags.agent,
    session: flags.session,
    task: flags.task,
    client: 'cli',
  };
}

async function open(flags: CheckFlags): Promise<Airlock> {
  const probe = new Airlock({ pack: flags.policy, coldStart: !flags.batch, audit: null });
  if (!flags.audit) return probe;
  return new Airlock({ pack: flags.policy, coldStart: !flags.batch, audit: await openAuditSink(probe.home, process.env.AIRLOCK_AUDIT_URL ?? probe.auditUrl()) });
}

/** JSON Lines in, one decision per line out, in order. A bad line is decided (deny), never skipped. */
async function batch(flags: CheckFlags): Promise<Exit> {
  const airlock = await open(flags);
  const out: string[] = [];
  try {
    const text = (await readStdin()).toString('utf8');
    const lines = text.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    // Lines are decided in order; their audit appends overlap (the store commits them in groups, in
    // call order), a window at a time. Output stays in input order.
    const WINDOW = 64;
    for (let i = 0; i < lines.length; i += WINDOW) {
      const decided = await Promise.all(lines.slice(i, i + WINDOW).map((raw) => decideLine(airlock, raw, flags)));
      for (const d of decided) out.push(toJson(d));
    }
  } finally {
    await airlock.close();
  }
  return { code: 0, stdout: out.length ? `${out.join('\n')}\n` : '' };
}

async function decideLine(airlock: Airlock, raw: string, flags: CheckFlags): Promise<Decision> {
  let line: unknown;
  try {
    line = JSON.parse(raw);
  } catch {
    return failedDecision('input', asAirlockError(new Error('the line is not valid JSON'), 'input_invalid_json'), 'none');
  }
  if (typeof line !== 'object' || line === null || typeof (line as { cmd?: unknown }).cmd !== 'string') {
    return failedDecision('input', asAirlockError(new Error('each line must be an object with a string `cmd`'), 'input_invalid'), 'none');
  }
  const l = line as { cmd: string; cwd?: unknown; env?: unknown };
  try {
    return await airlock.decide({ action: { type: 'shell', command: l.cmd }, context: airlock.context(contextOptions(flags, l)) });
  } catch (err) {
    return failedDecision('input', asAirlockError(err, 'input_invalid'), 'none');
  }
}
