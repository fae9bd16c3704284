/**
 * Maps audit events to OCSF 1.3 records a SIEM ingests: Process Activity (1007) for executions,
 * API Activity (6003) for decisions and session events, Authorize Session (3003) for approvals and
 * credentials granted. Framework tags travel as `metadata.labels`; the verdict uses the Security
 * Control profile (`action_id`, `disposition_id`, `policy`). Airlock's own fields stay in `unmapped`.
 */
import type { Verdict } from '../model/index.js';
import type { HashedEvent } from './event.js';
import { decisionOf } from './replay.js';

/** The OCSF schema version the records follow (`metadata.version`). */
export const OCSF_VERSION = '1.3.0';

type Record_ = Record<string, unknown>;

const CLASSES = {
  process: { class_uid: 1007, class_name: 'Process Activity', category_uid: 1, category_name: 'System Activity' },
  api: { class_uid: 6003, class_name: 'API Activity', category_uid: 6, category_name: 'Application Activity' },
  authorize: { class_uid: 3003, class_name: 'Authorize Session', category_uid: 3, category_name: 'Identity & Access Management' },
} as const;

// Security Control profile: action 1 Allowed / 2 Denied; disposition 1 Allowed, 2 Blocked, 8 Approved,
// 23 Challenge (held for a human), 25 Rejected, 99 Other.
const VERDICT: Readonly<Record<Verdict, { action_id: number; disposition_id: number; disposition: string; severity_id: number }>> = {
  allow: { action_id: 1, disposition_id: 1, disposition: 'Allowed', severity_id: 1 },
  ask: { action_id: 2, disposition_id: 23, disposition: 'Challenge', severity_id: 2 },
  deny: { action_id: 2, disposition_id: 2, disposition: 'Blocked', severity_id: 3 },
};
const SEVERITY = ['Unknown', 'Informational', 'Low', 'Medium', 'High'];
const ACTIVITY: Readonly<Record<number, string>> = { 1: 'Create', 2: 'Read', 3: 'Update', 4: 'Delete', 99: 'Other' };

/** The OCSF record of one event. */
export function toOcsf(e: HashedEvent): Record_ {
  const specific = mapSpecific(e);
  const cls = CLASSES[specific.cls];
  const severity_id = specific.severity_id ?? 1;
  const ok = specific.ok ?? true;
  return {
    ...cls,
    activity_id: specific.activity_id,
    activity_name: specific.activity_name,
    type_uid: cls.class_uid * 100 + specific.activity_id,
    type_name: `${cls.class_name}: ${specific.activity_name}`,
    time: Date.parse(e.time),
    severity_id,
    severity: SEVERITY[severity_id],
    status_id: ok ? 1 : 2,
    status: ok ? 'Success' : 'Failure',
    metadata: {
      version: OCSF_VERSION,
      product: { name: 'Airlock', vendor_name: 'Airlock', feature: { name: 'audit' } },
      uid: e.id,
      correlation_uid: decisionOf(e) || e.principal.session,
      sequence: e.idx,
      log_name: 'airlock-audit',
      log_provider: 'airlock',
      original_time: e.time,
      labels: e.type === 'decision' ? e.data.tags : [],
      ...(specific.profiles ? { profiles: specific.profiles } : {}),
    },
    actor: {
      user: { name: e.principal.user, uid: e.principal.user },
      session: { uid: e.principal.session },
      app_name: e.principal.agent,
    },
    src_endpoint: { name: e.principal.client },
    ...specific.fields,
    unmapped: { airlock: { v: e.v, type: e.type, seq: e.seq, hash: e.hash, prev: e.prev, env: e.env, repo: e.repo, redacted: e.redacted, data: e.data } },
  };
}

interface Specific {
  readonly cls: keyof typeof CLASSES;
  readonly activity_id: number;
  readonly activity_name: string;
  readonly severity_id?: number;
  readonly ok?: boolean;
  readonly profiles?: readonly string[];
  readonly fields: Record_;
}

const api = (activity_id: number, operation: string, fields: Record_ = {}, extra: Partial<Specific> = {}): Specific => ({
  cls: 'api',
  activity_id,
  activity_name: ACTIVITY[activity_id] ?? 'Other',
  fields: { api: { operation, service: { name: 'airlock' } }, ...fields },
  ...extra,
});

const grant = (e: HashedEvent, privileges: readonly string[], ok: boolean, control: Record_): Specific => ({
  cls: 'authorize',
  activity_id: 1,
  activity_name: 'Assign Privileges',
  ok,
  profiles: ['security_control'],
  fields: { user: { name: e.principal.user, uid: e.principal.user }, session: { uid: e.principal.session }, privileges, ...control },
});

function mapSpecific(e: HashedEvent): Specific {
  switch (e.type) {
    case 'decision': {
      const v = VERDICT[e.data.decision];
      const first = e.data.reasons[0];
      return api(99, 'decide', {
        resources: [{ type: 'shell.command', name: e.data.request.command, data: { cwd: e.data.request.cwd, effects: e.data.effects.map((x) => x.kind) } }],
        action_id: v.action_id,
        action: v.action_id === 1 ? 'Allowed' : 'Denied',
        disposition_id: v.disposition_id,
        disposition: v.disposition,
        is_alert: e.data.decision === 'deny',
        ...(first ? { policy: { uid: first.policy, name: first.policy, desc: first.reason, version: e.data.policy_digest } } : {}),
        message: e.data.reasons.map((r) => `${r.policy}: ${r.reason}`).join('; '),
      }, { severity_id: v.severity_id, profiles: ['security_control'], activity_name: 'Decide' });
    }
    case 'approval.requested':
      return api(1, 'approval.request', { message: `approval requested via ${e.data.channel}` }, { severity_id: 2 });
    case 'approval.granted':
      return grant(e, [`approve:${e.data.decision_id}`], true, { actor: { user: { name: e.data.approver, uid: e.data.approver } }, action_id: 1, disposition_id: 8, disposition: 'Approved' });
    case 'approval.refused':
      return grant(e, [`approve:${e.data.decision_id}`], false, { actor: { user: { name: e.data.approver, uid: e.data.approver } }, action_id: 2, disposition_id: 25, disposition: 'Rejected', status_detail: e.data.reason });
    case 'approval.expired':
      return grant(e, [`approve:${e.data.decision_id}`], false, { action_id: 2, disposition_id: 99, disposition: 'Expired' });
    case 'credential.issued':
      return grant(e, e.data.scopes.length ? e.data.scopes : [e.data.provider], true, { action_id: 1, disposition_id: 1, disposition: 'Allowed' });
    case 'credential.revoked':
      return api(4, 'credential.revoke', { message: e.data.reason });
    case 'exec.started':
      return { cls: 'process', activity_id: 1, activity_name: 'Launch', fields: { process: { cmd_line: e.data.argv.join(' '), name: e.data.argv[0] ?? '', working_directory: e.data.cwd } } };
    case 'exec.finished':
      return {
        cls: 'process',
        activity_id: 2,
        activity_name: 'Terminate',
        ok: e.data.exit_code === 0,
        fields: { process: { name: '' }, exit_code: e.data.exit_code, duration: e.data.duration_ms, message: e.data.output_excerpt },
      };
    case 'session.start':
      return api(1, 'session.start', { message: e.data.source });
    case 'session.end':
      return api(4, 'session.end', { message: e.data.reason });
    case 'prompt':
      return api(1, 'prompt.submit', { message: e.data.prompt });
    case 'error':
      return api(99, 'error', { message: e.data.message, status_code: e.data.code }, { ok: false, severity_id: 3 });
  }
}
