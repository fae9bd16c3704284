/**
 * Keeps secrets out of the store: known secret values become a keyed hash, the pre-filter masks
 * what looks like a credential, and secretlint scans what passes its gate. Applied to every
 * string of an event (keys are schema names, not data), before the event is hashed or stored.
 */
import { hmacSha256Hex } from '../crypto/index.js';
import { prefilter } from './prefilter.js';
import { deepScan, needsDeepScan } from './secretlint.js';

/** Known secrets shorter than this would mask ordinary words; they cannot be meaningfully kept out. */
export const MIN_KNOWN_SECRET = 4;

// Values Airlock generates itself (ids and digests) are hex or UUID runs that would trip the gate
// on every event. They skip secretlint only while they have that shape (no secretlint rule matches
// an optional short prefix plus hex); anything else in these fields is scanned like any text.
const GENERATED_KEYS = new Set(['decision_id', 'policy_digest', 'output_digest', 'request_digest']);
const GENERATED_SHAPE = /^(?:[a-z]{1,8}[_:-])?[0-9a-f][0-9a-f-]{7,63}$/i;

/** A redacted value and the JSON paths of the strings that changed. */
export interface Redacted<T> {
  readonly value: T;
  readonly paths: readonly string[];
}

/**
 * Redaction by meaning, given by the composition root (the audit cannot import the analyser): given every
 * string of one event, a function that masks the secrets in a command's words after quote removal and in
 * the options that take one (`mysql -pPW`), and those values wherever else the event repeats them.
 */
export type WordRedactor = (texts: readonly string[]) => (text: string) => string;

/** Redacts values before they are stored. */
export interface Redactor {
  redact<T>(value: T): Promise<Redacted<T>>;
  /** Adds secret values met later (a credential issued mid-session). */
  addKnownSecrets(values: readonly string[]): void;
}

/** Creates a redactor; `hmacKey` is the installation's key for the keyed hash of known secrets. */
export function createRedactor(opts: { hmacKey: Uint8Array; knownSecrets?: readonly string[]; words?: WordRedactor }): Redactor {
  const known: { needle: string; marker: string }[] = [];
  const cache = new Map<string, string>();

  const addKnownSecrets = (values: readonly string[]): void => {
    for (const secret of values) {
      if (secret.length < MIN_KNOWN_SECRET) continue;
      const marker = `[secret:hmac-sha256:${hmacSha256Hex(opts.hmacKey, secret).slice(0, 16)}]`;
      // The value as written, and the encodings a command or an output commonly carries it in.
      const forms = new Set([secret, encodeURIComponent(secret), Buffer.from(secret).toString('base64')]);
      for (const needle of forms) if (!known.some((k) => k.needle === needle)) known.push({ needle, marker });
    }
    // Longest first, so a secret that contains another is replaced whole.
    known.sort((a, b) => b.needle.length - a.needle.length);
  };
  addKnownSecrets(opts.knownSecrets ?? []);

  const shallow = (text: string, words?: (t: string) => string): string => {
    // NUL cannot be stored in a PostgreSQL text column; it is never meaningful in a command either.
    let out = text.includes('\u0000') ? text.replaceAll('\u0000', '\uFFFD') : text;
    for (const { needle, marker } of known) if (out.includes(needle)) out = out.split(needle).join(marker);
    if (words) out = words(out);
    return prefilter(out);
  };

  const redact = async <T>(value: T): Promise<Redacted<T>> => {
    const leaves: Leaf[] = [];
    collect(value, '', '', leaves);
    const words = opts.words?.(leaves.filter((l) => !l.generated).map((l) => l.text));
    // What secretlint says about each distinct text of this event: from the cache, or scanned now.
    const deep = new Map<string, string>();
    const scan: string[] = [];
    for (const leaf of leaves) {
      leaf.next = shallow(leaf.text, leaf.generated ? undefined : words);
      if (leaf.generated || deep.has(leaf.next) || scan.includes(leaf.next) || !needsDeepScan(leaf.next)) continue;
      const hit = cache.get(leaf.next);
      if (hit === undefined) scan.push(leaf.next);
      else deep.set(leaf.next, hit);
    }
    if (scan.length > 0) {
      const masked = await deepScan(scan);
      scan.forEach((text, i) => {
        deep.set(text, masked[i] ?? text);
        remember(cache, text, masked[i] ?? text);
      });
    }
    const changed = new Map<string, string>();
    for (const leaf of leaves) {
      const final = leaf.generated ? leaf.next : (deep.get(leaf.next) ?? leaf.next);
      if (final !== leaf.text) changed.set(leaf.path, final);
    }
    if (changed.size === 0) return { value, paths: [] };
    return { value: rebuild(value, '', changed) as T, paths: [...changed.keys()].sort() };
  };

  return { redact, addKnownSecrets };
}

interface Leaf {
  readonly path: string;
  readonly text: string;
  readonly generated: boolean;
  next: string;
}

function collect(value: unknown, path: string, key: string, out: Leaf[]): void {
  if (typeof value === 'string') {
    out.push({ path, text: value, generated: GENERATED_KEYS.has(key) && GENERATED_SHAPE.test(value), next: value });
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => collect(item, `${path}[${i}]`, key, out));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) collect(v, path ? `${path}.${k}` : k, k, out);
  }
}

function rebuild(value: unknown, path: string, changed: ReadonlyMap<string, string>): unknown {
  if (typeof value === 'string') return changed.get(path) ?? value;
  if (Array.isArray(value)) return value.map((item, i) => rebuild(item, `${path}[${i}]`, changed));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rebuild(v, path ? `${path}.${k}` : k, changed)]));
  }
  return value;
}

const CACHE_LIMIT = 2048;
const CACHE_TEXT_LIMIT = 4096;

// Strings repeat across a session (cwd, repo root, effect paths); remembering what secretlint said
// about them keeps it off the decision path after the first time.
function remember(cache: Map<string, string>, text: string, masked: string): void {
  if (text.length > CACHE_TEXT_LIMIT) return;
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(text, masked);
}
