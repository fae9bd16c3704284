/**
 * The one error base class. Codes are stable, stage-prefixed and snake_case (OPA's convention);
 * messages are lower-case, name user input in backticks and never carry secrets (Cedar's guide).
 */
export type ErrorCode =
  | 'input_invalid_json'
  | 'input_too_large'
  | 'input_binary'
  | 'input_invalid'
  | 'analyze_parse_error'
  | 'analyze_limit_exceeded'
  | 'analyze_internal_error'
  | 'policy_parse_error'
  | 'policy_validation_error'
  | 'policy_missing'
  | 'policy_evaluation_error'
  | 'policy_test_failed'
  | 'config_invalid'
  | 'audit_unwritable'
  | 'audit_corrupt'
  | 'audit_not_found'
  | 'audit_key_invalid'
  | 'approval_invalid'
  | 'approval_not_found'
  | 'approval_not_pending'
  | 'approval_expired'
  | 'internal_error'
  | 'usage_error';

export class AirlockError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AirlockError';
    this.code = code;
  }
}

/** Any thrown value as an AirlockError, without leaking foreign messages that might hold secrets. */
export function asAirlockError(err: unknown, fallback: ErrorCode = 'internal_error'): AirlockError {
  if (err instanceof AirlockError) return err;
  const msg = err instanceof Error ? err.message : String(err);
  // Foreign messages are cut short: they are for diagnosis, not for carrying payloads.
  return new AirlockError(fallback, msg.slice(0, 300), { cause: err });
}
