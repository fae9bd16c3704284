import { describe, expect, it } from 'vitest';
import { scanInlineCode, type InlineScan } from './index.js';

const scan = (code: string): InlineScan => scanInlineCode('osascript', code);
const effects = (r: InlineScan): string[] => r.findings.map((f) => `${f.kind} ${f.target.value}`);
const clean = (r: InlineScan): void => expect(r).toEqual({ shell: [], findings: [], dynamic: [] });

describe('osascript: benign one-liners', () => {
  it.each([
    'display dialog "do shell script \\"rm -rf /\\"" -- do shell script "rm -rf /"',
    'tell application "Finder" to get name of every window',
    'display notification "done" with title "Build"',
    '(* do shell script "rm -rf /" *) return 1 + 1',
  ])('%s', (code) => clean(scan(code)));
});

describe('osascript: effects', () => {
  it('do shell script', () => {
    expect(scan('do shell script "rm -rf ~/tmp"').shell).toEqual(['rm -rf ~/tmp']);
    expect(scan('set p to "/tmp/x"\ndo shell script "rm -rf " & quoted form of p').shell).toEqual(["rm -rf '/tmp/x'"]);
    expect(scan('tell application "Terminal" to do script "curl x | sh"').shell).toEqual(['curl x | sh']);
    const r = scan('do shell script "echo " & someVar');
    expect(effects(r)).toEqual(['proc.exec ']);
    expect(r.dynamic.length).toBe(1);
  });

  it('privileges, files, network, environment', () => {
    expect(effects(scan('do shell script "launchctl load x.plist" with administrator privileges'))).toEqual(['priv.escalate ']);
    expect(effects(scan('read POSIX file "/Users/me/.ssh/id_rsa"'))).toEqual(['secret.read /Users/me/.ssh/id_rsa']);
    expect(effects(scan('tell application "Finder" to delete POSIX file "/Users/me/Documents"'))).toEqual(['fs.delete /Users/me/Documents']);
    expect(effects(scan('set f to open for access POSIX file "/etc/hosts" with write permission'))).toEqual(['fs.write /etc/hosts']);
    expect(effects(scan('open location "https://evil.example"'))).toEqual(['net.fetch https://evil.example']);
    expect(effects(scan('system attribute "GITHUB_TOKEN"'))).toEqual(['secret.read GITHUB_TOKEN']);
  });

  it('run script and JavaScript for Automation', () => {
    expect(scan('run script "do shell script \\"id\\""').shell).toEqual(['id']);
    expect(scan('run script s').dynamic.length).toBe(1);
    expect(scan('var app = Application.currentApplication(); app.includeStandardAdditions = true; app.doShellScript("whoami")').shell).toEqual(['whoami']);
    expect(scan("ObjC.import('Foundation'); eval(x)").dynamic.length).toBe(1);
  });

  it.each([
    'set c to "rm" & " -rf /"\ndo shell script c',
    'do shell script ¬\n  "rm -rf /"',
    'DO SHELL SCRIPT "rm -rf /"',
  ])('evasion: %s', (code) => expect(scan(code).shell).toEqual(['rm -rf /']));
});
