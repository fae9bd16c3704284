/**
 * Canary secrets: realistic shapes, random values made at run time (no real token is ever written
 * in the source), each with the part that must never reach the store.
 */
import { generateEd25519, randomBytes } from '../../crypto/index.js';

export interface Canary {
  readonly name: string;
  /** The text planted into events. */
  readonly planted: string;
  /** The secret part of it: no 10-character window of this may be stored or exported. */
  readonly secret: string;
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const rand = (n: number, alphabet = ALNUM): string => [...randomBytes(n)].map((b) => alphabet[b % alphabet.length]).join('');

/** A fresh set of canaries; `known` is handed to the store as a known secret. */
export function makeCanaries(): { canaries: Canary[]; known: string } {
  const upper = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  const known = `horse battery/${rand(12)}+staple`;
  const pem = generateEd25519().privateKeyPem.trim();
  const rsaBody = Array.from({ length: 6 }, () => rand(64, `${ALNUM}+/`)).join('\n');
  const c = (name: string, secret: string, planted = secret): Canary => ({ name, planted, secret });
  const aws = rand(40, `${ALNUM}+/`);
  const pgPass = rand(18);
  const pw = rand(16);
  const bearer = rand(40);
  const jwt = `eyJ${rand(20)}.eyJ${rand(30)}.${rand(43)}`;
  const hf = `hf_${rand(34, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz')}`;
  const groq = `gsk_${rand(52)}`;
  const docker = `dckr_pat_${rand(27)}`;
  return {
    known,
    canaries: [
      c('aws key id', `AKIA${rand(16, upper)}`),
      c('aws secret key', aws, `AWS_SECRET_ACCESS_KEY=${aws}`),
      c('github token', `ghp_${rand(36)}`),
      c('slack token', `xoxb-${rand(11, '0123456789')}-${rand(12, '0123456789')}-${rand(24)}`),
      c('openai key', `sk-proj-${rand(74)}T3BlbkFJ${rand(74)}`),
      c('anthropic key', `sk-ant-api03-${rand(93)}AA`),
      c('npm token', `npm_${rand(36)}`),
      c('ed25519 private key', pem.split('\n')[1] as string, pem),
      c('rsa private key', rsaBody, `-----BEGIN RSA PRIVATE KEY-----\n${rsaBody}\n-----END RSA PRIVATE KEY-----`),
      c('url password', pgPass, `postgres://admin:${pgPass}@db.internal:5432/payments`),
      c('password assignment', pw, `DB_PASSWORD=${pw}`),
      c('bearer header', bearer, `Authorization: Bearer ${bearer}`),
      c('jwt', jwt),
      c('hugging face token (secretlint only)', hf, `// secretlint-disable\n${hf}`),
      c('groq key (secretlint only)', groq),
      c('docker token (secretlint only)', docker),
      c('known secret', known),
      c('known secret, url-encoded', encodeURIComponent(known)),
      c('known secret, base64', Buffer.from(known).toString('base64')),
    ],
  };
}

/** Every 10-character window of the secret parts that appears in `text`, as `name: window`. */
export function leaks(text: string, canaries: readonly Canary[]): string[] {
  const found: string[] = [];
  for (const c of canaries) {
    for (let i = 0; i + 10 <= c.secret.length; i += 1) {
      const w = c.secret.slice(i, i + 10);
      if (/\s/.test(w)) continue;
      if (text.includes(w)) {
        found.push(`${c.name}: ${w}`);
        break;
      }
    }
  }
  return found;
}

/** A copy of `value` with `extra` appended to every string inside it. */
export function plantEverywhere<T>(value: T, extra: string): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return `${v} ${extra}`;
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value) as T;
}
