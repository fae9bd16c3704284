/**
 * The audit log: versioned events, hash-chained per log and per session, checkpointed as signed
 * RFC 6962 tree heads, redacted before storage, kept in SQLite (embedded) or PostgreSQL (teams).
 *
 * The pipeline appends with `store.append(decisionEvent({ decision, context, command }))`; an
 * `audit_unwritable` error from it means deny. The CLI reads with verify, replay and the exports.
 */
export { openAuditStore, type OpenOptions } from './open.js';
export type { AuditStore, Appended, EventFilter } from './store.js';
export {
  EVENT_TYPES,
  GENESIS,
  type AuditEvent,
  type AuditEventType,
  type AuditInput,
  type DecisionData,
  type EventData,
  type HashedEvent,
  type Principal,
  type RepoRef,
} from './event.js';
export {
  auditEvent,
  decisionEvent,
  sessionStartEvent,
  sessionEndEvent,
  promptEvent,
  approvalRequestedEvent,
  approvalGrantedEvent,
  approvalRefusedEvent,
  approvalExpiredEvent,
  execStartedEvent,
  execFinishedEvent,
  credentialIssuedEvent,
  credentialRevokedEvent,
  errorEvent,
  excerpt,
  type EventScope,
} from './builders.js';
export { verify, type VerifyOptions, type VerifyReport } from './verify.js';
export { FINDING_KINDS, type Finding, type FindingKind } from './findings.js';
export { replay, buildTimeline, type Timeline, type TimelineEntry, type CommandStep } from './replay.js';
export { exportJsonl, exportOcsf } from './export.js';
export { toOcsf, OCSF_VERSION } from './ocsf.js';
export { checkpointNote, keyHint, parseCheckpoint, type SignedCheckpoint, type TrustedKey } from './checkpoint.js';
export { auditPaths, trustKey, KEY_NAME } from './home.js';

import type { AuditStore } from './store.js';
import type { SignedCheckpoint } from './checkpoint.js';

/** Signs a checkpoint over the whole log now (when it grew) and returns the newest one. */
export function checkpoint(store: AuditStore): Promise<SignedCheckpoint> {
  return store.checkpoint();
}
