import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CORPUS_CONTEXT, DECISIONS, TAGS, loadCorpus, loadCorpusFile } from './load.js';
import type { CorpusCase, CorpusTag } from './load.js';

const cases = loadCorpus();
const BAD_INPUT = 'bad-input.yaml';

const withTag = (tag: CorpusTag): CorpusCase[] => cases.filter((c) => c.tags.includes(tag));
const ids = (list: readonly CorpusCase[]): string[] => list.map((c) => `${c.id} ${JSON.stringify(c.cmd)}`);

/** Minimum counts required of the corpus (see README.md). */
const MINIMUM: Readonly<Record<CorpusTag, number>> = {
  evasive: 110,
  mention: 110,
  harmless: 100,
  gated: 60,
  context: 40,
  dangerous: 1,
};

describe('corpus shape', () => {
  it('has at least 420 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(420);
  });

  it.each(TAGS.map((tag) => [tag, MINIMUM[tag]] as const))('has at least the required %s cases', (tag, min) => {
    expect(withTag(tag).length).toBeGreaterThanOrEqual(min);
  });

  it('counts harmless cases that must be allowed outside bad-input', () => {
    const everyday = withTag('harmless').filter((c) => c.file !== BAD_INPUT);
    expect(everyday.length).toBeGreaterThanOrEqual(MINIMUM.harmless);
  });

  it('has at least 25 bad-input cases, each tagged dangerous or harmless', () => {
    const bad = cases.filter((c) => c.file === BAD_INPUT);
    expect(bad.length).toBeGreaterThanOrEqual(25);
    expect(ids(bad.filter((c) => !c.tags.includes('dangerous') && !c.tags.includes('harmless')))).toEqual([]);
  });

  it('uses every decision', () => {
    for (const decision of DECISIONS) expect(cases.some((c) => c.decision === decision)).toBe(true);
  });

  it('has no duplicate cmd + env + cwd', () => {
    const seen = new Map<string, string>();
    const duplicates: string[] = [];
    for (const c of cases) {
      const key = JSON.stringify([c.cmd, c.env, c.cwd]);
      const first = seen.get(key);
      if (first !== undefined) duplicates.push(`${c.id} duplicates ${first}: ${JSON.stringify(c.cmd)}`);
      else seen.set(key, c.id);
    }
    expect(duplicates).toEqual([]);
  });

  it('has non-empty commands outside bad-input', () => {
    expect(ids(cases.filter((c) => c.file !== BAD_INPUT && c.cmd.trim() === ''))).toEqual([]);
  });
});

describe('tags agree with decisions', () => {
  it('mentions are allowed', () => {
    expect(ids(withTag('mention').filter((c) => c.decision !== 'allow'))).toEqual([]);
  });

  it('harmless cases are allowed (outside bad-input)', () => {
    expect(ids(withTag('harmless').filter((c) => c.file !== BAD_INPUT && c.decision !== 'allow'))).toEqual([]);
  });

  it('evasive cases are never allowed', () => {
    expect(ids(withTag('evasive').filter((c) => c.decision === 'allow'))).toEqual([]);
  });

  it('gated cases ask (unless the context changes the verdict)', () => {
    expect(ids(withTag('gated').filter((c) => !c.tags.includes('context') && c.decision !== 'ask'))).toEqual([]);
  });

  it('dangerous cases are denied', () => {
    expect(ids(withTag('dangerous').filter((c) => c.decision !== 'deny'))).toEqual([]);
  });

  it('nothing in bad-input is allowed', () => {
    expect(ids(cases.filter((c) => c.file === BAD_INPUT && c.decision === 'allow'))).toEqual([]);
  });

  it('allowed cases are tagged harmless, mention or context', () => {
    const allowTags: readonly CorpusTag[] = ['harmless', 'mention', 'context'];
    expect(ids(cases.filter((c) => c.decision === 'allow' && !c.tags.some((t) => allowTags.includes(t))))).toEqual([]);
  });

  it('context cases change env or cwd, or cd earlier in the line', () => {
    const fixed = withTag('context').filter(
      (c) => c.env === CORPUS_CONTEXT.env && c.cwd === CORPUS_CONTEXT.cwd && !/(^|[;&|(]\s*)cd\s/.test(c.cmd),
    );
    expect(ids(fixed)).toEqual([]);
  });

  it('cases that override env or cwd are tagged context', () => {
    const untagged = cases.filter(
      (c) => (c.env !== CORPUS_CONTEXT.env || c.cwd !== CORPUS_CONTEXT.cwd) && !c.tags.includes('context'),
    );
    expect(ids(untagged)).toEqual([]);
  });

  it('carries no real-looking secrets', () => {
    const leaks = cases.filter(
      (c) =>
        /AKIA(?!EXAMPLE)[0-9A-Z]{16}/.test(c.cmd) ||
        /-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(c.cmd) ||
        /gh[pousr]_[A-Za-z0-9]{36}/.test(c.cmd),
    );
    expect(ids(leaks)).toEqual([]);
  });
});

describe('loader', () => {
  const dir = mkdtempSync(join(tmpdir(), 'airlock-corpus-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, text: string): string => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it('fills in env and cwd defaults and names each case', () => {
    const path = write('ok.yaml', '- cmd: "ls"\n  decision: allow\n  tags: [harmless]\n  why: "lists"\n');
    expect(loadCorpusFile(path)).toEqual([
      {
        cmd: 'ls', decision: 'allow', tags: ['harmless'], why: 'lists', env: 'dev', cwd: '/home/dev/project',
        file: 'ok.yaml', index: 0, id: 'ok.yaml#0',
      },
    ]);
  });

  it('names the file and index of an invalid case', () => {
    const path = write(
      'bad.yaml',
      '- cmd: "ls"\n  decision: allow\n  tags: [harmless]\n  why: "ok"\n- cmd: "rm"\n  decision: maybe\n  tags: [harmless]\n  why: "x"\n',
    );
    expect(() => loadCorpusFile(path)).toThrow(/bad\.yaml\[1\].*decision/);
  });

  it('rejects unknown fields, unknown tags, relative cwd and non-string commands', () => {
    const base = '  decision: allow\n  tags: [harmless]\n  why: "x"\n';
    expect(() => loadCorpusFile(write('f.yaml', `- cmd: "ls"\n${base}  extra: 1\n`))).toThrow(/f\.yaml\[0\].*extra/);
    expect(() => loadCorpusFile(write('t.yaml', '- cmd: "ls"\n  decision: allow\n  tags: [nice]\n  why: "x"\n'))).toThrow(/t\.yaml\[0\].*nice/);
    expect(() => loadCorpusFile(write('c.yaml', `- cmd: "ls"\n${base}  cwd: tmp\n`))).toThrow(/c\.yaml\[0\].*cwd/);
    expect(() => loadCorpusFile(write('n.yaml', `- cmd: ~\n${base}`))).toThrow(/n\.yaml\[0\].*cmd/);
  });

  it('rejects a document that is not a list', () => {
    expect(() => loadCorpusFile(write('m.yaml', 'cmd: ls\n'))).toThrow(/m\.yaml.*list/);
  });
});
