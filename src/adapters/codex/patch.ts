/** One file an `apply_patch` patch touches. */
export interface PatchTarget {
  readonly op: 'add' | 'update' | 'delete' | 'move';
  readonly path: string;
}

const HEADER = /^\*\*\* (Add|Update|Delete) File: (.+)$/;
const MOVE = /^\*\*\* Move to: (.+)$/;

/**
 * UNTRUSTED: the files a Codex `apply_patch` patch names (`*** Add File: p`, `*** Update File: p`,
 * `*** Delete File: p`, `*** Move to: p`), in order. Only headers are read; hunks are left to policy as content.
 */
export function patchTargets(patch: string): PatchTarget[] {
  const targets: PatchTarget[] = [];
  for (const raw of patch.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const header = HEADER.exec(line);
    if (header?.[1] !== undefined && header[2] !== undefined) {
      targets.push({ op: header[1].toLowerCase() as PatchTarget['op'], path: header[2].trim() });
      continue;
    }
    const move = MOVE.exec(line);
    if (move?.[1] !== undefined) targets.push({ op: 'move', path: move[1].trim() });
  }
  return targets;
}
