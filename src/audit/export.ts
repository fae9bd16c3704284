/** Exports: the events as JSON Lines (exactly what is hashed, plus the hash) or as OCSF records. */
import { canonicalJson } from '../crypto/index.js';
import { toOcsf } from './ocsf.js';
import type { AuditStore, EventFilter } from './store.js';

/**
 * One canonical JSON object per line: the stored event plus its `hash`. Anyone can re-check a
 * line: drop `hash`, encode the rest canonically (RFC 8785), SHA-256 it, compare.
 */
export async function* exportJsonl(store: AuditStore, filter?: EventFilter): AsyncIterable<string> {
  for await (const event of store.events(filter)) yield `${canonicalJson(event)}\n`;
}

/** One OCSF 1.3 record per line (see `ocsf.ts` for the class each event type maps to). */
export async function* exportOcsf(store: AuditStore, filter?: EventFilter): AsyncIterable<string> {
  for await (const event of store.events(filter)) yield `${JSON.stringify(toOcsf(event))}\n`;
}
