import { describe, it, expect } from 'vitest';
import { generateEd25519, signEd25519 } from '../crypto/index.js';
import { checkpointBody, checkpointNote, checkSignature, keyHint, parseCheckpoint, signCheckpoint } from './checkpoint.js';
import { nextCheckpoint, parseCheckpointRow } from './checkpointing.js';
import { merkleRoot } from './merkle.js';

const { privateKeyPem, publicKeyPem } = generateEd25519();
const signer = { name: 'airlock-audit', publicKeyPem, sign: (m: string) => signEd25519(privateKeyPem, m) };
const hashes = Array.from({ length: 7 }, (_, i) => String(i).repeat(64).slice(0, 64).replace(/[^0-9a-f]/g, 'a'));

describe('checkpoints', () => {
  it('sign the C2SP body: origin, size, base64 root, then time and prev lines', () => {
    const cp = signCheckpoint({ origin: 'airlock-audit/log_x', size: 3, root: 'ab'.repeat(32), time: '2026-06-01T00:00:00.000Z', prev: '' }, signer);
    expect(checkpointBody(cp)).toBe(`airlock-audit/log_x\n3\n${Buffer.from('ab'.repeat(32), 'hex').toString('base64')}\ntime 2026-06-01T00:00:00.000Z\nprev -\n`);
    expect(cp.key_id).toBe(keyHint('airlock-audit', publicKeyPem));
    expect(checkSignature(cp, [{ name: 'airlock-audit', publicKeyPem }])).toBe('valid');
    expect(checkSignature({ ...cp, size: 4 }, [{ name: 'airlock-audit', publicKeyPem }])).toBe('invalid');
    expect(checkSignature(cp, [{ name: 'airlock-audit', publicKeyPem: generateEd25519().publicKeyPem }])).toBe('untrusted');
    expect(checkpointNote(cp)).toMatch(/\n\n\u2014 airlock-audit [A-Za-z0-9+/=]{90,}\n$/);
    expect(parseCheckpoint(JSON.stringify(cp))).toEqual(cp);
    expect(parseCheckpoint(JSON.stringify({ ...cp, root: 'zz' }))).toBeUndefined();
    expect(parseCheckpoint('{')).toBeUndefined();
  });

  it('extend the tree head from the stored frontier and chain to the previous checkpoint', () => {
    const ctx = { origin: 'airlock-audit/log_x', signer, time: '2026-06-01T00:00:00.000Z', force: false };
    const first = nextCheckpoint({ size: 3, hashes: hashes.slice(0, 3) }, ctx)!;
    const second = nextCheckpoint({ size: 7, last: first, hashes: hashes.slice(3) }, ctx)!;
    const parsed = parseCheckpointRow(second)!;
    expect(parsed.checkpoint.root).toBe(merkleRoot(hashes.map((h) => Buffer.from(h, 'hex'))).toString('hex'));
    expect(parsed.checkpoint.prev).toMatch(/^[0-9a-f]{64}$/);
    expect(nextCheckpoint({ size: 7, last: second, hashes: [] }, ctx)).toBeUndefined();
    expect(nextCheckpoint({ size: 0, hashes: [] }, ctx)).toBeUndefined();
    expect(nextCheckpoint({ size: 0, hashes: [] }, { ...ctx, force: true })?.size).toBe(0);
  });

  it('refuse to extend a damaged state', () => {
    const ctx = { origin: 'o', signer, time: 't', force: false };
    const first = nextCheckpoint({ size: 3, hashes: hashes.slice(0, 3) }, ctx)!;
    expect(() => nextCheckpoint({ size: 5, last: { ...first, frontier: JSON.stringify(['00'.repeat(32), '11'.repeat(32)]) }, hashes: hashes.slice(3, 5) }, ctx)).toThrow(/frontier/);
    expect(() => nextCheckpoint({ size: 5, last: first, hashes: hashes.slice(3, 4) }, ctx)).toThrow(/gaps/);
    expect(() => nextCheckpoint({ size: 2, last: first, hashes: [] }, ctx)).toThrow(/checkpointed at 3/);
  });
});
