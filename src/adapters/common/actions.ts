import { AirlockError } from '../../errors/index.js';
import type { Action } from '../../model/index.js';
import { LIMITS } from './limits.js';
import { checkString } from './untrusted.js';

/** A tool call translated: the action, and the directory it acts in when the tool names one (Gemini `dir_path`). */
export interface MappedTool {
  readonly action: Action;
  readonly cwd?: string;
}

/** UNTRUSTED: tool input for an `mcp` action, bounded by the size of its JSON text. */
export function boundedInput(input: unknown, field: string): unknown {
  if (input === undefined || input === null) return {};
  const text = JSON.stringify(input);
  if (text.length * 3 > LIMITS.input.bytes && Buffer.byteLength(text, 'utf8') > LIMITS.input.bytes) {
    throw new AirlockError('input_too_large', `\`${field}\` is over ${LIMITS.input.bytes} bytes`);
  }
  return input;
}

/** An MCP tool call. */
export function mcpAction(server: string, tool: string, input: unknown, field: string): Action {
  return { type: 'mcp', server, tool, input: boundedInput(input, field) };
}

/**
 * A tool Airlock has no mapping for. It still goes to policy, as an MCP call on the pseudo-server
 * `<client>-builtin`, so an unknown tool is decided (by default: ask) rather than waved through.
 */
export function builtinAction(client: string, tool: string, input: unknown, field: string): Action {
  return mcpAction(`${client}-builtin`, tool, input, field);
}

/** A web search as a `web.fetch` of the pseudo-URL `search:<url-encoded query>`. */
export function searchAction(query: string, field: string): Action {
  return { type: 'web.fetch', url: `search:${encodeURIComponent(checkString(query, field, LIMITS.query))}` };
}

/**
 * `mcp__<server>__<tool>` (Claude Code and Codex) split at the first `__` after the prefix; `undefined` when the
 * name has another shape. Server names may hold single underscores; tool names may hold anything after.
 */
export function splitMcpName(name: string): { server: string; tool: string } | undefined {
  if (!name.startsWith('mcp__')) return undefined;
  const rest = name.slice('mcp__'.length);
  const at = rest.indexOf('__');
  if (at <= 0 || at + 2 >= rest.length) return undefined;
  return { server: rest.slice(0, at), tool: rest.slice(at + 2) };
}
