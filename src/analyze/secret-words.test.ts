import { describe, expect, it } from 'vitest';
import { redactCommandWords } from './secret-words.js';

// The token-format layer stands in here for the audit's pre-filter: AWS key ids and GitHub tokens.
const mask = (t: string): string => t.replace(/AKIA[A-Z0-9]{16}/g, '[redacted:aws-key-id]').replace(/ghp_[A-Za-z0-9]{20,}/g, '[redacted:github]');
const r = (s: string): string => redactCommandWords(s, mask);

describe('secrets in option values, by program', () => {
  it.each([
    ['mysql -uroot -phunter2 db', 'mysql -uroot -p[redacted:password] db'],
    ["mysql -uroot -p'hunter2' db", 'mysql -uroot -p[redacted:password] db'],
    ['mysqldump --password=hunter2 db', 'mysqldump --password=[redacted:password] db'],
    ['curl -u bob:hunter2 https://x.example', 'curl -u bob:[redacted:password] https://x.example'],
    ['curl -ubob:hunter2 https://x.example', 'curl -ubob:[redacted:password] https://x.example'],
    ['curl --user "bob:hunter 2" https://x.example', 'curl --user bob:[redacted:password] https://x.example'],
    ['sshpass -p hunter2 ssh host', 'sshpass -p [redacted:password] ssh host'],
    ['redis-cli -a hunter2 ping', 'redis-cli -a [redacted:password] ping'],
    ['aws configure set aws_secret_access_key wJalrXUtnFEMIK7MDENG', 'aws configure set aws_secret_access_key [redacted:password]'],
    ['npm config set //registry.npmjs.org/:_authToken abc123def', 'npm config set //registry.npmjs.org/:_authToken [redacted:password]'],
    ['docker login -u me -p hunter2 registry.example', 'docker login -u me -p [redacted:password] registry.example'],
    ['vault login s.abcdefgh12345', 'vault login [redacted:token]'],
    ['/usr/bin/mysql -phunter2', '/usr/bin/mysql -p[redacted:password]'],
  ])('%s', (input, expected) => {
    expect(r(input)).toBe(expected);
  });

  it('leaves options that only look alike alone', () => {
    expect(r('docker run -p 8080:80 nginx')).toBe('docker run -p 8080:80 nginx');
    expect(r('aws configure set region eu-west-1')).toBe('aws configure set region eu-west-1');
    expect(r('mysql -p db')).toBe('mysql -p db');
    expect(r('git status')).toBe('git status');
  });
});

describe('token formats hidden by quoting', () => {
  it('finds a key split by empty quotes, or quoted in pieces', () => {
    expect(r('echo AKIA""ABCDEFGHIJKLMNOP')).toBe('echo [redacted:aws-key-id]');
    expect(r("export K='AKIA'ABCDEFGHIJKLMNOP")).not.toContain('ABCDEFGHIJKLMNOP');
    expect(r('curl -H "x: gh"p_abcdefghijklmnopqrstuvwxyz https://x')).not.toContain('abcdefghijklmnopqrstuvwxyz');
  });
  it('opens scripts given to a shell with -c, and command substitutions', () => {
    expect(r('bash -c "mysql -phunter2 db"')).not.toContain('hunter2');
    expect(r("sudo sh -c 'curl -u a:hunter2 https://x'")).not.toContain('hunter2');
    expect(r('echo $(mysql -p"hunter2" -e "select 1")')).not.toContain('hunter2');
  });
});

describe('bounded and safe', () => {
  it('reads what it can of a broken line, and returns huge text unchanged (the pattern layer still runs)', () => {
    expect(r('mysql -phunter2 "unterminated')).not.toContain('hunter2');
    const big = `mysql -phunter2 ${'x'.repeat(70_000)}`;
    expect(r(big)).toBe(big);
  });
  it('is the identity for prose without quotes or table programs', () => {
    expect(r('please run the tests and tell me')).toBe('please run the tests and tell me');
  });
});
