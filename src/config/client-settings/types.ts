/** The clients `airlock init` configures (the same ids as `src/adapters`, which config may not import). */
export type SettingsClient = 'claude-code' | 'gemini-cli' | 'cursor' | 'codex';

/** `--user` writes under HOME, `--project` under the current directory. */
export type Scope = 'user' | 'project';

/** A JSON object read from a settings file. UNTRUSTED in shape: the user (or a repository) wrote it. */
export type JsonObject = Record<string, unknown>;

/** One event we hook, with the matcher its group gets (grouped layout only; none = every tool / source). */
export interface HookedEvent {
  readonly event: string;
  readonly matcher?: string;
}

/**
 * How one client stores command hooks:
 * - `grouped`: `hooks.<event>` is `[{matcher?, hooks: [handler…]}]` (Claude Code, Codex, Gemini CLI);
 * - `flat`: `hooks.<event>` is `[handler…]` (Cursor).
 */
export interface ClientSettingsSpec {
  readonly client: SettingsClient;
  /** Settings file relative to HOME (user scope) or the cwd (project scope). */
  readonly file: string;
  readonly layout: 'grouped' | 'flat';
  readonly events: readonly HookedEvent[];
  /** The handler object we install for `event`, running `command`. */
  handler(command: string, event: string): JsonObject;
  /** Fields a file we create starts with (Cursor's `version: 1`). */
  readonly skeleton: JsonObject;
  /** Things the user must know after installing (trust review, restarts, hooks switched off). */
  notes(doc: JsonObject, scope: Scope): string[];
  /** A file beside the settings file whose text can switch hooks off (Codex `config.toml`), and its check. */
  readonly sibling?: { readonly file: string; check(text: string): string | undefined };
}
