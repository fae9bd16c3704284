/**
 * The server's own errors: stable, stage-prefixed codes (`server_…`) and one JSON shape for every error
 * answer. Messages are lower-case, never carry a stack, a token or the request's payload.
 */

/** Every code the server answers or fails with. */
export type ServerErrorCode =
  | 'server_unauthorized'
  | 'server_not_found'
  | 'server_unknown_client'
  | 'server_body_too_large'
  | 'server_body_unreadable'
  | 'server_invalid_request'
  | 'server_shutting_down'
  | 'server_internal_error'
  | 'server_already_running'
  | 'server_socket_path_taken'
  | 'server_host_not_loopback'
  | 'server_listen_failed'
  | 'server_token_unusable';

/** A start-up or request failure with a stable code. */
export class ServerError extends Error {
  readonly code: ServerErrorCode;
  constructor(code: ServerErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ServerError';
    this.code = code;
  }
}

/** The versioned body of every error answer: `{v:1, error:{code, message}}`. */
export interface ErrorBody {
  readonly v: 1;
  readonly error: { readonly code: ServerErrorCode; readonly message: string };
}

/** The error answer for `code`; `message` must already be free of secrets and payload text. */
export function errorBody(code: ServerErrorCode, message: string): ErrorBody {
  return { v: 1, error: { code, message } };
}
