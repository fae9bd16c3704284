import type { RequestContext } from './context.js';

/**
 * What an assistant asks to do, after an adapter translated its hook JSON. The core never branches
 * on which client sent it.
 */
export type Action =
  | { readonly type: 'shell'; readonly command: string }
  | { readonly type: 'file.read'; readonly path: string }
  | { readonly type: 'file.write'; readonly path: string; readonly content?: string }
  | { readonly type: 'web.fetch'; readonly url: string }
  | { readonly type: 'mcp'; readonly server: string; readonly tool: string; readonly input: unknown };

export interface ActionRequest {
  readonly action: Action;
  readonly context: RequestContext;
  /** The human prompt that led to this action, when the client shares it (audit only). */
  readonly prompt?: string;
}
