import type { ClientEvent, EventOrigin } from '../../model/index.js';
import type { ClientId } from '../types.js';
import type { MappedTool } from './actions.js';
import { unknownEvent } from './event-name.js';
import { LIMITS } from './limits.js';
import { readOutcome } from './outcome.js';
import { readCwd } from './paths.js';
import { asObject, nonEmptyString, optionalString, recordedRequired, type JsonObject } from './untrusted.js';

/** Where a tool call happens, for mappers that resolve relative paths or read client extras. */
export interface ToolContext {
  readonly client: ClientId;
  readonly cwd: string;
  /** The whole payload (Gemini's `mcp_context` lives beside `tool_input`). */
  readonly payload: JsonObject;
}

/**
 * A client speaking Claude Code's wire format (Codex copies it, Gemini CLI mostly does): snake_case fields
 * `hook_event_name`, `session_id`, `cwd`, `tool_name`, `tool_input`, `tool_use_id`, `tool_response`, `prompt`,
 * `source`, `reason`. Only the event names and the tool table differ.
 */
export interface WireSpec {
  readonly client: ClientId;
  /** Hook event name → what it becomes. Anything else is an unknown event. */
  readonly events: Readonly<Record<string, ClientEvent['kind']>>;
  /** Translates one tool call; throws `input_invalid` naming the `tool_input.…` field at fault. */
  mapTool(tool: string, input: unknown, ctx: ToolContext): MappedTool;
}

/** UNTRUSTED: parses a Claude-style hook payload into a `ClientEvent`. */
export function parseWire(payload: unknown, spec: WireSpec): ClientEvent {
  const obj = asObject(payload, 'payload');
  const hookEvent = nonEmptyString(obj, 'hook_event_name', 'hook_event_name', LIMITS.name);
  const kind = Object.hasOwn(spec.events, hookEvent) ? spec.events[hookEvent] : undefined;
  if (kind === undefined) throw unknownEvent(hookEvent);
  const base: EventOrigin = {
    client: spec.client,
    session: optionalString(obj, 'session_id', 'session_id', LIMITS.id),
    cwd: readCwd(obj, 'cwd', 'cwd'),
    hookEvent,
    tool: '',
    toolUseId: optionalString(obj, 'tool_use_id', 'tool_use_id', LIMITS.id),
  };
  switch (kind) {
    case 'action':
    case 'outcome': {
      const tool = nonEmptyString(obj, 'tool_name', 'tool_name', LIMITS.name);
      const mapped = spec.mapTool(tool, obj.tool_input, { client: spec.client, cwd: base.cwd, payload: obj });
      const origin: EventOrigin = { ...base, tool, cwd: mapped.cwd ?? base.cwd };
      if (kind === 'action') return { kind, origin, action: mapped.action };
      return { kind, origin, action: mapped.action, ...readOutcome(obj.tool_response, obj.error) };
    }
    case 'prompt':
      return { kind, origin: base, prompt: recordedRequired(obj, 'prompt', 'prompt') };
    case 'session-start':
      return { kind, origin: base, source: optionalString(obj, 'source', 'source', LIMITS.name) };
    case 'session-end':
      return { kind, origin: base, reason: optionalString(obj, 'reason', 'reason', LIMITS.name) };
  }
}
