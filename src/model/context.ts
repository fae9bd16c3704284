/** Where a command runs: the environment tier decides how strict the default pack is. */
export type Environment = 'dev' | 'staging' | 'prod' | 'ci';
export const ENVIRONMENTS: readonly Environment[] = ['dev', 'staging', 'prod', 'ci'];

/** The repository the command runs in, as the caller (not the assistant) established it. */
export interface RepoContext {
  /** Absolute path of the repository root; '' when the cwd is in no repository. */
  readonly root: string;
  /** Remote URL of `origin`, '' when unknown. */
  readonly remote: string;
  /** Trusted by a managed or user layer: only then may its own policy file loosen anything. */
  readonly trusted: boolean;
  /** False when a higher layer disabled execution in this repository altogether. */
  readonly enabled: boolean;
  /** The default branch name ('' when unknown); pushes to it are treated as protected. */
  readonly defaultBranch: string;
  /** Branch names a layer declared protected, beyond the default branch. */
  readonly protectedBranches: readonly string[];
}

/**
 * Everything the pure core needs to know about the world, passed in (never looked up):
 * the same request with the same context always gets the same decision.
 */
export interface RequestContext {
  /** Absolute working directory of the command. */
  readonly cwd: string;
  readonly env: Environment;
  readonly repo: RepoContext;
  /** The human on whose behalf the assistant acts. */
  readonly user: string;
  /** The assistant (agent identity), e.g. `claude-code`. */
  readonly agent: string;
  /** The client integration that delivered the request, e.g. `cli`, `claude-code-hook`. */
  readonly client: string;
  readonly session: string;
  readonly task: string;
  /** What the session already did, e.g. `secret-read`, `untrusted-content`. */
  readonly sessionLabels: readonly string[];
  /** The user's home directory, for `~` and the home / secret-store zones. */
  readonly home: string;
  /** Temporary directories (`/tmp`, `$TMPDIR`). */
  readonly tmpDirs: readonly string[];
  /** The clock, in epoch milliseconds. */
  readonly now: number;
}
