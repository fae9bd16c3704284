import type { CedarValueJson, Context, EntityUid } from '@cedar-policy/cedar-wasm/nodejs';
import type { Effect, RequestContext } from '../model/index.js';

export interface CedarRequest {
  readonly principal: EntityUid;
  readonly action: EntityUid;
  readonly resource: EntityUid;
  readonly context: Context;
}

/** One Cedar request per effect (DESIGN §5). Every context attribute is always present (see the schema). */
export function buildRequest(effect: Effect, ctx: RequestContext): CedarRequest {
  const t = effect.target;
  const target: Record<string, CedarValueJson> = {
    type: t.type, path: t.path, zone: t.zone, host: t.host, name: t.name, ref: t.ref, protected: t.protected, category: t.category,
  };
  return {
    principal: { type: 'Airlock::Agent', id: ctx.agent || 'unknown' },
    action: { type: 'Airlock::Action', id: effect.kind },
    resource: { type: 'Airlock::Target', id: t.type },
    context: {
      env: ctx.env,
      cwd: ctx.cwd,
      user: ctx.user,
      agent: ctx.agent,
      client: ctx.client,
      task: ctx.task,
      session: ctx.session,
      session_labels: [...ctx.sessionLabels],
      program: effect.program,
      subcommand: effect.subcommand,
      via: [...effect.via],
      flags: [...effect.flags],
      target,
      repo: { root: ctx.repo.root, remote: ctx.repo.remote, trusted: ctx.repo.trusted, enabled: ctx.repo.enabled },
      hour: new Date(ctx.now).getUTCHours(),
    },
  };
}
