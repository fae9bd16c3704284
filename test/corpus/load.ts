/**
 * Loader for the shared case corpus (`test/corpus/*.yaml`): the independent specification that the
 * library, the CLI and the server are all run against. See README.md in this folder for the format.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const DECISIONS = ['allow', 'ask', 'deny'] as const;
export type CorpusDecision = (typeof DECISIONS)[number];

export const TAGS = ['harmless', 'mention', 'dangerous', 'evasive', 'gated', 'context'] as const;
export type CorpusTag = (typeof TAGS)[number];

export const ENVS = ['dev', 'staging', 'prod', 'ci'] as const;
export type CorpusEnv = (typeof ENVS)[number];

/** The fixed context every case runs in, unless the case overrides `env` or `cwd`. */
export const CORPUS_CONTEXT = {
  user: 'dev',
  home: '/home/dev',
  repoRoot: '/home/dev/project',
  remote: 'git@github.com:acme/project.git',
  defaultBranch: 'main',
  protectedBranches: [] as readonly string[],
  cwd: '/home/dev/project',
  tmpDirs: ['/tmp'] as readonly string[],
  agent: 'claude-code',
  env: 'dev' as CorpusEnv,
} as const;

/** One case, with defaults filled in and its origin recorded. */
export interface CorpusCase {
  /** Exact command line as the assistant would send it. */
  readonly cmd: string;
  readonly decision: CorpusDecision;
  readonly tags: readonly CorpusTag[];
  readonly why: string;
  readonly env: CorpusEnv;
  readonly cwd: string;
  /** Base name of the YAML file the case came from. */
  readonly file: string;
  /** Zero-based position in that file. */
  readonly index: number;
  /** `file#index`, for test names and error messages. */
  readonly id: string;
}

const KNOWN_FIELDS = new Set(['cmd', 'decision', 'tags', 'why', 'env', 'cwd']);

/** The folder this file lives in: the default corpus directory. */
export const CORPUS_DIR = dirname(fileURLToPath(import.meta.url));

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}

function validateCase(raw: unknown, file: string, index: number): CorpusCase {
  const where = `${file}[${index}]`;
  const fail = (message: string): never => {
    throw new Error(`corpus ${where}: ${message}`);
  };
  if (!isRecord(raw)) return fail('a case must be a mapping');
  for (const key of Object.keys(raw)) {
    if (!KNOWN_FIELDS.has(key)) fail(`unknown field \`${key}\``);
  }
  const { cmd, decision, tags, why, env, cwd } = raw;
  if (typeof cmd !== 'string') return fail('`cmd` must be a string (quote it in YAML)');
  if (!isOneOf(DECISIONS, decision)) return fail(`\`decision\` must be one of ${DECISIONS.join(', ')}`);
  if (!Array.isArray(tags) || tags.length === 0) return fail('`tags` must be a non-empty list');
  const checkedTags: CorpusTag[] = [];
  for (const tag of tags as unknown[]) {
    if (!isOneOf(TAGS, tag)) return fail(`unknown tag \`${String(tag)}\` (expected ${TAGS.join(', ')})`);
    if (checkedTags.includes(tag)) fail(`duplicate tag \`${tag}\``);
    checkedTags.push(tag);
  }
  if (typeof why !== 'string' || why.trim() === '') return fail('`why` must be a non-empty string');
  if (why.includes('\n')) fail('`why` must be one line');
  if (env !== undefined && !isOneOf(ENVS, env)) return fail(`\`env\` must be one of ${ENVS.join(', ')}`);
  if (cwd !== undefined && (typeof cwd !== 'string' || !cwd.startsWith('/'))) {
    return fail('`cwd` must be an absolute path');
  }
  return {
    cmd,
    decision,
    tags: checkedTags,
    why,
    env: env ?? CORPUS_CONTEXT.env,
    cwd: cwd ?? CORPUS_CONTEXT.cwd,
    file,
    index,
    id: `${file}#${index}`,
  };
}

/** Reads and validates one corpus file. */
export function loadCorpusFile(path: string): CorpusCase[] {
  const file = path.split(/[\\/]/).pop() ?? path;
  let doc: unknown;
  try {
    doc = parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`corpus ${file}: invalid YAML: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (doc === null || doc === undefined) return [];
  if (!Array.isArray(doc)) throw new Error(`corpus ${file}: the document must be a list of cases`);
  return (doc as unknown[]).map((raw, index) => validateCase(raw, file, index));
}

/**
 * Reads every `*.yaml` file of the corpus directory (sorted by name) and returns all cases, validated,
 * with `env` and `cwd` defaults filled in. Throws an error naming the file and index of the first bad case.
 */
export function loadCorpus(dir: string = CORPUS_DIR): CorpusCase[] {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort();
  return files.flatMap((name) => loadCorpusFile(join(dir, name)));
}
