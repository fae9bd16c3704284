/** `airlock approvals show <id> [--json]`: everything the approver should see before answering. */
import type { Exit } from '../io.js';
import { defaultDeps, mustGet, safeJson, withApprovals, type ApprovalsDeps } from './approvals-common.js';
import { details } from './approvals-format.js';

export function approvalsShow(id: string, flags: { json?: boolean }, deps: ApprovalsDeps = defaultDeps()): Promise<Exit> {
  return withApprovals(deps, async (store) => {
    const now = deps.now();
    const rec = await mustGet(store, id, now);
    return { code: 0, stdout: flags.json ? `${safeJson(rec)}\n` : details(rec, now) };
  });
}
