/**
 * `airlock approvals prompt <id>`: the interactive terminal prompt (@clack/prompts). It shows what
 * will run, its effects, the policy and the session's prompt, then asks: approve once, or deny.
 * Deny is preselected, so Enter without reading does not let anything run.
 */
import { FATIGUE_WINDOW_MS, noticeFatigue } from '../../approvals/index.js';
import type { Exit } from '../io.js';
import type { NoteFlags } from './approvals.def.js';
import { answer } from './approvals-answer.js';
import { approverOf, assertPending, defaultDeps, mustGet, refuseInsideAssistant, withApprovals, type ApprovalsDeps } from './approvals-common.js';
import { details } from './approvals-format.js';

export type Choice = 'approve' | 'deny';

/** The terminal the prompt talks to; tests pass a scripted one. */
export interface PromptUi {
  /** Both stdin and stdout are terminals a human can answer in. */
  readonly interactive: boolean;
  show(title: string, text: string): void;
  /** The human's choice, or undefined when they cancelled (Ctrl-C) or `signal` aborted. */
  choose(message: string, signal: AbortSignal): Promise<Choice | undefined>;
}

/** The real terminal, through @clack/prompts (loaded only when a prompt is shown). */
export function clackUi(): PromptUi {
  return {
    interactive: process.stdin.isTTY === true && process.stdout.isTTY === true,
    show(title, text) {
      process.stdout.write(`\n${title}\n${text}\n`);
    },
    async choose(message, signal) {
      const p = await import('@clack/prompts');
      const v = await p.select<Choice>({
        message,
        options: [
          { value: 'approve', label: 'Approve once', hint: 'this exact command, one run' },
          { value: 'deny', label: 'Deny' },
        ],
        initialValue: 'deny',
        signal,
      });
      return p.isCancel(v) ? undefined : v;
    },
  };
}

export async function approvalsPrompt(id: string, flags: NoteFlags, deps: ApprovalsDeps = defaultDeps(), ui: PromptUi = clackUi()): Promise<Exit> {
  const inside = refuseInsideAssistant(deps.env);
  if (inside) return inside;
  if (!ui.interactive) {
    return { code: 2, stderr: 'airlock: `approvals prompt` needs an interactive terminal; use `airlock approvals approve <id>` or `deny <id>`\n' };
  }
  return withApprovals(deps, async (store) => {
    const now = deps.now();
    const rec = await mustGet(store, id, now);
    assertPending(rec);
    const recent = await store.list({ since: now - FATIGUE_WINDOW_MS }, now);
    const hint = noticeFatigue(recent, rec, now);
    ui.show('Airlock: an assistant asks to run a command that needs your approval', `${details(rec, now)}${hint ? `note: ${hint}\n` : ''}`);
    // The question goes away when the request expires: an answer after that could not be used anyway.
    const choice = await ui.choose('Allow this exact command to run once?', AbortSignal.timeout(Math.max(1, rec.expires - now)));
    if (!choice) return { code: 1, stderr: `airlock: no answer given; \`${rec.id}\` is still pending until it expires\n` };
    // Read again: another approver may have answered while this prompt was open.
    const fresh = await mustGet(store, id, deps.now());
    return answer(store, fresh, choice === 'approve' ? 'grant' : 'refuse', approverOf(deps.env, 'terminal'), flags.note, deps);
  });
}
