import { AirlockError } from '../../errors/index.js';
import type { Action } from '../../model/index.js';
import { builtinAction, mcpAction, splitMcpName, type MappedTool } from '../common/actions.js';
import { LIMITS } from '../common/limits.js';
import { resolveAgainst, resolveDir } from '../common/paths.js';
import { asObject, checkString, optionalString, type JsonObject } from '../common/untrusted.js';
import type { ToolContext } from '../common/wire.js';
import { patchTargets } from './patch.js';

/**
 * Names Codex gives its shell tool. assistants.md §2.1 documents `Bash` in hook payloads; the internal names
 * (`shell`, `exec_command`, `local_shell`, …) are accepted too, so a build that leaks them is still judged as shell.
 */
const SHELL_TOOLS = new Set(['Bash', 'shell', 'exec_command', 'local_shell', 'container.exec', 'unified_exec']);

const SAFE_WORD = /^[A-Za-z0-9_/.,:=@%+-]+$/;

/** Quotes one argv word for a POSIX shell, so an argv array reads as the command line it runs. */
function quote(word: string): string {
  return SAFE_WORD.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

// UNTRUSTED: `command` (or `cmd`) is a string, or an argv array of strings.
function shellCommand(input: JsonObject): string {
  const key = input.command !== undefined ? 'command' : 'cmd';
  const field = `tool_input.${key}`;
  const value = input[key];
  if (value === undefined || value === null) throw new AirlockError('input_invalid', '`tool_input.command` is missing');
  let command: string;
  if (typeof value === 'string') {
    command = value;
  } else if (Array.isArray(value) && value.every((w): w is string => typeof w === 'string')) {
    command = value.map(quote).join(' ');
  } else {
    throw new AirlockError('input_invalid', `\`${field}\` must be a string or an array of strings`);
  }
  if (command.trim() === '') throw new AirlockError('input_invalid', `\`${field}\` is empty`);
  return checkString(command, field, LIMITS.command);
}

/**
 * An `apply_patch` call. One added or updated file is a `file.write` of that file with the patch as content;
 * a patch that touches several files, deletes or moves one cannot be a single write, so it goes to policy as
 * `codex-builtin/apply_patch` (see README).
 */
function applyPatch(input: JsonObject, ctx: ToolContext): Action {
  const key = ['command', 'input', 'patch'].find((k) => typeof input[k] === 'string') ?? 'command';
  const patch = optionalString(input, key, `tool_input.${key}`, LIMITS.content);
  const targets = patchTargets(patch);
  const only = targets.length === 1 ? targets[0] : undefined;
  if (only && (only.op === 'add' || only.op === 'update')) {
    const path = checkString(only.path, `tool_input.${key}`, LIMITS.path);
    return { type: 'file.write', path: resolveAgainst(ctx.cwd, path), content: patch };
  }
  return builtinAction(ctx.client, 'apply_patch', input, 'tool_input');
}

/** One Codex tool call as an Action (assistants.md §2.1: `Bash`, `apply_patch`, or the MCP tool name). */
export function codexTool(tool: string, input: unknown, ctx: ToolContext): MappedTool {
  const mcp = splitMcpName(tool);
  if (mcp) return { action: mcpAction(mcp.server, mcp.tool, input, 'tool_input') };
  if (SHELL_TOOLS.has(tool)) {
    const obj = asObject(input, 'tool_input');
    const workdir = optionalString(obj, 'workdir', 'tool_input.workdir', LIMITS.path);
    const action: Action = { type: 'shell', command: shellCommand(obj) };
    return workdir === '' ? { action } : { action, cwd: resolveDir(ctx.cwd, workdir, 'tool_input.workdir') };
  }
  if (tool === 'apply_patch') return { action: applyPatch(asObject(input, 'tool_input'), ctx) };
  return { action: builtinAction(ctx.client, tool, input, 'tool_input') };
}
