import { AirlockError } from '../../errors/index.js';
import type { Action } from '../../model/index.js';
import { builtinAction, mcpAction, searchAction, splitMcpName, type MappedTool } from '../common/actions.js';
import { LIMITS } from '../common/limits.js';
import { resolveAgainst } from '../common/paths.js';
import {
  asObject,
  nonEmptyString,
  optionalString,
  requiredString,
  type JsonObject,
} from '../common/untrusted.js';
import type { ToolContext } from '../common/wire.js';

// UNTRUSTED: every reader below takes `tool_input` as the assistant sent it and names the field it rejects.
type Mapper = (input: JsonObject, ctx: ToolContext) => Action;

const path = (input: JsonObject, key: string, ctx: ToolContext): string =>
  resolveAgainst(ctx.cwd, nonEmptyString(input, key, `tool_input.${key}`, LIMITS.path));

/** Grep / Glob / LS search a directory: the cwd when `path` is left out (`.` when the cwd is unknown too). */
const searchRoot = (input: JsonObject, ctx: ToolContext): string => {
  const given = optionalString(input, 'path', 'tool_input.path', LIMITS.path);
  return given === '' ? ctx.cwd || '.' : resolveAgainst(ctx.cwd, given);
};

const content = (input: JsonObject, key: string): string => requiredString(input, key, `tool_input.${key}`, LIMITS.content);

/** MultiEdit's new strings, joined: what it would write is what policy scans for secrets. */
const multiEditContent = (input: JsonObject): string => {
  const edits = input.edits;
  if (edits === undefined || edits === null) return '';
  if (!Array.isArray(edits)) throw new AirlockError('input_invalid', '`tool_input.edits` must be an array');
  return edits.map((edit: unknown, i) => content(asObject(edit, `tool_input.edits[${i}]`), 'new_string')).join('\n');
};

/** Claude Code's tools (assistants.md §1.1: PreToolUse `tool_input`; file tools get an absolute `file_path`). */
const TOOLS: Readonly<Record<string, Mapper>> = {
  Bash: (i) => ({ type: 'shell', command: nonEmptyString(i, 'command', 'tool_input.command', LIMITS.command) }),
  Read: (i, c) => ({ type: 'file.read', path: path(i, 'file_path', c) }),
  Grep: (i, c) => ({ type: 'file.read', path: searchRoot(i, c) }),
  Glob: (i, c) => ({ type: 'file.read', path: searchRoot(i, c) }),
  LS: (i, c) => ({ type: 'file.read', path: searchRoot(i, c) }),
  Write: (i, c) => ({ type: 'file.write', path: path(i, 'file_path', c), content: content(i, 'content') }),
  Edit: (i, c) => ({ type: 'file.write', path: path(i, 'file_path', c), content: content(i, 'new_string') }),
  MultiEdit: (i, c) => ({ type: 'file.write', path: path(i, 'file_path', c), content: multiEditContent(i) }),
  NotebookEdit: (i, c) => ({
    type: 'file.write',
    path: path(i, 'notebook_path', c),
    content: optionalString(i, 'new_source', 'tool_input.new_source', LIMITS.content),
  }),
  WebFetch: (i) => ({ type: 'web.fetch', url: nonEmptyString(i, 'url', 'tool_input.url', LIMITS.url) }),
  WebSearch: (i) => searchAction(requiredString(i, 'query', 'tool_input.query', LIMITS.query), 'tool_input.query'),
};

/**
 * One Claude Code tool call as an Action: `mcp__<server>__<tool>` is an MCP call, the tools above map to their
 * action, and every other tool (Task, TodoWrite, Skill, …) goes to policy as `claude-code-builtin/<tool>`.
 */
export function claudeTool(tool: string, input: unknown, ctx: ToolContext): MappedTool {
  const mcp = splitMcpName(tool);
  if (mcp) return { action: mcpAction(mcp.server, mcp.tool, input, 'tool_input') };
  const mapper = Object.hasOwn(TOOLS, tool) ? TOOLS[tool] : undefined;
  if (mapper) return { action: mapper(asObject(input, 'tool_input'), ctx) };
  return { action: builtinAction(ctx.client, tool, input, 'tool_input') };
}
