import { ADAPTERS, isClientId } from '../../adapters/index.js';
import type { HookReply } from '../../model/index.js';
import type { Exit } from '../io.js';
import { readStdin } from '../io.js';
import { askServer } from '../hook-client.js';

/** Finish before the client's hook timeout (30 s as `airlock init` installs it): a killed hook is a pass. */
const DEADLINE_MS = Number(process.env.AIRLOCK_HOOK_DEADLINE_MS ?? 28_000);

/**
 * `airlock hook <client>`: the resident server decides when it runs; otherwise this process does.
 * INVARIANT: every path ends in the client's own answer; failures give its blocking answer.
 */
export async function hook(client: string, flags: { server: boolean }): Promise<Exit> {
  if (!isClientId(client)) return { code: 2, stderr: `airlock: unknown client \`${client}\`: use claude-code, gemini-cli, cursor or codex\n` };
  const adapter = ADAPTERS[client];
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<HookReply>((resolve) => {
    timer = setTimeout(() => resolve(adapter.renderFailure('the decision did not finish in time')), DEADLINE_MS);
  });
  try {
    const reply = await Promise.race([answer(client, flags), deadline]);
    return { code: reply.exitCode, stdout: reply.stdout, stderr: reply.stderr };
  } catch (err) {
    const reply = adapter.renderFailure(err instanceof Error ? err.message : String(err));
    return { code: reply.exitCode, stdout: reply.stdout, stderr: reply.stderr };
  } finally {
    clearTimeout(timer);
  }
}

async function answer(client: Parameters<typeof handle>[0], flags: { server: boolean }): Promise<HookReply> {
  const raw = (await readStdin(32 * 1024 * 1024)).toString('utf8');
  if (flags.server) {
    const viaServer = await askServer(client, raw);
    if (viaServer) return viaServer;
  }
  return handle(client, raw);
}

/** In-process decision: the fallback when no server answers. */
async function handle(client: 'claude-code' | 'gemini-cli' | 'cursor' | 'codex', raw: string): Promise<HookReply> {
  const [{ openRuntime }, { handleHook }] = await Promise.all([import('../../pipeline/runtime.js'), import('../../pipeline/hook.js')]);
  const rt = await openRuntime({ coldStart: true });
  try {
    return await handleHook(client, raw, rt);
  } finally {
    await rt.close();
  }
}
