/** `airlock approvals list [--all] [--json]`: the queue of requests waiting for a human. */
import type { Exit } from '../io.js';
import type { ListFlags } from './approvals.def.js';
import { defaultDeps, safeJson, withApprovals, type ApprovalsDeps } from './approvals-common.js';
import { listTable } from './approvals-format.js';

export function approvalsList(flags: ListFlags, deps: ApprovalsDeps = defaultDeps()): Promise<Exit> {
  return withApprovals(deps, async (store) => {
    const now = deps.now();
    const records = await store.list(flags.all ? {} : { status: 'pending' }, now);
    if (flags.json) return { code: 0, stdout: `${safeJson(records)}\n` };
    if (records.length === 0) return { code: 0, stderr: flags.all ? 'no approval requests\n' : 'no pending approval requests\n' };
    return { code: 0, stdout: listTable(records, now, flags.all === true, process.stdout.columns || 160) };
  });
}
