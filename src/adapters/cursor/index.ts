import type { ClientAdapter } from '../types.js';
import { parseCursor } from './parse.js';
import { renderDecision, renderFailure, renderRecorded } from './render.js';

/** Cursor: hooks.json command hooks, `{permission, user_message, agent_message}` answers, exit 2 denies. */
export const cursor: ClientAdapter = {
  id: 'cursor',
  nativeAsk: true,
  parse: parseCursor,
  renderDecision,
  renderRecorded,
  renderFailure,
};
