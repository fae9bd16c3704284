/** The digest an approval is bound to: exactly what will run, where, for whom, under which policy. */
import { canonicalJson, sha256Hex } from '../crypto/index.js';
import type { Action, RequestContext } from '../model/index.js';

/** What the digest covers. */
export interface DigestInput {
  readonly action: Action;
  readonly context: Pick<RequestContext, 'cwd' | 'env' | 'repo' | 'session'>;
  /** Digest of the policy bundle that decided (Decision.policy_digest). */
  readonly policyDigest: string;
}

/**
 * sha256 over the canonical JSON of the action (a shell command byte for byte), the working
 * directory, the environment tier, the repository root, the requester's session and the policy
 * digest. Any change to one of them is a different action and needs its own approval (PSD2 dynamic
 * linking: the code is valid only for the amount and payee it was made for).
 */
export function approvalDigest(input: DigestInput): string {
  const { action, context, policyDigest } = input;
  // INVARIANT: the command string goes in as is: no trimming or normalisation, so one byte differs → new digest.
  // The tag keeps this digest from ever equalling another Airlock digest over similar fields.
  return sha256Hex(
    canonicalJson({
      tag: 'airlock-approval-v1',
      action,
      cwd: context.cwd,
      env: context.env,
      repo: context.repo.root,
      session: context.session,
      policy: policyDigest,
    }),
  );
}
