import { isAbsolute } from 'node:path';
import { AirlockError } from '../../errors/index.js';
import type { Action, ClientEvent, EventOrigin } from '../../model/index.js';
import { mcpAction } from '../common/actions.js';
import { unknownEvent } from '../common/event-name.js';
import { LIMITS } from '../common/limits.js';
import { readOutcome } from '../common/outcome.js';
import { readCwd, resolveAgainst } from '../common/paths.js';
import {
  asObject,
  checkString,
  firstString,
  nonEmptyString,
  optionalString,
  optionalStringArray,
  recordedRequired,
  recordedText,
  requiredString,
  type JsonObject,
} from '../common/untrusted.js';

type Kind = ClientEvent['kind'];

/** The Cursor events `airlock init cursor` installs (assistants.md §4.1), and what each becomes. */
export const CURSOR_EVENTS: Readonly<Record<string, Kind>> = {
  beforeShellExecution: 'action',
  beforeMCPExecution: 'action',
  beforeReadFile: 'action',
  afterShellExecution: 'outcome',
  afterMCPExecution: 'outcome',
  afterFileEdit: 'outcome',
  beforeSubmitPrompt: 'prompt',
  sessionStart: 'session-start',
  sessionEnd: 'session-end',
};

/** Cursor sends no tool name for its own hooks: these stand in, so the audit can tell them apart. */
const TOOL_OF: Readonly<Record<string, string>> = {
  beforeShellExecution: 'shell',
  afterShellExecution: 'shell',
  beforeReadFile: 'read_file',
  afterFileEdit: 'edit_file',
};

// UNTRUSTED from here on: Cursor's payload as sent (top-level `command`, `file_path`, `tool_name` …).

/** The command's own `cwd`, else the first workspace root (both must be absolute). */
function cwdOf(obj: JsonObject): string {
  const cwd = readCwd(obj, 'cwd', 'cwd');
  if (cwd !== '') return cwd;
  const root = optionalStringArray(obj, 'workspace_roots', 'workspace_roots', LIMITS.path)[0] ?? '';
  return isAbsolute(root) ? root : '';
}

/** MCP tool input arrives as an object or as a JSON-encoded string (older builds); a bad string stays a string. */
function mcpInput(obj: JsonObject): unknown {
  const input = obj.tool_input;
  if (typeof input !== 'string') return input;
  checkString(input, 'tool_input', LIMITS.input);
  try {
    return JSON.parse(input) as unknown;
  } catch {
    return input;
  }
}

/** Cursor names no MCP server, only its `url` (remote) or launch `command` (stdio): that is the server id. */
function mcpCall(obj: JsonObject): Action {
  const server =
    firstString(obj, ['server_name', 'server'], '', LIMITS.name) ||
    optionalString(obj, 'url', 'url', LIMITS.url) ||
    optionalString(obj, 'command', 'command', LIMITS.command) ||
    'unknown';
  return mcpAction(server, nonEmptyString(obj, 'tool_name', 'tool_name', LIMITS.name), mcpInput(obj), 'tool_input');
}

/** afterFileEdit's `edits[].new_string`, joined: what was written. */
function editedContent(obj: JsonObject): string {
  const edits = obj.edits;
  if (edits === undefined || edits === null) return '';
  if (!Array.isArray(edits)) throw new AirlockError('input_invalid', '`edits` must be an array');
  return recordedText(
    edits.map((e: unknown, i) => requiredString(asObject(e, `edits[${i}]`), 'new_string', `edits[${i}].new_string`, LIMITS.content)).join('\n'),
  );
}

function actionOf(hookEvent: string, obj: JsonObject, cwd: string): Action {
  switch (hookEvent) {
    case 'beforeShellExecution':
    case 'afterShellExecution':
      return { type: 'shell', command: nonEmptyString(obj, 'command', 'command', LIMITS.command) };
    case 'beforeReadFile':
      return { type: 'file.read', path: resolveAgainst(cwd, nonEmptyString(obj, 'file_path', 'file_path', LIMITS.path)) };
    case 'afterFileEdit':
      return {
        type: 'file.write',
        path: resolveAgainst(cwd, nonEmptyString(obj, 'file_path', 'file_path', LIMITS.path)),
        content: editedContent(obj),
      };
    default:
      return mcpCall(obj);
  }
}

/** UNTRUSTED: parses a Cursor hook payload into a `ClientEvent`. */
export function parseCursor(payload: unknown): ClientEvent {
  const obj = asObject(payload, 'payload');
  const hookEvent = nonEmptyString(obj, 'hook_event_name', 'hook_event_name', LIMITS.name);
  const kind = Object.hasOwn(CURSOR_EVENTS, hookEvent) ? CURSOR_EVENTS[hookEvent] : undefined;
  if (kind === undefined) throw unknownEvent(hookEvent);
  const origin: EventOrigin = {
    client: 'cursor',
    session: firstString(obj, ['conversation_id', 'session_id'], '', LIMITS.id),
    cwd: cwdOf(obj),
    hookEvent,
    tool: TOOL_OF[hookEvent] ?? (kind === 'action' || kind === 'outcome' ? nonEmptyString(obj, 'tool_name', 'tool_name', LIMITS.name) : ''),
    toolUseId: optionalString(obj, 'tool_use_id', 'tool_use_id', LIMITS.id),
  };
  switch (kind) {
    case 'action':
      return { kind, origin, action: actionOf(hookEvent, obj, origin.cwd) };
    case 'outcome': {
      const output = hookEvent === 'afterMCPExecution' ? obj.result_json : obj.output;
      const outcome = readOutcome({ output: output ?? '', exit_code: obj.exit_code }, obj.error);
      return { kind, origin, action: actionOf(hookEvent, obj, origin.cwd), ...outcome };
    }
    case 'prompt':
      return { kind, origin, prompt: recordedRequired(obj, 'prompt', 'prompt') };
    case 'session-start':
      return { kind, origin, source: optionalString(obj, 'source', 'source', LIMITS.name) };
    case 'session-end':
      return { kind, origin, reason: optionalString(obj, 'reason', 'reason', LIMITS.name) };
  }
}
