/**
 * Bounded, non-blocking reads of files that a repository (or anyone) may have put in our way.
 *
 * UNTRUSTED: a cloned repository can carry a symlink to `/dev/zero`, a FIFO that never delivers EOF, or a
 * 2 GB file where a policy or a config is expected. A plain `readFileSync` blocks forever on the FIFO and
 * reads without end from the device — a killed hook is a pass in every client — so every file Airlock
 * reads from a place it does not own goes through here:
 * - the file is opened with O_NONBLOCK, so opening a FIFO returns at once instead of waiting for a writer;
 * - the *opened descriptor* is checked (fstat) to be a regular file, so a swap between a check and the open
 *   cannot smuggle a device or a FIFO in;
 * - at most `maxBytes + 1` bytes are read, so a file larger than the cap is refused, never buffered.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { AirlockError, type ErrorCode } from '../errors/index.js';

const KiB = 1024;

/** The caps, as data: what a sane file of each kind can weigh. */
export const READ_LIMITS = {
  /** One `.cedar` policy file. The bundled pack is about 14 KiB in all. */
  policyFile: 256 * KiB,
  /**
   * All policy files of one layer together. Compiling costs about 0.5 ms per policy here, so 512 KiB
   * (some 4,000 small policies) still compiles in a couple of seconds, inside every client's hook deadline.
   */
  policyLayer: 512 * KiB,
  /** `.cedar` files read from one folder. */
  policyFiles: 256,
  /** `config.json` of a layer. */
  config: 256 * KiB,
  /** Git metadata read for context (`.git/config`, `HEAD`, a `.git` file). */
  gitMeta: 256 * KiB,
} as const;

/** Why a file was refused: stable, short, and never the file's content. */
export type RefusalReason = 'missing' | 'not_regular' | 'too_large' | 'unreadable';

export type BoundedRead = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly reason: RefusalReason; readonly message: string };

/** Reads `path` as UTF-8 when it is a regular file of at most `maxBytes`; never blocks, never throws. */
export function readBounded(path: string, maxBytes: number): BoundedRead {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, reason: 'missing', message: `${path} does not exist` };
    return { ok: false, reason: 'unreadable', message: `${path} cannot be opened (${code ?? 'error'})` };
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { ok: false, reason: 'not_regular', message: `${path} is not a regular file (a FIFO, device, socket or folder is never read)` };
    if (st.size > maxBytes) return { ok: false, reason: 'too_large', message: `${path} is larger than ${maxBytes} bytes` };
    // INVARIANT: never more than maxBytes + 1 bytes are read, whatever the size says (a file can grow).
    const buf = Buffer.alloc(Math.min(maxBytes + 1, Math.max(st.size + 1, 1)));
    let got = 0;
    for (;;) {
      if (got === buf.length) {
        if (buf.length > maxBytes) return { ok: false, reason: 'too_large', message: `${path} is larger than ${maxBytes} bytes` };
        break;
      }
      const n = readSync(fd, buf, got, buf.length - got, null);
      if (n === 0) break;
      got += n;
    }
    if (got > maxBytes) return { ok: false, reason: 'too_large', message: `${path} is larger than ${maxBytes} bytes` };
    return { ok: true, text: buf.subarray(0, got).toString('utf8') };
  } catch (err) {
    return { ok: false, reason: 'unreadable', message: `${path} cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})` };
  } finally {
    closeSync(fd);
  }
}

/** The text of `path`, `undefined` when it does not exist; any other refusal throws `code` (callers fail closed). */
export function readBoundedOrThrow(path: string, maxBytes: number, code: ErrorCode): string | undefined {
  const r = readBounded(path, maxBytes);
  if (r.ok) return r.text;
  if (r.reason === 'missing') return undefined;
  throw new AirlockError(code, r.message);
}
