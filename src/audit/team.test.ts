import { describe, it, expect } from 'vitest';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { promptEvent } from './builders.js';
import { auditPaths, trustKey } from './home.js';
import { openAuditStore } from './open.js';
import { verify } from './verify.js';
import { context } from './testdata/fixtures.js';
import { PG_URL, testStore } from './testdata/stores.js';

describe('a team store shared by two installations (PostgreSQL)', () => {
  it('verifies the other host’s checkpoints once its key is trusted', async () => {
    const schema = `airlock_test_team_${Date.now().toString(36)}`;
    const url = `${PG_URL}?schema=${schema}`;
    const homes = [mkdtempSync(join(tmpdir(), 'airlock-host-a-')), mkdtempSync(join(tmpdir(), 'airlock-host-b-'))] as const;
    try {
      const [a, b] = await Promise.all(homes.map((home) => openAuditStore({ home, url })));
      await a!.append(promptEvent(context('s-a'), 'from host a'));
      await a!.checkpoint();
      await b!.append(promptEvent(context('s-b'), 'from host b'));
      await b!.checkpoint();
      const before = await verify(a!);
      expect(before.findings.map((f) => f.kind)).toEqual(['checkpoint_untrusted']);
      trustKey(homes[0], readFileSync(auditPaths(homes[1]).publicKey, 'utf8'));
      expect(await verify(a!)).toMatchObject({ ok: true, events: 2, checkpoints: 2 });
      await Promise.all([a!.close(), b!.close()]);
    } finally {
      for (const home of homes) rmSync(home, { recursive: true, force: true });
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await c.end();
    }
  });
});

describe('keys', () => {
  it('refuses a signing key that others can read', async () => {
    const t = testStore('sqlite');
    try {
      await (await t.open()).close();
      chmodSync(auditPaths(t.home).signingKey, 0o644);
      await expect(t.open()).rejects.toMatchObject({ code: 'audit_key_invalid' });
    } finally {
      await t.cleanup();
    }
  });
});
