import { describe, it, expect } from 'vitest';
import { ed25519PublicFromPrivate, ed25519PublicKeyRaw, generateEd25519, signEd25519, verifyEd25519 } from './ed25519.js';

// RFC 8032 §7.1, TEST 1 (empty message).
const SECRET = '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60';
const PUBLIC = 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a';
const SIGNATURE =
  'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b';

function pkcs8Pem(secretHex: string): string {
  const der = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), Buffer.from(secretHex, 'hex')]);
  return `-----BEGIN PRIVATE KEY-----\n${der.toString('base64')}\n-----END PRIVATE KEY-----\n`;
}

describe('ed25519', () => {
  it('matches RFC 8032 test 1', () => {
    const priv = pkcs8Pem(SECRET);
    const pub = ed25519PublicFromPrivate(priv);
    expect(Buffer.from(ed25519PublicKeyRaw(pub)).toString('hex')).toBe(PUBLIC);
    expect(Buffer.from(signEd25519(priv, new Uint8Array(0))).toString('hex')).toBe(SIGNATURE);
    expect(verifyEd25519(pub, '', Buffer.from(SIGNATURE, 'hex'))).toBe(true);
  });

  it('round-trips a generated key and rejects tampering', () => {
    const { privateKeyPem, publicKeyPem } = generateEd25519();
    const sig = signEd25519(privateKeyPem, 'checkpoint body');
    expect(sig).toHaveLength(64);
    expect(verifyEd25519(publicKeyPem, 'checkpoint body', sig)).toBe(true);
    expect(verifyEd25519(publicKeyPem, 'checkpoint bodY', sig)).toBe(false);
    const bad = Uint8Array.from(sig);
    bad[0] = (bad[0] ?? 0) ^ 1;
    expect(verifyEd25519(publicKeyPem, 'checkpoint body', bad)).toBe(false);
    expect(verifyEd25519(generateEd25519().publicKeyPem, 'checkpoint body', sig)).toBe(false);
  });

  it('answers false, not an exception, for malformed keys and signatures', () => {
    expect(verifyEd25519('not a pem', 'x', new Uint8Array(64))).toBe(false);
    const { publicKeyPem } = generateEd25519();
    expect(verifyEd25519(publicKeyPem, 'x', new Uint8Array(3))).toBe(false);
  });
});
