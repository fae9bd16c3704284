import type { Action } from '../../model/index.js';
import { builtinAction, mcpAction, searchAction, type MappedTool } from '../common/actions.js';
import { LIMITS } from '../common/limits.js';
import { resolveAgainst, resolveDir } from '../common/paths.js';
import {
  asObject,
  checkString,
  firstString,
  nonEmptyString,
  optionalString,
  optionalStringArray,
  requiredString,
  type JsonObject,
} from '../common/untrusted.js';
import type { ToolContext } from '../common/wire.js';
import { geminiMcp } from './mcp.js';

// UNTRUSTED: every reader takes `tool_input` as the model produced it. Gemini's parameter names moved between
// releases (`absolute_path` → `file_path`, `path` → `dir_path`), so each reader accepts the known spellings.
type Mapper = (input: JsonObject, ctx: ToolContext) => MappedTool | Action;

const FILE_KEYS = ['file_path', 'absolute_path', 'path'];
const DIR_KEYS = ['dir_path', 'path', 'directory'];

function filePath(input: JsonObject, ctx: ToolContext): string {
  const path = firstString(input, FILE_KEYS, 'tool_input.', LIMITS.path);
  if (path === '') return nonEmptyString(input, 'file_path', 'tool_input.file_path', LIMITS.path);
  return resolveAgainst(ctx.cwd, path);
}

/** Directory tools search the cwd when no directory is given (`.` when the cwd is unknown too). */
function dirPath(input: JsonObject, ctx: ToolContext): string {
  const dir = firstString(input, DIR_KEYS, 'tool_input.', LIMITS.path);
  return dir === '' ? ctx.cwd || '.' : resolveAgainst(ctx.cwd, dir);
}

/** read_many_files: one path is a read of it; several (or globs over several) go to policy as a builtin. */
function readMany(input: JsonObject, ctx: ToolContext): Action {
  const paths = [
    ...optionalStringArray(input, 'paths', 'tool_input.paths', LIMITS.path),
    ...optionalStringArray(input, 'include', 'tool_input.include', LIMITS.path),
  ];
  const only = paths.length === 1 ? paths[0] : undefined;
  if (only !== undefined && only !== '') return { type: 'file.read', path: resolveAgainst(ctx.cwd, only) };
  return builtinAction(ctx.client, 'read_many_files', input, 'tool_input');
}

const URL_IN_TEXT = /https?:\/\/[^\s"'<>`]+/g;

/** web_fetch takes a `prompt` holding the URLs (newer builds also a `url`): exactly one URL is a fetch of it. */
function webFetch(input: JsonObject, ctx: ToolContext): Action {
  const url = optionalString(input, 'url', 'tool_input.url', LIMITS.url);
  if (url !== '') return { type: 'web.fetch', url };
  const prompt = optionalString(input, 'prompt', 'tool_input.prompt', LIMITS.content);
  const urls = [...new Set(prompt.match(URL_IN_TEXT) ?? [])];
  const only = urls.length === 1 ? urls[0] : undefined;
  if (only !== undefined) return { type: 'web.fetch', url: checkString(only, 'tool_input.prompt', LIMITS.url) };
  return builtinAction(ctx.client, 'web_fetch', input, 'tool_input');
}

/** Gemini CLI's built-in tools (assistants.md §3.1: `tool_input` holds the raw args, `{command, dir_path}` for the shell). */
const TOOLS: Readonly<Record<string, Mapper>> = {
  run_shell_command: (i, c) => {
    const action: Action = { type: 'shell', command: nonEmptyString(i, 'command', 'tool_input.command', LIMITS.command) };
    const dir = firstString(i, ['dir_path', 'directory'], 'tool_input.', LIMITS.path);
    return dir === '' ? { action } : { action, cwd: resolveDir(c.cwd, dir, 'tool_input.dir_path') };
  },
  read_file: (i, c) => ({ type: 'file.read', path: filePath(i, c) }),
  read_many_files: readMany,
  list_directory: (i, c) => ({ type: 'file.read', path: dirPath(i, c) }),
  glob: (i, c) => ({ type: 'file.read', path: dirPath(i, c) }),
  search_file_content: (i, c) => ({ type: 'file.read', path: dirPath(i, c) }),
  grep_search: (i, c) => ({ type: 'file.read', path: dirPath(i, c) }),
  write_file: (i, c) => ({
    type: 'file.write',
    path: filePath(i, c),
    content: requiredString(i, 'content', 'tool_input.content', LIMITS.content),
  }),
  replace: (i, c) => ({
    type: 'file.write',
    path: filePath(i, c),
    content: requiredString(i, 'new_string', 'tool_input.new_string', LIMITS.content),
  }),
  web_fetch: webFetch,
  google_web_search: (i) => searchAction(requiredString(i, 'query', 'tool_input.query', LIMITS.query), 'tool_input.query'),
};

/**
 * One Gemini CLI tool call as an Action: the built-ins above, MCP tools (see `geminiMcp`), and every other
 * tool (save_memory, write_todos, …) as `gemini-cli-builtin/<tool>` so policy still decides it.
 */
export function geminiTool(tool: string, input: unknown, ctx: ToolContext): MappedTool {
  const mapper = Object.hasOwn(TOOLS, tool) ? TOOLS[tool] : undefined;
  if (mapper) {
    const mapped = mapper(asObject(input, 'tool_input'), ctx);
    return 'action' in mapped ? mapped : { action: mapped };
  }
  const mcp = geminiMcp(tool, ctx.payload);
  if (mcp) return { action: mcpAction(mcp.server, mcp.tool, input, 'tool_input') };
  return { action: builtinAction(ctx.client, tool, input, 'tool_input') };
}
