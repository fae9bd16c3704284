import type { Effect } from './effect.js';

/** One program invocation found in the command, after unwrapping. */
export interface Invocation {
  readonly program: string;
  readonly argv: readonly string[];
  readonly via: readonly string[];
  /** True when the program name itself is not known statically. */
  readonly dynamic: boolean;
}

/** A problem met while analysing: it becomes an `input.invalid` effect, never a silent pass. */
export interface AnalysisIssue {
  readonly code: string;
  readonly message: string;
}

/** The analyser's verdict on what an action would do. */
export interface Analysis {
  readonly v: 1;
  readonly invocations: readonly Invocation[];
  readonly effects: readonly Effect[];
  readonly issues: readonly AnalysisIssue[];
}
