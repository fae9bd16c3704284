/**
 * Size bounds for UNTRUSTED payload fields. A field that feeds a decision is rejected when too large
 * (`input_too_large`: the hook then blocks); a field that is only recorded is cut instead, so a huge
 * prompt or tool output never blocks the user for being long.
 */
export interface Limit {
  /** Most UTF-8 bytes the field may hold. */
  readonly bytes: number;
  /** May the text hold NUL and other binary bytes? Commands, paths and names may not: NUL truncates them in C. */
  readonly binary: boolean;
}

const KiB = 1024;
const MiB = 1024 * KiB;

export const LIMITS = {
  /** Hook event names, tool names, MCP server names. */
  name: { bytes: 1 * KiB, binary: false },
  /** Session, conversation and tool-use ids. */
  id: { bytes: 1 * KiB, binary: false },
  /** cwd and file paths (PATH_MAX is 4 KiB on Linux; leave room, reject the absurd). */
  path: { bytes: 16 * KiB, binary: false },
  /** A shell command line (DESIGN: reject a command over 1 MB). */
  command: { bytes: 1 * MiB, binary: false },
  url: { bytes: 64 * KiB, binary: false },
  /** A search query turned into a `search:` pseudo-URL. */
  query: { bytes: 64 * KiB, binary: false },
  /** Content a file write would put on disk (a patch counts as content). */
  content: { bytes: 16 * MiB, binary: true },
  /** MCP / generic tool input, measured as its JSON text. */
  input: { bytes: 4 * MiB, binary: true },
} as const satisfies Record<string, Limit>;

/** Recorded-only text (prompt, tool output, error) is cut to this many characters, with a marker. */
export const RECORDED_MAX_CHARS = 1 * MiB;

/** Reasons and messages we print back are one line of at most this many characters. */
export const MESSAGE_MAX_CHARS = 2000;
