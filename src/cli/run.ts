import type { Exit } from './io.js';

/** Runs a lazily loaded command and applies its Exit: the CLI's single exit point. */
export type Runner = (load: () => Promise<Exit>) => Promise<void>;

export const runCommand: Runner = async (load) => {
  let exit: Exit;
  try {
    exit = await load();
  } catch (err) {
    exit = { code: 2, stderr: `airlock: ${err instanceof Error ? err.message : String(err)}\n` };
  }
  if (exit.stdout) process.stdout.write(exit.stdout);
  if (exit.stderr) process.stderr.write(exit.stderr);
  process.exitCode = exit.code;
};
