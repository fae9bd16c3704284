import type { Action, Analysis, AnalysisIssue, Effect, Invocation, RequestContext } from '../model/index.js';
import { NO_TARGET } from '../model/index.js';
import { EMPTY_COMMAND, finalize } from './finalize.js';
import { binaryJunk, LIMITS, parseShell } from './shell/parse.js';
import { Scope } from './shell/scope.js';
import { Walker } from './shell/walker.js';
import { actionEffects } from './actions.js';

export { LIMITS } from './shell/parse.js';

function invalid(flag: string, why: string): Effect {
  return { kind: 'input.invalid', target: NO_TARGET, flags: [flag], program: '', subcommand: '', via: [], why };
}

/**
 * What a shell command would do. Pure: everything comes from the arguments.
 * UNTRUSTED: `command` is whatever the assistant sent.
 */
export function analyzeCommand(command: string, ctx: RequestContext): Analysis {
  const issues: AnalysisIssue[] = [];
  if (command.length > LIMITS.maxCommandLength) {
    issues.push({ code: 'input_too_large', message: `the command is ${command.length} characters; the limit is ${LIMITS.maxCommandLength}` });
    return { v: 1, invocations: [], effects: [invalid('too-large', 'the command is too large to analyse')], issues };
  }
  if (binaryJunk(command)) {
    issues.push({ code: 'input_binary', message: 'the command contains control characters or invalid text' });
    return { v: 1, invocations: [], effects: [invalid('binary', 'the command contains binary or control characters')], issues };
  }
  const script = parseShell(command);
  const out = { effects: [] as Effect[], invocations: [] as Invocation[], issues };
  const scope = Scope.initial(ctx.cwd, ctx.home, ctx.user, ctx.tmpDirs[0] ?? '/tmp');
  const walker = new Walker(ctx, scope, 0, { steps: 0, maxSteps: LIMITS.maxSteps, maxDepth: LIMITS.maxDepth, exceeded: false }, out);
  try {
    walker.script(script, null);
  } catch (err) {
    // INVARIANT: an analyser bug never lets a command through; it becomes a blocking effect.
    issues.push({ code: 'analyze_internal_error', message: err instanceof Error ? err.message.slice(0, 200) : 'internal error' });
    out.effects.push(invalid('internal-error', 'the analyser failed on this command'));
  }
  const effects = finalize(out.effects);
  if (effects.length === 0 && out.invocations.length === 0 && script.commands.length === 0) effects.push(EMPTY_COMMAND);
  return { v: 1, invocations: out.invocations, effects, issues };
}

/** What any action would do: shell commands are analysed; file, web and MCP actions map directly. */
export function analyzeAction(action: Action, ctx: RequestContext): Analysis {
  if (action.type === 'shell') return analyzeCommand(action.command, ctx);
  return { v: 1, invocations: [], effects: actionEffects(action, ctx), issues: [] };
}
