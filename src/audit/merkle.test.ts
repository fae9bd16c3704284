import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { EMPTY_ROOT, MerkleFrontier, leafHash, merkleRoot, nodeHash } from './merkle.js';

// The leaves of the RFC 6962 reference tests (certificate-transparency merkle_tree_test), with the
// tree heads for the first 1..8 of them, computed with the recursive definition and pinned.
const LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map(
  (h) => Buffer.from(h, 'hex'),
);
const ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

describe('RFC 6962 merkle hashing', () => {
  it('hashes the empty tree to sha256("")', () => {
    expect(EMPTY_ROOT.toString('hex')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(merkleRoot([]).toString('hex')).toBe(EMPTY_ROOT.toString('hex'));
    expect(MerkleFrontier.empty().root().toString('hex')).toBe(EMPTY_ROOT.toString('hex'));
  });

  it('separates leaves from nodes with 0x00 / 0x01 prefixes', () => {
    expect(leafHash(new Uint8Array(0)).toString('hex')).toBe(ROOTS[0]);
    const l = leafHash(Buffer.from('a'));
    expect(nodeHash(l, l).equals(leafHash(Buffer.concat([l, l])))).toBe(false);
  });

  it.each(ROOTS.map((root, i) => [i + 1, root] as const))('matches the pinned head of the first %i reference leaves', (n, root) => {
    expect(merkleRoot(LEAVES.slice(0, n)).toString('hex')).toBe(root);
    const f = MerkleFrontier.empty();
    for (const leaf of LEAVES.slice(0, n)) f.push(leaf);
    expect(f.root().toString('hex')).toBe(root);
  });

  it('frontier equals the recursive definition for every size, and survives save / restore', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ minLength: 32, maxLength: 32 }), { maxLength: 70 }), fc.nat(), (leaves, cut) => {
        const f = MerkleFrontier.empty();
        const at = leaves.length === 0 ? 0 : cut % (leaves.length + 1);
        leaves.slice(0, at).forEach((l) => f.push(l));
        const g = MerkleFrontier.restore(f.size, f.toJSON());
        leaves.slice(at).forEach((l) => g.push(l));
        expect(g.root().equals(merkleRoot(leaves))).toBe(true);
      }),
    );
  });

  it('refuses a frontier that does not fit its size', () => {
    expect(() => MerkleFrontier.restore(3, ['00'.repeat(32)])).toThrow(TypeError);
    expect(() => MerkleFrontier.restore(1, ['zz'.repeat(32)])).toThrow(TypeError);
  });
});
