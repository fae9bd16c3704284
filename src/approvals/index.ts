/**
 * Approvals: an approval-gated ("ask") action becomes a request bound to the digest of exactly what
 * will run; a grant is single use, expires, and never comes from the requester's own session.
 * Fatigue: repeated approvals of one kind of action are noticed, and a narrow policy is suggested.
 */
export type { ApprovalFilter, ApprovalRecord, ApprovalRequestInput, ApprovalService, ApprovalStatus, Approver } from './types.js';
export { approvalDigest, type DigestInput } from './digest.js';
export { openApprovals, approvalsPath } from './sqlite-store.js';
export { DEFAULT_TTL_MS, type ApprovalStore, type ApprovalsOptions, type ClientAnswer } from './store.js';
export { ASSISTANT_ENV_VARS, INSIDE_ASSISTANT_MESSAGE, assistantMarkers, insideAssistant, checkApprover } from './self-approval.js';
export { kindOf, kindTarget, describeKind, type ActionKind, type KindElement, type KindTarget } from './kind.js';
export { noticeFatigue, groupApprovals, FATIGUE_THRESHOLD, FATIGUE_WINDOW_MS, type KindGroup, type FatigueOptions } from './fatigue.js';
export {
  suggestPolicies, NEVER_AUTOMATIC,
  type SuggestOptions, type Suggestions, type KindSuggestion, type NarrowedPolicy, type SkippedKind,
} from './suggest.js';
export { acceptedKinds, type AcceptedKind } from './suggest-marker.js';
export { NARROWED_SUFFIX } from './suggest-text.js';
export { terminalSafe, oneLine, duration } from './display.js';
