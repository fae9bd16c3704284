import { buildContext } from '../config/context.js';
import type { ContextOptions } from '../config/context.js';
import { airlockHome, managedDir } from '../config/home.js';
import { loadPolicySources, readPrecompiled, readSchema } from '../config/policy-files.js';
import { mergeSettings, readSettings } from '../config/settings.js';
import type { Settings } from '../config/settings.js';
import { randomId } from '../crypto/index.js';
import { AirlockError, asAirlockError } from '../errors/index.js';
import type { Action, ActionRequest, Decision, RequestContext } from '../model/index.js';
import { buildEngine, DEFAULT_OPTIONS } from '../policy/index.js';
import type { DecideOptions, PolicyEngine } from '../policy/index.js';
import { failedDecision } from './fail-closed.js';
import { runStages } from './stages.js';
import type { DecisionState } from './stages.js';

/** Events besides decisions that the hook pipeline records. */
export type HookRecord =
  | { readonly type: 'prompt'; readonly context: RequestContext; readonly prompt: string }
  | { readonly type: 'session.start' | 'session.end'; readonly context: RequestContext; readonly detail: string }
  | {
      readonly type: 'outcome';
      readonly context: RequestContext;
      readonly decisionId: string;
      readonly action: Action;
      readonly output: string;
      readonly exitCode: number | null;
      readonly error: string;
    }
  | {
      readonly type: 'approval.requested' | 'approval.granted' | 'approval.refused' | 'approval.expired';
      readonly context: RequestContext;
      readonly decisionId: string;
      readonly digest: string;
      readonly channel: string;
      readonly approver: string;
      readonly detail: string;
      readonly expiresAt: number;
    };

/** Where decisions are recorded; an append that throws makes the decision deny (nothing runs unrecorded). */
export interface AuditSink {
  recordDecision(state: Required<Pick<DecisionState, 'request' | 'decision'>> & DecisionState): Promise<void>;
  record(event: HookRecord): Promise<void>;
  close(): Promise<void>;
}

export interface AirlockOptions {
  /** AIRLOCK_HOME (state, user layer); default from the environment. */
  readonly home?: string;
  readonly managedDir?: string;
  /** A policy pack (file or folder) replacing the bundled default pack. */
  readonly pack?: string;
  /** One decision in a fresh process (the CLI): tune the wasm engine for start-up. */
  readonly coldStart?: boolean;
  readonly audit?: AuditSink | null;
  readonly env?: NodeJS.ProcessEnv;
  /** The clock (tests pass a fixed one). */
  readonly now?: () => number;
}

/**
 * The composition root: settings ▸ policy engine (one per repository, since project layers differ)
 * ▸ the decision stages ▸ audit. Every public method returns a decision, never throws one away.
 */
export class Airlock {
  readonly home: string;
  private readonly managed: string;
  private readonly engines = new Map<string, PolicyEngine>();
  private readonly engineRepos = new Map<string, { root: string; trusted: boolean }>();
  private readonly repoListeners: Array<(root: string) => void> = [];
  private settings: Settings | AirlockError;
  private schema: string | undefined;

  constructor(private readonly opts: AirlockOptions = {}) {
    const env = opts.env ?? process.env;
    this.home = opts.home ?? airlockHome(env);
    this.managed = opts.managedDir ?? managedDir(env);
    try {
      this.settings = mergeSettings(readSettings(this.managed), readSettings(this.home));
    } catch (err) {
      this.settings = asAirlockError(err, 'config_invalid');
    }
  }

  /** The team audit store's URL from settings ('' for the embedded store). */
  auditUrl(): string {
    return this.settings instanceof AirlockError ? '' : (this.settings.auditUrl ?? '');
  }

  /** The full request context for caller-provided facts. */
  context(opts: ContextOptions): RequestContext {
    const s = this.settings instanceof AirlockError ? {} : this.settings;
    return buildContext(opts, s, this.opts.env ?? process.env, this.opts.now?.() ?? Date.now());
  }

  options(): DecideOptions {
    const s = this.settings instanceof AirlockError ? {} : this.settings;
    return { ...DEFAULT_OPTIONS, defaultVerdict: s.defaultDecision ?? 'ask' };
  }

  /** The engine for a repository (bundled or given pack ▸ managed ▸ user ▸ that repository's policy). */
  engine(ctx: RequestContext): PolicyEngine {
    const key = `${ctx.repo.root}\u0000${ctx.repo.trusted}`;
    let e = this.engines.get(key);
    if (!e) {
      e = this.buildFor(ctx.repo.root, ctx.repo.trusted);
      this.engines.set(key, e);
      this.engineRepos.set(key, { root: ctx.repo.root, trusted: ctx.repo.trusted });
      if (ctx.repo.root) for (const fn of this.repoListeners) fn(ctx.repo.root);
    }
    return e;
  }

  /** Calls `fn` for every repository whose policy layer is in use, now and as new ones appear (a server watches them). */
  onRepository(fn: (root: string) => void): void {
    this.repoListeners.push(fn);
    for (const r of new Set([...this.engineRepos.values()].map((x) => x.root))) if (r) fn(r);
  }

  private buildFor(root: string, trusted: boolean): PolicyEngine {
    this.schema ??= readSchema();
    const s = this.settings instanceof AirlockError ? {} : this.settings;
    const sources = loadPolicySources({ pack: this.opts.pack, managed: this.managed, home: this.home, repoRoot: root });
    return buildEngine({
      schema: this.schema, sources, projectTrusted: trusted, disabled: s.disablePolicies ?? [],
      // The bundled pack alone is validated in CI; anything else is validated here.
      validate: this.opts.pack !== undefined || sources.some((x) => x.layer !== 'builtin'),
      coldStart: this.opts.coldStart ?? false,
      precompiled: this.opts.pack === undefined ? readPrecompiled() : undefined,
    });
  }

  /**
   * Re-reads settings and policies (a resident server calls this when files change). A policy set
   * that no longer validates keeps the last good engine active, and its problems are returned.
   */
  reload(): { ok: boolean; problems: string[] } {
    const problems: string[] = [];
    try {
      this.settings = mergeSettings(readSettings(this.managed), readSettings(this.home));
    } catch (err) {
      problems.push(asAirlockError(err, 'config_invalid').message);
    }
    for (const [key, repo] of this.engineRepos) {
      const next = this.buildFor(repo.root, repo.trusted);
      if (next.broken) {
        for (const p of next.problems.filter((x) => x.severity === 'error')) problems.push(`${p.file}:${p.line}: ${p.message}`);
        continue; // INVARIANT: the last good engine stays active
      }
      this.engines.set(key, next);
    }
    return { ok: problems.length === 0, problems };
  }

  /** Decides one request: analysis, policy, then the audit record. */
  async decide(request: ActionRequest, decisionId?: string): Promise<Decision> {
    const id = decisionId ?? randomId('dec');
    if (this.settings instanceof AirlockError) return failedDecision('config', this.settings, id);
    let state: DecisionState;
    try {
      state = runStages(request, id, { engine: this.engine(request.context), options: this.options() });
    } catch (err) {
      return failedDecision('policy-missing', asAirlockError(err, 'policy_missing'), id);
    }
    const decision = state.decision as Decision;
    if (!this.opts.audit) return decision;
    try {
      await this.opts.audit.recordDecision({ ...state, decision, request });
      return decision;
    } catch (err) {
      return failedDecision('audit', asAirlockError(err, 'audit_unwritable'), id, decision.policy_digest, decision.effects);
    }
  }

  /** Records a non-decision event; throws when the store cannot be written (callers fail closed). */
  async record(event: HookRecord): Promise<void> {
    await this.opts.audit?.record(event);
  }

  async close(): Promise<void> {
    await this.opts.audit?.close();
  }
}
