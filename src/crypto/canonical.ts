/**
 * Canonical JSON in the manner of RFC 8785 (JCS): object keys sorted by UTF-16 code units, no
 * whitespace, strings and numbers written as ECMAScript's `JSON.stringify` writes them. Equal values
 * always give byte-identical text, which is what a hash chain needs.
 */

/** A subtree that was already canonically encoded (by {@link canonicalJson}); spliced in verbatim. */
export class PreEncoded {
  /** @param json - output of {@link canonicalJson}; never arbitrary text. */
  constructor(readonly json: string) {}
}

/**
 * Encodes `value` canonically. Accepts null, booleans, finite numbers, strings, arrays, plain objects
 * and {@link PreEncoded}; object properties whose value is `undefined` are omitted (as in JSON).
 *
 * @throws TypeError on non-finite numbers, bigints, functions, symbols, `undefined` array items,
 * non-plain objects (Date, Map, class instances) and cycles.
 */
export function canonicalJson(value: unknown): string {
  return encode(value, new Set());
}

function encode(value: unknown, seen: Set<object>): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      // INVARIANT: JSON has no NaN or Infinity; silently writing `null` would break round trips.
      if (!Number.isFinite(value)) throw new TypeError('canonical json: non-finite number');
      return JSON.stringify(value);
    case 'object':
      if (value === null) return 'null';
      if (value instanceof PreEncoded) return value.json;
      return encodeObject(value, seen);
    default:
      throw new TypeError(`canonical json: unsupported ${typeof value}`);
  }
}

function encodeObject(value: object, seen: Set<object>): string {
  if (seen.has(value)) throw new TypeError('canonical json: cycle');
  seen.add(value);
  let out: string;
  if (Array.isArray(value)) {
    const items = (value as unknown[]).map((item) => {
      if (item === undefined) throw new TypeError('canonical json: undefined array item');
      return encode(item, seen);
    });
    out = `[${items.join(',')}]`;
  } else {
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) throw new TypeError('canonical json: not a plain object');
    const record = value as Record<string, unknown>;
    // Default sort compares UTF-16 code units, exactly what RFC 8785 §3.2.3 prescribes.
    const keys = Object.keys(record).filter((k) => record[k] !== undefined).sort();
    out = `{${keys.map((k) => `${JSON.stringify(k)}:${encode(record[k], seen)}`).join(',')}}`;
  }
  seen.delete(value);
  return out;
}
