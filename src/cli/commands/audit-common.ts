/** What the `airlock audit` commands share: opening the store, parsing filters, printing safely. */
import { resolve } from 'node:path';
import { airlockHome } from '../../config/home.js';
import { openAuditStore, type AuditStore, type EventFilter } from '../../audit/index.js';
import { AirlockError } from '../../errors/index.js';
import type { Exit } from '../io.js';
import type { FilterFlags, StoreFlags } from './audit.def.js';

/** Opens the store for reading: never creates an embedded one (a missing log is reported, not made). */
export function openForReading(flags: StoreFlags): Promise<AuditStore> {
  const url = flags.url ?? process.env.AIRLOCK_AUDIT_URL;
  return openAuditStore({ home: airlockHome(), ...(url ? { url } : {}), create: false });
}

/** Runs `body` with the store open, closing it after; store errors become exits (1: missing, 2: other). */
export async function withStore(flags: StoreFlags, body: (store: AuditStore) => Promise<Exit>): Promise<Exit> {
  let store: AuditStore;
  try {
    store = await openForReading(flags);
  } catch (err) {
    return failure(err);
  }
  try {
    return await body(store);
  } catch (err) {
    return failure(err);
  } finally {
    await store.close();
  }
}

function failure(err: unknown): Exit {
  const message = err instanceof Error ? err.message : String(err);
  return { code: err instanceof AirlockError && err.code === 'audit_not_found' ? 1 : 2, stderr: `airlock: ${message}\n` };
}

/** A usage problem: exit 2 with one line. */
export class UsageError extends Error {}

const AGE = /^(\d+)(s|m|h|d|w)$/;
const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;

/** The filter the flags describe. @throws UsageError for a bad verdict or time. */
export function filterOf(flags: FilterFlags, now = Date.now()): EventFilter {
  if (flags.decision !== undefined && !['allow', 'ask', 'deny'].includes(flags.decision)) {
    throw new UsageError(`--decision must be allow, ask or deny, not \`${flags.decision}\``);
  }
  return {
    ...(flags.session !== undefined ? { session: flags.session } : {}),
    ...(flags.since !== undefined ? { since: sinceOf(flags.since, now) } : {}),
    ...(flags.decision !== undefined ? { decision: flags.decision } : {}),
    ...(flags.agent !== undefined ? { agent: flags.agent } : {}),
    ...(flags.repo !== undefined ? { repo: resolve(flags.repo) } : {}),
    ...(flags.type !== undefined ? { type: flags.type } : {}),
  };
}

function sinceOf(text: string, now: number): string {
  const age = AGE.exec(text);
  if (age) return new Date(now - Number(age[1]) * UNIT_MS[age[2] as keyof typeof UNIT_MS]).toISOString();
  const t = Date.parse(text);
  if (Number.isNaN(t)) throw new UsageError(`--since must be an ISO time or an age like 30m, 12h, 7d, not \`${text}\``);
  return new Date(t).toISOString();
}

/**
 * Text from the log made safe for a terminal on one line.
 * UNTRUSTED: commands, prompts and outputs come from the assistant; escape sequences in them must
 * not drive the reviewer's terminal.
 */
export function oneLine(text: string, max = 200): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point: they are neutralised
  const flat = text.replace(/[\r\n\t]+/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f]/g, '\uFFFD');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Like {@link oneLine} but keeps line breaks (for output excerpts), indented. */
export function block(text: string, indent: string): string {
  return text
    // eslint-disable-next-line no-control-regex -- matching control characters is the point: they are neutralised
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '\uFFFD')
    .split('\n')
    .map((l) => `${indent}${l}`)
    .join('\n');
}

/** `2026-06-01T09:30:02.123Z` → `2026-06-01 09:30:02`. */
export function shortTime(iso: string): string {
  return iso.replace('T', ' ').replace(/\.\d+Z$/, '');
}
