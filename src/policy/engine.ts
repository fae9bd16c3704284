import type { Verdict } from '../model/index.js';
import type { Cedar } from './cedar.js';
import type { PolicyProblem } from './compile.js';
import type { PolicyInfo } from './pack.js';
import type { CedarRequest } from './request.js';

/** What Cedar said about one request, already read through Airlock's verdict table. */
export interface EffectVerdict {
  readonly verdict: Verdict | 'default';
  /** Policies that determined it (permits for allow; forbids of the winning level otherwise). */
  readonly policies: readonly PolicyInfo[];
  /** Evaluation errors (a policy that failed to evaluate): they make the verdict deny. */
  readonly errors: readonly string[];
}

export interface PolicyEngine {
  /** Digest of every policy text in the set: decisions name the bundle that made them. */
  readonly digest: string;
  readonly policies: ReadonlyMap<string, PolicyInfo>;
  /** Errors make the engine broken: it denies everything and says why (fail closed). */
  readonly problems: readonly PolicyProblem[];
  readonly broken: boolean;
  evaluate(req: CedarRequest): EffectVerdict;
}

const CACHE_LIMIT = 20_000;
let nextSetId = 0;

/**
 * The verdict table, exhaustively (Cedar has no "ask": it is a forbid annotated `@decision("ask")`):
 *
 * | Cedar answer                 | matching policies               | verdict                        |
 * |------------------------------|---------------------------------|--------------------------------|
 * | failure, or any eval error   | –                               | deny (the error is the reason) |
 * | allow                        | permits                         | allow                          |
 * | deny                         | ≥1 forbid without ask           | deny                           |
 * | deny                         | only forbids with ask           | ask                            |
 * | deny                         | none (no permit matched)        | default (ask unless configured)|
 */
export function createEngine(cedar: Cedar, policies: readonly PolicyInfo[], problems: readonly PolicyProblem[], digest: string): PolicyEngine {
  const byId = new Map(policies.map((p) => [p.id, p]));
  const broken = problems.some((p) => p.severity === 'error');
  const base = `airlock-${digest.slice(0, 16)}-${nextSetId++}`;
  // One preparsed set per action, holding only the policies whose scope can match it. Cedar scans every
  // policy of a set, and a policy scoped to other actions can never match: the verdicts are the same,
  // but a cold process parses a handful of policies instead of the whole pack.
  const sets = new Map<string, string | null>();
  const setFor = (action: string): string | null => {
    let id = sets.get(action);
    if (id !== undefined) return id;
    const record: Record<string, string> = {};
    for (const p of policies) if (!p.actions || p.actions.includes(action)) record[p.id] = p.text;
    if (Object.keys(record).length === 0) id = null;
    else {
      id = `${base}-${action}`;
      const res = cedar.preparsePolicySet(id, { staticPolicies: record });
      if (res.type === 'failure') throw new Error(`cedar rejected the policy set: ${res.errors[0]?.message ?? 'unknown error'}`);
    }
    sets.set(action, id);
    return id;
  };
  const cache = new Map<string, EffectVerdict>();
  const evaluate = (req: CedarRequest): EffectVerdict => {
    const key = JSON.stringify(req);
    const hit = cache.get(key);
    if (hit) return hit;
    const setId = setFor(String((req.action as { id: string }).id));
    let out: EffectVerdict;
    if (setId === null) {
      out = { verdict: 'default', policies: [], errors: [] };
      cache.set(key, out);
      return out;
    }
    const answer = cedar.statefulIsAuthorized({ ...req, preparsedPolicySetId: setId, entities: [] });
    if (answer.type === 'failure') {
      out = { verdict: 'deny', policies: [], errors: answer.errors.map((e) => e.message) };
    } else if (answer.response.diagnostics.errors.length) {
      out = { verdict: 'deny', policies: [], errors: answer.response.diagnostics.errors.map((e) => `policy \`${e.policyId}\`: ${e.error.message}`) };
    } else {
      const matched = answer.response.diagnostics.reason.map((id) => byId.get(id)).filter((p): p is PolicyInfo => !!p);
      if (answer.response.decision === 'allow') out = { verdict: 'allow', policies: matched, errors: [] };
      else if (matched.some((p) => p.verdict === 'deny')) out = { verdict: 'deny', policies: matched.filter((p) => p.verdict === 'deny'), errors: [] };
      else if (matched.length) out = { verdict: 'ask', policies: matched, errors: [] };
      else out = { verdict: 'default', policies: [], errors: [] };
    }
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, out);
    return out;
  };
  const brokenEval = (): EffectVerdict => ({ verdict: 'deny', policies: [], errors: problems.filter((p) => p.severity === 'error').map((p) => `${p.file}:${p.line}: ${p.message}`) });
  return { digest, policies: byId, problems, broken, evaluate: broken ? brokenEval : evaluate };
}
