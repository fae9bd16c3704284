import { join } from 'node:path';
import type { Environment } from '../model/index.js';
import { Airlock } from './airlock.js';
import { openAuditSink } from './audit-sink.js';
import type { HookRuntime } from './hook.js';

export interface RuntimeOptions {
  readonly home?: string;
  /** Tune for one call in a fresh process (the CLI hook) rather than a resident server. */
  readonly coldStart: boolean;
  readonly env?: NodeJS.ProcessEnv;
  readonly clock?: () => number;
}

/** Environments where the default is an Airlock approval, not the client's own prompt. */
export const DEFAULT_AIRLOCK_APPROVAL_IN: readonly Environment[] = ['staging', 'prod'];

/**
 * Opens everything the hook pipeline needs: policies (lazily, per repository), the audit store, the
 * approvals and session stores. One per CLI hook process; one per resident server.
 */
export async function openRuntime(opts: RuntimeOptions): Promise<HookRuntime & { close(): Promise<void> }> {
  const env = opts.env ?? process.env;
  const probe = new Airlock({ coldStart: opts.coldStart, audit: null, env, home: opts.home });
  const audit = await openAuditSink(probe.home, env.AIRLOCK_AUDIT_URL ?? probe.auditUrl());
  const airlock = new Airlock({ coldStart: opts.coldStart, audit, env, home: probe.home, now: opts.clock });
  const [{ openApprovals }, { SessionStore }, { quickRedact, redactRecord, redactText }] = await Promise.all([
    import('../approvals/index.js'),
    import('../session/store.js'),
    import('./redaction.js'),
  ]);
  const approvals = openApprovals(probe.home, { redactPrompt: redactText, redactRecord });
  const sessions = new SessionStore(probe.home);
  const waitSeconds = Number(env.AIRLOCK_APPROVAL_WAIT_SECONDS ?? '25');
  return {
    airlock,
    approvals,
    sessions,
    airlockApprovalIn: DEFAULT_AIRLOCK_APPROVAL_IN,
    approvalWaitMs: Number.isFinite(waitSeconds) && waitSeconds >= 0 ? waitSeconds * 1000 : 25_000,
    clock: opts.clock ?? Date.now,
    redact: quickRedact,
    redactFull: redactText,
    async close() {
      sessions.close();
      await approvals.close();
      await airlock.close();
    },
  };
}

export function serverSocketPath(home: string): string {
  return join(home, 'server.sock');
}
