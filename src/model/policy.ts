/** Where a policy came from. Order of authority: managed ▸ user ▸ project; `builtin` is the default pack. */
export type Layer = 'builtin' | 'managed' | 'user' | 'project';

/** Policy source as read from disk (I/O lives in config/, evaluation in policy/). */
export interface PolicySource {
  readonly layer: Layer;
  readonly file: string;
  readonly text: string;
}
