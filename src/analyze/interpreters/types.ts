import type { EffectKind } from '../../model/index.js';

/** Languages whose inline code the shell analyser hands to `scanInlineCode`. */
export type InlineLanguage =
  | 'shell' | 'python' | 'node' | 'perl' | 'ruby' | 'php' | 'lua' | 'r' | 'osascript' | 'powershell' | 'awk' | 'other';

export type InlineTargetType = 'path' | 'url' | 'host' | 'env' | 'none';

/** One thing the inline code would do. Targets are literal values as written ('' when unknown). */
export interface InlineFinding {
  kind: EffectKind;
  target: { type: InlineTargetType; value: string };
  why: string;
}

export interface InlineScan {
  /** Shell command strings the code runs; the caller analyses them as shell. */
  shell: string[];
  findings: InlineFinding[];
  /** Reasons the code's behaviour cannot be known statically. Empty when everything was understood. */
  dynamic: string[];
}
