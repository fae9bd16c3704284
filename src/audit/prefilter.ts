/**
 * The fast, synchronous first layer of redaction: hand-written patterns for the secrets that show
 * up in shell commands and their output. It runs on every string of every event in microseconds;
 * secretlint (see `secretlint.ts`) is the thorough second layer.
 */

/** One pattern and how it is masked. */
interface Rule {
  readonly kind: string;
  readonly re: RegExp;
  readonly mask: (match: string, ...groups: string[]) => string;
}

const marker = (kind: string): string => `[redacted:${kind}]`;

// A value is not redacted when it is a reference to a secret rather than the secret itself.
const isReference = (value: string): boolean => /^["']?(\$|\[redacted:|\[secret:)/.test(value);

const SECRET_NAME =
  '[A-Za-z0-9_.-]{0,64}(?:token|secret|passw(?:or)?d|pwd|api[_-]?key|access[_-]?key|private[_-]?key|_key|credentials?|auth)';

const RULES: readonly Rule[] = [
  // A whole PEM private key block; an excerpt cut inside the block loses everything after BEGIN.
  {
    kind: 'private-key',
    re: /-----BEGIN[ A-Z0-9]*PRIVATE KEY(?: BLOCK)?-----[\s\S]*?(?:-----END[ A-Z0-9]*PRIVATE KEY(?: BLOCK)?-----|$)/g,
    mask: () => marker('private-key'),
  },
  { kind: 'aws-key-id', re: /\b(?:AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|A3T[A-Z0-9])[A-Z0-9]{16}\b/g, mask: () => marker('aws-key-id') },
  // scheme://user:password@host — the whole userinfo goes, the user name can be a token too.
  { kind: 'userinfo', re: /\b([a-z][a-z0-9+.-]{0,30}:\/\/)[^\s:@/]+:[^\s@/]+@/gi, mask: (_m, scheme = '') => `${scheme}${marker('userinfo')}@` },
  {
    kind: 'authorization',
    re: /\b(authorization["']?\s*[:=]\s*["']?\s*)(?:(bearer|basic|token|digest|negotiate)\s+)?[^\s"']+/gi,
    mask: (_m, head = '', scheme) => `${head}${scheme ? `${scheme} ` : ''}${marker('authorization')}`,
  },
  { kind: 'bearer', re: /\b(bearer)\s+[A-Za-z0-9._~+/=-]{8,}/gi, mask: (_m, word = '') => `${word} ${marker('bearer')}` },
  // NAME=value, NAME: value, "name": "value" where NAME says it holds a secret (GITHUB_TOKEN, password, api_key).
  {
    kind: 'assignment',
    re: new RegExp(`\\b(${SECRET_NAME}["']?\\s*[:=]\\s*)("[^"]*"|'[^']*'|[^\\s"'&;|,}]+)`, 'gi'),
    mask: (m, head = '', value = '') => (isReference(value) ? m : `${head}${marker('assignment')}`),
  },
  // --password VALUE, --api-token VALUE (long options with a separate value word).
  {
    kind: 'assignment',
    re: /(--[a-z0-9-]*(?:token|secret|password|passwd|api-key|access-key|private-key))(\s+)("[^"]*"|'[^']*'|[^\s"'-][^\s"']*)/gi,
    mask: (m, flag = '', space = '', value = '') => (isReference(value) ? m : `${flag}${space}${marker('assignment')}`),
  },
  { kind: 'github', re: /\b(?:gh[pousr]_[A-Za-z0-9_]{20,}|github_pat_[A-Za-z0-9_]{20,})/g, mask: () => marker('github') },
  { kind: 'slack', re: /\bx(?:ox[abposr]|app)-[A-Za-z0-9-]{8,}/g, mask: () => marker('slack') },
  { kind: 'api-key', re: /\bsk-(?:ant-|proj-|svcacct-|admin-)?[A-Za-z0-9_-]{16,}/g, mask: () => marker('api-key') },
  { kind: 'npm', re: /\bnpm_[A-Za-z0-9]{36}\b/g, mask: () => marker('npm') },
  { kind: 'gitlab', re: /\bglpat-[A-Za-z0-9_-]{20,}/g, mask: () => marker('gitlab') },
  { kind: 'google', re: /\bAIza[0-9A-Za-z_-]{35}/g, mask: () => marker('google') },
  { kind: 'stripe', re: /\b[rs]k_(?:live|test)_[A-Za-z0-9]{16,}/g, mask: () => marker('stripe') },
  { kind: 'huggingface', re: /\b(?:hf_|api_org_)[A-Za-z0-9]{30,}/g, mask: () => marker('huggingface') },
  { kind: 'pypi', re: /\bpypi-AgE[A-Za-z0-9_-]{40,}/g, mask: () => marker('pypi') },
  { kind: 'digitalocean', re: /\bdo[opr]_v1_[a-f0-9]{64}/g, mask: () => marker('digitalocean') },
  { kind: 'sendgrid', re: /\bSG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}/g, mask: () => marker('sendgrid') },
  { kind: 'shopify', re: /\bshp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}/g, mask: () => marker('shopify') },
  { kind: 'databricks', re: /\bdapi[a-f0-9]{32}/g, mask: () => marker('databricks') },
  { kind: 'grafana', re: /\b(?:glsa|glc)_[A-Za-z0-9_=-]{32,}/g, mask: () => marker('grafana') },
  { kind: 'age', re: /\bAGE-SECRET-KEY-1[0-9A-Z]{58}/g, mask: () => marker('age') },
  { kind: 'twilio', re: /\bSK[0-9a-f]{32}\b/g, mask: () => marker('twilio') },
  { kind: 'azure', re: /\b((?:AccountKey|SharedAccessKey|SharedAccessSignature)=)[^;\s"']+/g, mask: (_m, head = '') => `${head}${marker('azure')}` },
  { kind: 'jwt', re: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, mask: () => marker('jwt') },
];

// One case-insensitive pass that every rule's match also matches (a superset), so that the common
// case — nothing secret-looking — costs a single regex test.
const ANY = /PRIVATE KEY|(?:AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|A3T)[A-Z0-9]|:\/\/[^\s:@/]+:|authorization|bearer|token|secret|passw|pwd|api[_-]?key|access[_-]?key|_key|credential|auth|gh[pousr]_|github_pat_|xox|xapp-|sk-|npm_|glpat-|AIza|k_live_|k_test_|eyJ|hf_|api_org_|pypi-|_v1_|SG\.|shp|dapi|glsa_|glc_|AGE-SECRET|SK[0-9a-f]|AccountKey|SharedAccess/i;

/** Masks every pre-filter match in `text`; returns `text` itself when nothing matched. */
export function prefilter(text: string): string {
  if (!ANY.test(text)) return text;
  // INVARIANT: markers already in the text are never rewritten (`[secret:hmac…]` reads like an assignment).
  if (text.includes('[secret:') || text.includes('[redacted:')) {
    return text.split(MARKER_SPLIT).map((part, i) => (i % 2 === 1 ? part : maskAll(part))).join('');
  }
  return maskAll(text);
}

function maskAll(text: string): string {
  if (!ANY.test(text)) return text;
  let out = text;
  for (const rule of RULES) {
    // INVARIANT: complete blocks (the first rule) are masked before orphaned tails are looked for.
    if (rule === RULES[1]) out = maskOrphanKeyTails(out);
    rule.re.lastIndex = 0;
    if (rule.re.test(out)) {
      rule.re.lastIndex = 0;
      out = out.replace(rule.re, rule.mask as (substring: string, ...args: unknown[]) => string);
    }
  }
  return out;
}

const END_OF_KEY = /-----END[ A-Z0-9]*PRIVATE KEY(?: BLOCK)?-----/g;

/**
 * Masks the tail of a PEM block whose BEGIN line was cut off (an excerpt that starts inside the
 * key): the END line and the base64 lines before it. Walked by hand, because a regex with a
 * leading `[base64\s]*` backtracks quadratically on long blobs.
 */
function maskOrphanKeyTails(text: string): string {
  if (!text.includes('-----END')) return text;
  let out = '';
  let from = 0;
  END_OF_KEY.lastIndex = 0;
  for (let m = END_OF_KEY.exec(text); m; m = END_OF_KEY.exec(text)) {
    let start = m.index;
    while (start > from && /[A-Za-z0-9+/=\s]/.test(text.charAt(start - 1))) start -= 1;
    out += `${text.slice(from, start)}${marker('private-key')}`;
    from = m.index + m[0].length;
  }
  return out + text.slice(from);
}

/** The markers this module and the known-secret replacement write; the gate ignores them. */
export const MARKER = /\[(?:redacted:[a-z0-9:-]+|secret:hmac-sha256:[0-9a-f]{16})\]/g;
const MARKER_SPLIT = /(\[(?:redacted:[a-z0-9:-]+|secret:hmac-sha256:[0-9a-f]{16})\])/;
