// A fresh client process for the server latency bench: reads request bodies (JSON array) from stdin, sends
// them one at a time on one keep-alive connection to the Unix socket, prints [roundTripMs, serverMs] pairs.
// It writes HTTP/1.1 on the raw socket, as Airlock's own hook client does (src/cli/hook-client.ts), and
// runs apart from the bench runner so that the runner's heap and audit writes stay out of the figures.
import { connect } from 'node:net';

const [socketPath, token, roundsArg, warmArg] = process.argv.slice(2);
const rounds = Number(roundsArg ?? 3);
// A resident server is measured in its steady state: the first rounds warm the JIT and are not counted.
const warm = Number(warmArg ?? 1);
const chunks = [];
for await (const c of process.stdin) chunks.push(c);
const bodies = JSON.parse(Buffer.concat(chunks).toString('utf8'));

const sock = connect({ path: socketPath });
await new Promise((resolve, reject) => {
  sock.once('connect', resolve);
  sock.once('error', reject);
});
let buf = Buffer.alloc(0);
let waiter = null;
sock.on('data', (c) => {
  buf = Buffer.concat([buf, c]);
  waiter?.();
});

/** One response: status, Server-Timing and the body length it declares. */
function response() {
  return new Promise((resolve) => {
    waiter = () => {
      const sep = buf.indexOf('\r\n\r\n');
      if (sep < 0) return;
      const head = buf.subarray(0, sep).toString('latin1');
      const len = Number(/content-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
      if (buf.length < sep + 4 + len) return;
      buf = buf.subarray(sep + 4 + len);
      waiter = null;
      resolve({ ok: /^HTTP\/1\.1 200/.test(head), server: Number(/dur=([\d.]+)/.exec(head)?.[1] ?? NaN) });
    };
    waiter();
  });
}

const out = [];
for (let round = 0; round < rounds; round++) {
  for (const body of bodies) {
    const t = performance.now();
    sock.write(`POST /v1/decide HTTP/1.1\r\nHost: airlock\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    const r = await response();
    if (round >= warm) out.push([r.ok ? performance.now() - t : -1, r.server]);
  }
}
sock.destroy();
process.stdout.write(JSON.stringify(out));
