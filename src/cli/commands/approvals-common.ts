/** What the `airlock approvals` commands share: where state is, who the approver is, errors as exits. */
import { userInfo } from 'node:os';
import {
  assistantMarkers, INSIDE_ASSISTANT_MESSAGE, openApprovals, type ApprovalRecord, type ApprovalStore, type Approver,
} from '../../approvals/index.js';
import { airlockHome, managedDir } from '../../config/home.js';
import { mergeSettings, readSettings } from '../../config/settings.js';
import { AirlockError } from '../../errors/index.js';
import type { Exit } from '../io.js';

/** The world a command runs in; tests pass their own. */
export interface ApprovalsDeps {
  readonly env: NodeJS.ProcessEnv;
  readonly home: string;
  readonly now: () => number;
}

export function defaultDeps(): ApprovalsDeps {
  return { env: process.env, home: airlockHome(), now: Date.now };
}

/**
 * The approver: the OS user (the human at this terminal), with their own Airlock session when the
 * environment names one. Never taken from a flag: an approval must not be given in someone's name.
 */
export function approverOf(env: NodeJS.ProcessEnv, via: string): Approver {
  let user = '';
  try {
    user = userInfo().username;
  } catch {
    user = env.USER ?? '';
  }
  return { user: user || (env.USER ?? ''), session: env.AIRLOCK_SESSION ?? '', via };
}

/** The refusal to answer from inside an assistant (exit 2), or undefined when this looks like a human's terminal. */
export function refuseInsideAssistant(env: NodeJS.ProcessEnv): Exit | undefined {
  const markers = assistantMarkers(env);
  if (markers.length === 0) return undefined;
  return { code: 2, stderr: `airlock: ${INSIDE_ASSISTANT_MESSAGE} (${markers.join(', ')} is set)\n` };
}

/** Exit 1 for a request that is not there or no longer answerable; 2 for everything else. */
export function failure(err: unknown): Exit {
  const message = err instanceof Error ? err.message : String(err);
  const one = err instanceof AirlockError && ['approval_not_found', 'approval_not_pending', 'approval_expired'].includes(err.code);
  return { code: one ? 1 : 2, stderr: `airlock: ${message}\n` };
}

/** Runs `body` with the approvals store open, closing it after; errors become exits. */
export async function withApprovals(deps: ApprovalsDeps, body: (store: ApprovalStore) => Promise<Exit>): Promise<Exit> {
  let store: ApprovalStore;
  try {
    store = openApprovals(deps.home);
  } catch (err) {
    return failure(err);
  }
  try {
    return await body(store);
  } catch (err) {
    return failure(err);
  } finally {
    await store.close();
  }
}

/** The record, or a not-found error (exit 1). */
export async function mustGet(store: ApprovalStore, id: string, now: number): Promise<ApprovalRecord> {
  const rec = await store.get(id, now);
  if (!rec) throw new AirlockError('approval_not_found', `no approval request \`${id.slice(0, 80)}\``);
  return rec;
}

/** Throws (exit 1) unless the request can still be answered. */
export function assertPending(rec: ApprovalRecord): void {
  if (rec.status === 'expired') throw new AirlockError('approval_expired', `approval request \`${rec.id}\` has expired`);
  if (rec.status !== 'pending') throw new AirlockError('approval_not_pending', `approval request \`${rec.id}\` is already ${rec.status}`);
}

/** The audit store's URL: `AIRLOCK_AUDIT_URL`, else the managed or user setting; '' for SQLite in AIRLOCK_HOME. */
export function auditUrl(deps: ApprovalsDeps): string {
  if (deps.env.AIRLOCK_AUDIT_URL) return deps.env.AIRLOCK_AUDIT_URL;
  return mergeSettings(readSettings(managedDir(deps.env)), readSettings(deps.home)).auditUrl ?? '';
}

/**
 * JSON for a terminal. UNTRUSTED: JSON.stringify leaves C1 controls (U+0080–U+009F, CSI among them)
 * and bidirectional overrides as they are; they are escaped here so the output stays valid JSON
 * and inert.
 */
export function safeJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/[\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
