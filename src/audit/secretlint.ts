/**
 * The thorough second layer of redaction: secretlint's recommended preset (AWS id scanning on),
 * loaded lazily because loading it costs ~36 ms, and run only on text that passes a sound gate.
 */
import type * as SecretlintCore from '@secretlint/core';
import { MARKER } from './prefilter.js';

type Core = typeof SecretlintCore;
type LintOptions = Parameters<Core['lintSource']>[0];

/**
 * The gate. Every rule of `@secretlint/secretlint-rule-preset-recommend` 12 matches only text that
 * contains one of the following (checked rule by rule against the preset's patterns):
 * - a run of ≥ 16 characters of `[A-Za-z0-9+=_-]` that has an upper-case letter, `+`, `=` or `_`,
 *   and is not only hex digits and `-`. Every fixed-shape token (AWS key ids, npm, GitHub, OpenAI,
 *   Anthropic, Groq, Hugging Face, Linear, Notion, Shopify, Grafana service accounts, Vercel,
 *   Docker, Figma) has an `_` or a fixed upper-case part in its run. So UUIDs, digests, hex ids and
 *   kebab-case words (`claude-code-hook`, `payments-service`), which appear in almost every event,
 *   never open the gate;
 * - the prefixes of the tokens that can be all lower-case, or are split by `.` or `/`: `glpat-`,
 *   `dapi`, `glc_`, `ops_`, `SG.`, `hvs.` / `hvb.` / `hvr.`, `xox` / `xapp` (Slack);
 * - `PRIVATE KEY` (private keys, GCP service-account JSON);
 * - `://` with userinfo (`…@` before any `/`: basic auth and database URLs with credentials, the
 *   only ones those rules report), `x-oauth-basic`, `hooks.slack.com` (Slack webhooks);
 * - `_authToken` (.npmrc), `account` (AWS account ids), `secret access key` (AWS secret keys).
 * Text without any of them cannot produce a finding, so skipping it loses nothing; `/` is left out
 * of the run class on purpose (paths are not tokens). `redact.test.ts` pins the preset's rule list,
 * so a preset upgrade forces this list to be re-checked.
 */
const MARKERS =
  /PRIVATE KEY|:\/\/[^\s/]*@|x-oauth-basic|hooks\.slack\.com|_authToken|xox|xapp|account|secret_?access_?key|glpat-|dapi|glc_|ops_|SG\.|hv[sbr]\./i;
const RUN = /[A-Za-z0-9+=_-]{16,}/g;
const TOKEN_LIKE = /[A-Z+=_]/;
const HEX = /^[0-9A-Fa-f-]+$/;

/** True when `text` (our own redaction markers aside) could contain something secretlint finds. */
export function needsDeepScan(text: string): boolean {
  const t = text.includes('[') ? text.replace(MARKER, ' ') : text;
  if (MARKERS.test(t)) return true;
  RUN.lastIndex = 0;
  for (let m = RUN.exec(t); m; m = RUN.exec(t)) if (TOKEN_LIKE.test(m[0]) && !HEX.test(m[0])) return true;
  return false;
}

interface Engine {
  readonly lint: Core['lintSource'];
  readonly config: LintOptions['options']['config'];
}

let engine: Promise<Engine> | undefined;

async function loadEngine(): Promise<Engine> {
  const [core, preset, profiler] = await Promise.all([
    import('@secretlint/core'),
    import('@secretlint/secretlint-rule-preset-recommend'),
    // Pinned by @secretlint/core 12.0.0 itself ("@secretlint/profiler": "12.0.0").
    import('@secretlint/profiler'),
  ]);
  // secretlint's profiler puts a performance mark on the global timeline for every rule of every
  // scan, keeps each one forever and searches that list on every new mark: a long-running process
  // (the decision server, a busy hook) slows down quadratically and grows without bound. Airlock
  // never reads the profile, so marking is switched off.
  profiler.secretLintProfiler.mark = () => undefined;
  const config: LintOptions['options']['config'] = {
    rules: [
      {
        id: '@secretlint/secretlint-rule-preset-recommend',
        rule: preset.creator,
        rules: [
          // Access key ids (AKIA…) are off by default in the preset; an id names a key, so keep it out.
          { id: '@secretlint/secretlint-rule-aws', options: { enableIDScanRule: true } },
        ],
      },
    ],
  };
  return { lint: core.lintSource, config };
}

/** The preset's rule ids, for the test that pins the gate to the preset version. */
export async function presetRuleIds(): Promise<string[]> {
  const preset = await import('@secretlint/secretlint-rule-preset-recommend');
  return preset.rules.map((r) => r.meta.id);
}

/**
 * Masks what secretlint finds in each text, scanning them together in one call.
 * UNTRUSTED: the texts come from the assistant; `secretlint-disable` comments in them would switch
 * rules off, so the directive prefix is defused (same length, so ranges stay aligned).
 */
export async function deepScan(texts: readonly string[]): Promise<string[]> {
  engine ??= loadEngine();
  const { lint, config } = await engine;
  const joined = texts.join('\n');
  // Our own markers become blanks of the same length: `[redacted:userinfo]` must not read as a password.
  const content = joined.replace(/secretlint-(?=disable|enable)/gi, 'secretlint_').replace(MARKER, (m) => ' '.repeat(m.length));
  const result = await lint({
    source: { content, filePath: 'audit-event.txt', contentType: 'text' },
    options: { config, maskSecrets: true, noPhysicFilePath: true },
  });
  const spans = result.messages.map((m) => ({ start: m.range[0], end: widen(joined, m.range[1]), rule: shortRule(m.ruleId) }));
  return maskSpans(texts, spans);
}

// Some rules report a range that starts at a keyword and stops inside the value (the AWS secret
// rule uses the match start with the key's length), so a range is widened to the end of its word.
function widen(text: string, end: number): number {
  let e = end;
  while (e < text.length && !/[\s"'`,;]/.test(text.charAt(e))) e += 1;
  return e;
}

function shortRule(id: string): string {
  return id.replace(/^@secretlint\/secretlint-rule-/, '').replace(/[^a-z0-9-]/g, '');
}

interface Span {
  readonly start: number;
  readonly end: number;
  readonly rule: string;
}

/** Applies spans given over the joined text to each text (texts are joined with one '\n'). */
function maskSpans(texts: readonly string[], spans: readonly Span[]): string[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let offset = 0;
  return texts.map((text) => {
    const from = offset;
    const to = offset + text.length;
    offset = to + 1;
    let out = '';
    let cursor = 0;
    for (const span of sorted) {
      const s = Math.max(span.start, from) - from;
      const e = Math.min(span.end, to) - from;
      if (e <= s || e <= cursor) continue;
      out += `${text.slice(cursor, Math.max(s, cursor))}[redacted:secretlint:${span.rule}]`;
      cursor = e;
    }
    return out + text.slice(cursor);
  });
}
