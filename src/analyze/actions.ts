import type { Action, Effect, EffectKind, RequestContext, Target } from '../model/index.js';
import { NO_TARGET } from '../model/index.js';
import { finalize } from './finalize.js';
import { pathTarget, urlTarget } from './targets.js';

function effect(kind: EffectKind, target: Target, program: string, flags: string[], why: string): Effect {
  return { kind, target, flags, program, subcommand: '', via: [], why };
}

/** Effects of the assistant's own file, web and MCP tools (no shell involved). */
export function actionEffects(action: Exclude<Action, { type: 'shell' }>, ctx: RequestContext): Effect[] {
  switch (action.type) {
    case 'file.read': {
      const p = pathTarget({ text: action.path, known: true, labels: new Set() }, ctx.cwd, ctx);
      const kind = p.target.zone === 'secret' ? 'secret.read' : 'fs.read';
      return finalize([effect(kind, p.target, 'read-tool', p.flags, `the assistant reads \`${p.target.path}\` (${p.target.zone})`)]);
    }
    case 'file.write': {
      const p = pathTarget({ text: action.path, known: true, labels: new Set() }, ctx.cwd, ctx);
      return finalize([effect('fs.write', p.target, 'write-tool', p.flags, `the assistant writes \`${p.target.path}\` (${p.target.zone})`)]);
    }
    case 'web.fetch': {
      const u = urlTarget({ text: action.url, known: true, labels: new Set() });
      return [effect('net.fetch', u.target, 'web-fetch', ['web-tool', ...u.flags], `the assistant fetches \`${u.target.host || action.url.slice(0, 80)}\``)];
    }
    case 'mcp': {
      const target: Target = { ...NO_TARGET, type: 'resource', name: `${action.server}/${action.tool}`, host: action.server };
      const readOnly = /^(?:get|list|read|search|find|describe|show|query|fetch|view|lookup|count|status)(?:_|-|[A-Z]|$)/.test(action.tool);
      return [effect('tool.call', target, `mcp:${action.server}`, readOnly ? ['read-only'] : [], `the assistant calls the tool \`${action.tool}\` of \`${action.server}\``)];
    }
  }
}
