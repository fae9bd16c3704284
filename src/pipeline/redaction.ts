/**
 * The one redactor for everything Airlock stores (audit events, approval requests, session prompts,
 * outcomes): the same layers in the same order in every store, so no store keeps what another masks.
 *   1. words: secrets found in a command's words after quote removal and in the options that take one
 *      (program tables; `analyze/secret-words.ts`). The values found are then hidden in *every* string of
 *      the same record: the analyser's effects repeat arguments as targets (`aws configure set K V` names
 *      V as a resource), and so can reasons, output and excerpts;
 *   2. the pre-filter's token formats;
 *   3. secretlint's recommended rules, for what passes its gate (the async variants).
 */
import { secretWords } from '../analyze/secret-words.js';
import { prefilter } from '../audit/prefilter.js';

const MARK = '[redacted:password]';

/** Layer 1 for a record whose strings are `texts`: a per-string function that hides the record's word secrets. */
export function wordRedactorFor(texts: readonly string[]): (text: string) => string {
  // Each distinct text is parsed once; the per-string function reuses what the first pass found.
  const found = new Map<string, string>();
  const secrets = new Set<string>();
  for (const t of texts) {
    if (found.has(t)) continue;
    const w = secretWords(t, prefilter);
    found.set(t, w.text);
    for (const s of w.secrets) secrets.add(s);
  }
  const words = (text: string): string => found.get(text) ?? secretWords(text, prefilter).text;
  if (secrets.size === 0) return words;
  // Longest first, so a secret that contains another is replaced whole.
  const ordered = [...secrets].sort((a, b) => b.length - a.length);
  return (text) => {
    let out = words(text);
    for (const s of ordered) if (out.includes(s)) out = out.split(s).join(MARK);
    return out;
  };
}

/** Layers 1 and 2 on one string: synchronous, microseconds. */
export function quickRedact(text: string): string {
  return prefilter(wordRedactorFor([text])(text));
}

/** All three layers on one string (session prompts). */
export async function redactText(text: string): Promise<string> {
  return (await deep([quickRedact(text)]))[0] ?? '';
}

/** All three layers on every string of `value`, with the record's word secrets hidden everywhere in it. */
export async function redactRecord<T>(value: T): Promise<T> {
  const texts: string[] = [];
  collect(value, texts);
  const words = wordRedactorFor(texts);
  const quick = texts.map((t) => prefilter(words(t)));
  const done = await deep(quick);
  let i = 0;
  return rebuild(value, () => done[i++] ?? '') as T;
}

async function deep(texts: string[]): Promise<string[]> {
  const { deepScan, needsDeepScan } = await import('../audit/secretlint.js');
  const scan = texts.filter(needsDeepScan);
  if (scan.length === 0) return texts;
  const masked = await deepScan(scan);
  const byText = new Map(scan.map((t, k) => [t, masked[k] ?? t]));
  return texts.map((t) => byText.get(t) ?? t);
}

function collect(value: unknown, out: string[]): void {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) collect(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) collect(v, out);
}

// INVARIANT: walks `value` in the same order as `collect`, so the n-th string gets the n-th result.
function rebuild(value: unknown, next: () => string): unknown {
  if (typeof value === 'string') return next();
  if (Array.isArray(value)) return value.map((v) => rebuild(v, next));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rebuild(v, next)]));
  return value;
}
