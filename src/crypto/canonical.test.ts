import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { canonicalJson, PreEncoded } from './canonical.js';

describe('canonicalJson', () => {
  it('sorts keys by UTF-16 code units (RFC 8785 §3.2.3 example)', () => {
    const value = { '\u20ac': 'Euro Sign', '\r': 'Carriage Return', '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One', '\ud83d\ude00': 'Emoji: Grinning Face', '\u0080': 'Control', '\u00f6': 'Latin Small Letter O With Diaeresis' };
    const keys = Object.keys(JSON.parse(canonicalJson(value)) as object);
    // JSON.parse re-orders integer-like keys first, so compare the text instead.
    expect(keys).toContain('1');
    const text = canonicalJson(value);
    const order = ['\r', '1', '\u0080', '\u00f6', '\u20ac', '\ud83d\ude00', '\ufb33'].map((k) => text.indexOf(JSON.stringify(k)));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('writes no whitespace and numbers the ECMAScript way', () => {
    expect(canonicalJson({ b: [1, 2.5, -0, 1e21, 1e-7], a: { d: true, c: null } })).toBe(
      '{"a":{"c":null,"d":true},"b":[1,2.5,0,1e+21,1e-7]}',
    );
  });

  it('escapes strings like JSON.stringify', () => {
    expect(canonicalJson('a"b\\c\n\u0001é')).toBe('"a\\"b\\\\c\\n\\u0001é"');
  });

  it('omits undefined properties', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
  });

  it.each([
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['bigint', 1n],
    ['function', () => 1],
    ['Date', new Date(0)],
    ['Map', new Map()],
    ['undefined in array', [undefined]],
  ])('rejects %s', (_name, value) => {
    expect(() => canonicalJson({ x: value })).toThrow(TypeError);
  });

  it('rejects cycles', () => {
    const a: Record<string, unknown> = {};
    a.self = a;
    expect(() => canonicalJson(a)).toThrow(/cycle/);
  });

  it('splices pre-encoded subtrees verbatim', () => {
    expect(canonicalJson({ z: 1, a: new PreEncoded(canonicalJson({ y: 2, x: 1 })) })).toBe('{"a":{"x":1,"y":2},"z":1}');
  });

  it('is independent of key insertion order and stable under a parse round trip', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
        const reversed = JSON.parse(text, (_k, v: unknown) =>
          v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v);
        expect(canonicalJson(reversed)).toBe(text);
      }),
    );
  });
});
