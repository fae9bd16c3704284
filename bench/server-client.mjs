// A fresh client process for the server latency bench: reads request bodies (JSON array) from stdin, sends
// them one at a time over the Unix socket with keep-alive, prints [roundTripMs, serverMs] pairs as JSON.
// Kept apart from the bench runner so that the runner's own heap and audit writes are not in the figures.
import { Agent, request } from 'node:http';

const [socketPath, token, roundsArg] = process.argv.slice(2);
const rounds = Number(roundsArg ?? 3);
const chunks = [];
for await (const c of process.stdin) chunks.push(c);
const bodies = JSON.parse(Buffer.concat(chunks).toString('utf8'));
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
const post = (body) => new Promise((resolve) => {
  const t = performance.now();
  const req = request({ socketPath, agent, path: '/v1/decide', method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
    const server = Number(/dur=([\d.]+)/.exec(String(res.headers['server-timing'] ?? ''))?.[1] ?? NaN);
    res.resume();
    res.on('end', () => resolve([res.statusCode === 200 ? performance.now() - t : -1, server]));
  });
  req.on('error', () => resolve([-1, NaN]));
  req.end(body);
});
const out = [];
for (let round = 0; round < rounds; round++) {
  for (const b of bodies) {
    const r = await post(b);
    if (round > 0) out.push(r);
  }
}
agent.destroy();
process.stdout.write(JSON.stringify(out));
