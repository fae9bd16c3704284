import { parse } from 'unbash';
import type { ParsedScript } from 'unbash';

/** Bounds on what the analyser accepts; beyond them the command is refused, not guessed at. */
export const LIMITS = {
  /** Longest command line analysed (bytes of UTF-16 code units). */
  maxCommandLength: 512 * 1024,
  /** Nested shells (bash -c "bash -c …"), evals, functions and substitutions. */
  maxDepth: 24,
  /** Commands, substitutions and loop iterations walked per analysis. */
  maxSteps: 20_000,
} as const;

/** The parser behind one small interface, so it can be swapped (DESIGN §4). UNTRUSTED: `source`. */
export function parseShell(source: string): ParsedScript {
  return parse(source);
}

/** Characters no shell command legitimately contains: NUL and most C0 controls (tab, newline, CR, ESC allowed). */
export function binaryJunk(source: string): boolean {
  // eslint-disable-next-line no-control-regex -- detecting control characters is the point
  return /[\u0000-\u0008\u000e-\u001a\u001c-\u001f\u007f]/.test(source) || source.includes('\uFFFD');
}
