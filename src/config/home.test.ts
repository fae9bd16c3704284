import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SessionStore } from '../session/store.js';
import { secureStateDir } from './home.js';

const root = mkdtempSync(join(tmpdir(), 'airlock-home-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const mode = (p: string): number => statSync(p).mode & 0o777;

describe('secureStateDir', () => {
  it('creates a missing home 0700', () => {
    const home = join(root, 'fresh', 'deep');
    secureStateDir(home);
    expect(mode(home)).toBe(0o700);
  });

  it('tightens an existing home with loose modes: folder, databases, WAL, keys; public keys stay readable', () => {
    const home = join(root, 'loose');
    mkdirSync(join(home, 'keys'), { recursive: true });
    chmodSync(home, 0o755);
    chmodSync(join(home, 'keys'), 0o755);
    for (const f of ['audit.db', 'audit.db-wal', 'approvals.db-shm', 'server.token']) writeFileSync(join(home, f), 'x', { mode: 0o644 });
    writeFileSync(join(home, 'keys', 'audit-signing.key'), 'k', { mode: 0o644 });
    writeFileSync(join(home, 'keys', 'audit-signing.pub'), 'p', { mode: 0o644 });
    secureStateDir(home);
    expect(mode(home)).toBe(0o700);
    expect(mode(join(home, 'keys'))).toBe(0o700);
    for (const f of ['audit.db', 'audit.db-wal', 'approvals.db-shm', 'server.token']) expect(mode(join(home, f)), f).toBe(0o600);
    expect(mode(join(home, 'keys', 'audit-signing.key'))).toBe(0o600);
    expect(mode(join(home, 'keys', 'audit-signing.pub'))).toBe(0o644);
  });

  it('refuses a home that belongs to another user, and a path that is a file', () => {
    const foreign = join(root, 'foreign');
    mkdirSync(foreign, { mode: 0o700 });
    chownSync(foreign, 65534, 65534);
    expect(() => secureStateDir(foreign)).toThrow(/belongs to another user/);
    const file = join(root, 'file');
    writeFileSync(file, '');
    expect(() => secureStateDir(file)).toThrow();
  });
});

describe('the session store', () => {
  it('keeps sessions.db and its -wal and -shm files 0600 from the start', () => {
    const home = join(root, 'sessions');
    const s = new SessionStore(home);
    s.setPrompt('sess', 'hello', 1);
    for (const f of ['sessions.db', 'sessions.db-wal', 'sessions.db-shm']) expect(mode(join(home, f)), f).toBe(0o600);
    s.close();
  });
});
