/**
 * Approval fatigue (OWASP T10, "overwhelming human in the loop"): a human who approves the same
 * kind of action again and again stops reading. Airlock notices, says so, and offers a narrow
 * standing policy instead (see suggest.ts), for the human to accept.
 */
import type { Environment } from '../model/index.js';
import { oneLine } from './display.js';
import { describeKind, kindOf, type ActionKind, type KindElement } from './kind.js';
import type { ApprovalRecord } from './types.js';

/** Approvals of one kind within the window from which fatigue is noticed. */
export const FATIGUE_THRESHOLD = 3;
/** How far back approvals count. */
export const FATIGUE_WINDOW_MS = 7 * 86_400_000;

/** Approvals of one kind of action. */
export interface KindGroup extends ActionKind {
  /** How many requests of this kind a human approved in the window. */
  readonly count: number;
  /** When the newest of them was created. */
  readonly last: number;
  /** The environments they were approved in (a suggestion is limited to these). */
  readonly envs: readonly Environment[];
  /** Ids of the approved records. */
  readonly ids: readonly string[];
}

/** Window and threshold; the defaults are the (3 approvals in 7 days). */
export interface FatigueOptions {
  readonly now: number;
  readonly windowMs?: number;
  readonly threshold?: number;
}

/** True for records a human approved: granted (not yet used) or consumed. */
function approved(r: ApprovalRecord): boolean {
  return r.status === 'granted' || r.status === 'consumed';
}

/** Groups the approved records of the window by kind of action, most approved first. */
export function groupApprovals(records: readonly ApprovalRecord[], opts: FatigueOptions): KindGroup[] {
  const since = opts.now - (opts.windowMs ?? FATIGUE_WINDOW_MS);
  const groups = new Map<string, { kind: ActionKind; policies: Map<string, Set<string>>; ids: string[]; last: number; envs: Set<Environment> }>();
  for (const r of records) {
    if (!approved(r) || r.created < since || r.created > opts.now) continue;
    const kind = kindOf(r);
    if (!kind) continue;
    const g = groups.get(kind.key) ?? { kind, policies: new Map<string, Set<string>>(), ids: [], last: 0, envs: new Set<Environment>() };
    // The same kind may have been asked for by different policies over time (a policy was renamed): keep all.
    kind.elements.forEach((e, i) => {
      const set = g.policies.get(String(i)) ?? new Set<string>();
      for (const p of e.policies) set.add(p);
      g.policies.set(String(i), set);
    });
    g.ids.push(r.id);
    g.last = Math.max(g.last, r.created);
    g.envs.add(r.env);
    groups.set(kind.key, g);
  }
  return [...groups.values()]
    .map((g) => ({
      key: g.kind.key,
      elements: g.kind.elements.map((e, i): KindElement => ({ ...e, policies: [...(g.policies.get(String(i)) ?? [])].sort() })),
      count: g.ids.length,
      last: g.last,
      envs: [...g.envs].sort(),
      ids: g.ids,
    }))
    .sort((a, b) => b.count - a.count || b.last - a.last);
}

/**
 * A short hint for the human when the candidate's kind of action was already approved at least
 * `threshold` times within the window (the hook shows it beside the approval request); undefined
 * otherwise. `now` defaults to the candidate's creation time. The text is terminal-safe.
 */
export function noticeFatigue(
  records: readonly ApprovalRecord[],
  candidate: Pick<ApprovalRecord, 'id' | 'reasons' | 'effects' | 'created'>,
  now: number = candidate.created,
  opts: Omit<FatigueOptions, 'now'> = {},
): string | undefined {
  const kind = kindOf(candidate);
  if (!kind) return undefined;
  const group = groupApprovals(records.filter((r) => r.id !== candidate.id), { ...opts, now }).find((g) => g.key === kind.key);
  if (!group || group.count < (opts.threshold ?? FATIGUE_THRESHOLD)) return undefined;
  const days = Math.round((opts.windowMs ?? FATIGUE_WINDOW_MS) / 86_400_000);
  return oneLine(
    `you approved this kind of action ${group.count} times in the last ${days} days (${describeKind(kind)}); ` +
      '`airlock approvals suggest` proposes a narrow policy that would make it automatic',
    400,
  );
}
