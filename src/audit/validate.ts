/** Shape checks on what callers hand to `append` (TypeScript callers are checked at compile time; this is for the rest). */
import { isEventType, type AuditInput } from './event.js';

/** The first problem with `input`, or undefined when it is a well-formed event. */
export function problemWith(input: AuditInput): string | undefined {
  const i = input as unknown as Record<string, unknown>;
  if (!isEventType(i.type)) return '`type` is not an audit event type';
  for (const [obj, keys] of [
    ['principal', ['user', 'agent', 'client', 'session']],
    ['repo', ['root', 'remote']],
  ] as const) {
    const o = i[obj] as Record<string, unknown> | null | undefined;
    if (!o || typeof o !== 'object') return `\`${obj}\` is missing`;
    for (const k of keys) if (typeof o[k] !== 'string') return `\`${obj}.${k}\` must be a string`;
  }
  if ((i.principal as { session: string }).session === '') return '`principal.session` must not be empty';
  if (typeof i.env !== 'string') return '`env` must be a string';
  if (!i.data || typeof i.data !== 'object' || Array.isArray(i.data)) return '`data` must be an object';
  if (i.time !== undefined && !(typeof i.time === 'number' && Number.isFinite(i.time))) return '`time` must be epoch milliseconds';
  if (i.type === 'decision' && !['allow', 'ask', 'deny'].includes((i.data as { decision?: unknown }).decision as string)) {
    return '`data.decision` must be allow, ask or deny';
  }
  return undefined;
}
