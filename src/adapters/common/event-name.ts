import { AirlockError } from '../../errors/index.js';

const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

/**
 * UNTRUSTED: the hook event name of any payload, when it looks like one (all four clients call the field
 * `hook_event_name`). Used to pick the failure answer even when parsing failed; anything odd gives `undefined`.
 */
export function peekHookEvent(payload: unknown): string | undefined {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return undefined;
  const name = (payload as Readonly<Record<string, unknown>>).hook_event_name;
  return typeof name === 'string' && IDENTIFIER.test(name) ? name : undefined;
}

/** The error for an event this adapter does not handle; the name is quoted only when it is a plain identifier. */
export function unknownEvent(name: string): AirlockError {
  const shown = IDENTIFIER.test(name) ? ` \`${name}\`` : '';
  return new AirlockError('input_invalid', `unknown hook event${shown} in \`hook_event_name\``);
}
