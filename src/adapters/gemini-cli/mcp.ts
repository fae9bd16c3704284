import { LIMITS } from '../common/limits.js';
import { optionalObject, optionalString, type JsonObject } from '../common/untrusted.js';

/**
 * UNTRUSTED: which MCP server and tool a Gemini CLI tool call targets, or `undefined` for a built-in tool.
 * Preferred source is BeforeTool's `mcp_context` (`server_name`, `tool_name`); without it the name is split:
 * `mcp_<server>_<tool>` (assistants.md §3.1 matchers) at the first `_` after the prefix, so a server whose
 * name holds `_` is misread as a shorter server with a longer tool name; older `<server>__<tool>` at `__`.
 */
export function geminiMcp(tool: string, payload: JsonObject): { server: string; tool: string } | undefined {
  const context = optionalObject(payload, 'mcp_context', 'mcp_context');
  const server = optionalString(context, 'server_name', 'mcp_context.server_name', LIMITS.name);
  if (server !== '') {
    const name = optionalString(context, 'tool_name', 'mcp_context.tool_name', LIMITS.name);
    return { server, tool: name || tool };
  }
  if (tool.startsWith('mcp_')) {
    const rest = tool.slice('mcp_'.length);
    const at = rest.indexOf('_');
    if (at > 0 && at + 1 < rest.length) return { server: rest.slice(0, at), tool: rest.slice(at + 1) };
  }
  const at = tool.indexOf('__');
  if (at > 0 && at + 2 < tool.length) return { server: tool.slice(0, at), tool: tool.slice(at + 2) };
  return undefined;
}
