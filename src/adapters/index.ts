/**
 * The client adapters (DESIGN §2, §7): each translates one assistant's hook JSON into a `ClientEvent` and renders
 * that client's own answer. `airlock hook <client>` looks its adapter up here; the core never branches on clients.
 */
import type { ClientAdapter, ClientId } from './types.js';
import { claudeCode } from './claude-code/index.js';
import { codex } from './codex/index.js';
import { cursor } from './cursor/index.js';
import { geminiCli } from './gemini-cli/index.js';

export type { ClientAdapter, ClientId } from './types.js';
export { CLIENT_IDS } from './types.js';
export { peekHookEvent } from './common/event-name.js';

/** One adapter per client id. */
export const ADAPTERS: Readonly<Record<ClientId, ClientAdapter>> = {
  'claude-code': claudeCode,
  'gemini-cli': geminiCli,
  cursor,
  codex,
};

/** Narrows a command-line word to a client id. */
export function isClientId(value: string): value is ClientId {
  return Object.hasOwn(ADAPTERS, value);
}
