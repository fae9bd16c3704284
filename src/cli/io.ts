/** The CLI's only contact with the terminal: commands return an Exit, main prints it once. */
export interface Exit {
  readonly code: number;
  readonly stdout?: string;
  readonly stderr?: string;
}

export const EXIT = { allow: 0, usage: 2, ask: 10, deny: 20 } as const;

/** Reads all of stdin as a Buffer (UNTRUSTED input); bounded so a runaway producer cannot exhaust memory. */
export async function readStdin(limitBytes = 64 * 1024 * 1024): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limitBytes) throw new Error(`stdin exceeds ${limitBytes} bytes`);
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}
