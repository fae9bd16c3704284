/**
 * Token comparison whose time does not depend on where the strings differ. `src/crypto` (the only user of
 * `node:crypto`) exports no `timingSafeEqual`, so this is the classic XOR-accumulate loop.
 */

/**
 * True when `a` and `b` are the same string. Runs over the longer input whatever the content; a length
 * mismatch only reveals the length, which for a fixed-size token is public anyway.
 */
export function constantTimeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  const n = Math.max(x.length, y.length);
  let diff = x.length ^ y.length;
  for (let i = 0; i < n; i++) diff |= (x[i] ?? 0) ^ (y[i] ?? 0);
  return diff === 0;
}
