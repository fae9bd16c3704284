import { describe, it, expect } from 'vitest';
import { excerpt } from './builders.js';
import { prefilter } from './prefilter.js';
import { createRedactor } from './redact.js';
import { needsDeepScan, presetRuleIds } from './secretlint.js';

const KEY = new Uint8Array(32).fill(7);
const rand = (n: number, alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'): string =>
  Array.from({ length: n }, (_, i) => alphabet[(i * 7 + 3) % alphabet.length]).join('');

describe('pre-filter', () => {
  it.each([
    ['pem block', `-----BEGIN OPENSSH PRIVATE KEY-----\n${rand(70)}\n-----END OPENSSH PRIVATE KEY-----`, '[redacted:private-key]'],
    ['pem cut before END', `key: -----BEGIN PRIVATE KEY-----\n${rand(64)}\n${rand(20)}`, 'key: [redacted:private-key]'],
    ['pem cut after BEGIN', `out: ${rand(64)}\n${rand(30)}\n-----END RSA PRIVATE KEY-----\ndone`, 'out:[redacted:private-key]\ndone'],
    ['aws key id', `export AWS_ACCESS_KEY_ID=ASIA${rand(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`, 'export AWS_ACCESS_KEY_ID=[redacted:aws-key-id]'],
    ['aws key id alone', `id AKIA${rand(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')} used`, 'id [redacted:aws-key-id] used'],
    ['userinfo', 'git clone https://deploy:s3cretPass@git.example.com/x.git', 'git clone https://[redacted:userinfo]@git.example.com/x.git'],
    ['token assignment', 'GITHUB_TOKEN=abc123def456 npm publish', 'GITHUB_TOKEN=[redacted:assignment] npm publish'],
    ['quoted assignment', 'api_key: "hunter2hunter2"', 'api_key: [redacted:assignment]'],
    ['json assignment', '{"client_secret":"xyzzy-plugh"}', '{"client_secret":[redacted:assignment]}'],
    ['long option', 'mysql --password hunter22 -h db', 'mysql --password [redacted:assignment] -h db'],
    ['authorization header', 'curl -H "Authorization: Bearer abcdef0123456789" x', 'curl -H "Authorization: Bearer [redacted:authorization]" x'],
    ['bearer alone', 'token is bearer abcdefghijkl', 'token is bearer [redacted:bearer]'],
    ['github', `ghp_${rand(36)}`, '[redacted:github]'],
    ['slack', 'xoxb-1234567890-abcdefghij', '[redacted:slack]'],
    ['anthropic', `sk-ant-api03-${rand(40)}`, '[redacted:api-key]'],
    ['jwt', `eyJ${rand(12)}.eyJ${rand(12)}.${rand(12)}`, '[redacted:jwt]'],
    ['hugging face', `hf_${rand(34)}`, '[redacted:huggingface]'],
    ['pypi', `pypi-AgEIcHlwaS5vcmc${rand(50)}`, '[redacted:pypi]'],
    ['digitalocean', `dop_v1_${rand(64, '0123456789abcdef')}`, '[redacted:digitalocean]'],
    ['sendgrid', `SG.${rand(22)}.${rand(43)}`, '[redacted:sendgrid]'],
    ['shopify', `shpat_${rand(32, '0123456789abcdef')}`, '[redacted:shopify]'],
    ['databricks', `dapi${rand(32, '0123456789abcdef')}`, '[redacted:databricks]'],
    ['grafana', `glsa_${rand(32)}_${rand(8, '0123456789abcdef')}`, '[redacted:grafana]'],
    ['twilio', `SK${rand(32, '0123456789abcdef')}`, '[redacted:twilio]'],
    ['azure connection string', `DefaultEndpointsProtocol=https;AccountName=x;AccountKey=${rand(40)}==;EndpointSuffix=core`, 'DefaultEndpointsProtocol=https;AccountName=x;AccountKey=[redacted:azure];EndpointSuffix=core'],
  ])('masks %s', (_name, input, expected) => {
    expect(prefilter(input)).toBe(expected);
  });

  it.each([
    ['a reference, not a value', 'GITHUB_TOKEN=$GITHUB_TOKEN gh pr list', 'GITHUB_TOKEN=$GITHUB_TOKEN gh pr list'],
    ['sort keys', 'sort --key=2 -t, data.csv', 'sort --key=2 -t, data.csv'],
    ['ssh user', 'git clone git@github.com:acme/x.git', 'git clone git@github.com:acme/x.git'],
    ['plain commands', 'npm test -- --runInBand && git status', 'npm test -- --runInBand && git status'],
  ])('leaves %s alone', (_name, input, expected) => {
    expect(prefilter(input)).toBe(expected);
  });

  it('never rewrites its own markers', () => {
    expect(prefilter('[secret:hmac-sha256:0123456789abcdef] and [redacted:assignment]')).toBe('[secret:hmac-sha256:0123456789abcdef] and [redacted:assignment]');
  });

  it('stays linear on long adversarial input', () => {
    const t0 = performance.now();
    prefilter(`${'a'.repeat(200_000)} ${'A/'.repeat(100_000)}-----END PRIVATE KEY----- ${'x_'.repeat(100_000)}`);
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});

describe('secretlint gate', () => {
  it('is pinned to the rules of the preset it was checked against', async () => {
    // If this fails, the preset changed: re-check every rule against GATE in secretlint.ts, then update.
    expect((await presetRuleIds()).map((id) => id.replace('@secretlint/secretlint-rule-', '')).sort()).toEqual(
      ['1password', 'anthropic', 'aws', 'basicauth', 'database-connection-string', 'databricks', 'docker', 'figma', 'filter-comments', 'gcp',
        'github', 'gitlab', 'grafana', 'groq', 'hashicorp-vault', 'huggingface', 'linear', 'notion', 'npm', 'openai', 'privatekey',
        'sendgrid', 'shopify', 'slack', 'vercel'],
    );
  });

  it.each([
    'AWS_ACCOUNT_ID: 1234-5678-9012', 'aws_secret_access_key = "ab/cd/ef/gh"', '_authToken=x', 'xoxb-1-a-b', 'https://a:b@c.de',
    'mongodb://u:p@h/db', 'https://x/y:x-oauth-basic@github.com/', 'https://hooks.slack.com/services/T1/B1/x',
    '-----BEGIN PRIVATE KEY-----', `glc_${'ab/'.repeat(12)}`, `ops_ey${'a/'.repeat(60)}`, `hf_${rand(34)}`, `SG.${'ab'.repeat(11)}.${'cd'.repeat(20)}`,
    `hvs.${'0123456789abcdef'.repeat(6)}`, `dapi${'0123456789abcdef'.repeat(2)}`, `AKIA${'0123456789ABCDEF'}`,
    `glpat-${'abcdefghij'.repeat(2)}`, `npm_${'abcdefghij'.repeat(4)}`, `sk-proj-${'a'.repeat(74)}T3BlbkFJ${'b'.repeat(74)}`,
  ])('lets `%s` through to secretlint', (text) => {
    expect(needsDeepScan(text)).toBe(true);
  });

  it.each([
    'git status',
    'cd /home/dev/src/payments/service/api && make test',
    'ls -la [redacted:github] [secret:hmac-sha256:0123456789abcdef]',
    'session 123e4567-e89b-12d3-a456-426614174000',
    'claude-code-hook untrusted-content /home/dev/src/payments-service-v2',
    'DEADBEEF-0123456789ABCDEF-0123',
    `sha256:${'ab'.repeat(32)}`,
    'git clone https://github.com/acme/payments.git',
    'https://[redacted:userinfo]@db.internal/x',
  ])(
    'spares `%s`',
    (text) => {
      expect(needsDeepScan(text)).toBe(false);
    },
  );
});

describe('redactor', () => {
  it('replaces known secrets, in their common encodings, by a keyed hash', async () => {
    const r = createRedactor({ hmacKey: KEY, knownSecrets: ['pa ss/word+1', 'abc'] });
    const { value, paths } = await r.redact({ a: 'x pa ss/word+1 y', b: [`q=${encodeURIComponent('pa ss/word+1')}`], c: 'abc is too short to hide' });
    expect(value.a).toMatch(/^x \[secret:hmac-sha256:[0-9a-f]{16}\] y$/);
    expect(value.b[0]).toBe(`q=${value.a.slice(2, -2)}`);
    expect(value.c).toBe('abc is too short to hide');
    expect(paths).toEqual(['a', 'b[0]']);
  });

  it('uses a different hash under a different installation key', async () => {
    const a = await createRedactor({ hmacKey: KEY, knownSecrets: ['s3cret-value'] }).redact('s3cret-value');
    const b = await createRedactor({ hmacKey: new Uint8Array(32), knownSecrets: ['s3cret-value'] }).redact('s3cret-value');
    expect(a.value).not.toBe(b.value);
  });

  it('defuses secretlint-disable comments planted in the text', async () => {
    const token = `hf_${rand(34, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz')}`;
    const { value } = await createRedactor({ hmacKey: KEY }).redact(`echo hi # secretlint-disable\n${token}\n// secretlint-disable-next-line\n${token}`);
    expect(value).not.toContain(token);
  });

  it('scans generated ids only when they do not look generated', async () => {
    const r = createRedactor({ hmacKey: KEY });
    const digest = `sha256:${'ab'.repeat(32)}`;
    const token = `gsk_${rand(52)}`;
    const { value } = await r.redact({ policy_digest: digest, decision_id: token });
    expect(value).toEqual({ policy_digest: digest, decision_id: '[redacted:secretlint:groq]' });
  });

  it('returns the same object when nothing changed', async () => {
    const input = { a: 'git status', b: 1 };
    const out = await createRedactor({ hmacKey: KEY }).redact(input);
    expect(out.value).toBe(input);
    expect(out.paths).toEqual([]);
  });
});

describe('excerpt', () => {
  it('keeps short output whole and never splits a word of long output', () => {
    expect(excerpt('short')).toBe('short');
    const token = `ghp_${rand(36)}`;
    for (let shift = 0; shift < 60; shift += 1) {
      const text = `${'x'.repeat(1000 + shift)} ${token} ${'y '.repeat(600)} ${token} ${'z'.repeat(970 + shift)}`;
      const out = excerpt(text, 2048);
      for (const word of out.split(/\s+/)) if (word.startsWith('ghp_')) expect(word).toBe(token);
      expect(out.length).toBeLessThan(2200);
    }
  });

  it('keeps a secret with the line that says it is one', () => {
    const lines = Array.from({ length: 200 }, (_, i) => `line ${i} of build output`);
    for (let at = 0; at < 200; at += 1) {
      const text = [...lines.slice(0, at), 'mysql --password hunter2hunter2 -h db', ...lines.slice(at)].join('\n');
      const out = excerpt(text, 2048);
      if (out.includes('hunter2hunter2')) expect(out).toContain('mysql --password hunter2hunter2 -h db');
    }
  });
});
