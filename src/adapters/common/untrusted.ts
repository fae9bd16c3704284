import { AirlockError } from '../../errors/index.js';
import { RECORDED_MAX_CHARS, type Limit } from './limits.js';

/** A JSON object from the payload. UNTRUSTED: every value in it is still unchecked. */
export type JsonObject = Readonly<Record<string, unknown>>;

// Messages name the field in backticks and never quote its value: payload text may hold secrets.
const bad = (field: string, what: string): AirlockError => new AirlockError('input_invalid', `\`${field}\` ${what}`);

/** UNTRUSTED: `value` must be a plain JSON object (not null, not an array). */
export function asObject(value: unknown, field: string): JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw bad(field, 'must be a JSON object');
  return value as JsonObject;
}

/** UNTRUSTED: checks a string against its limit (size, then NUL / binary bytes). */
export function checkString(value: string, field: string, limit: Limit): string {
  // Fast path: a string of n UTF-16 units has at most 3n UTF-8 bytes.
  if (value.length * 3 > limit.bytes && Buffer.byteLength(value, 'utf8') > limit.bytes) {
    throw new AirlockError('input_too_large', `\`${field}\` is over ${limit.bytes} bytes`);
  }
  if (!limit.binary && value.includes('\u0000')) throw bad(field, 'contains a NUL byte');
  return value;
}

/** UNTRUSTED: `obj[key]` must be a string; missing or null is an error. */
export function requiredString(obj: JsonObject, key: string, field: string, limit: Limit): string {
  const value = obj[key];
  if (value === undefined || value === null) throw bad(field, 'is missing');
  if (typeof value !== 'string') throw bad(field, 'must be a string');
  return checkString(value, field, limit);
}

/** UNTRUSTED: like `requiredString`, and it must not be empty. */
export function nonEmptyString(obj: JsonObject, key: string, field: string, limit: Limit): string {
  const value = requiredString(obj, key, field, limit);
  if (value.length === 0) throw bad(field, 'is empty');
  return value;
}

/** UNTRUSTED: an optional string; missing or null gives `''`, any other non-string is an error. */
export function optionalString(obj: JsonObject, key: string, field: string, limit: Limit): string {
  const value = obj[key];
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') throw bad(field, 'must be a string');
  return checkString(value, field, limit);
}

/** UNTRUSTED: the first of `keys` that holds a string (older and newer spellings of one field). */
export function firstString(obj: JsonObject, keys: readonly string[], prefix: string, limit: Limit): string {
  for (const key of keys) {
    const value = optionalString(obj, key, `${prefix}${key}`, limit);
    if (value !== '') return value;
  }
  return '';
}

/** UNTRUSTED: an optional array of strings (`[]` when missing). */
export function optionalStringArray(obj: JsonObject, key: string, field: string, limit: Limit): string[] {
  const value = obj[key];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw bad(field, 'must be an array of strings');
  return value.map((item: unknown, i) => {
    if (typeof item !== 'string') throw bad(`${field}[${i}]`, 'must be a string');
    return checkString(item, `${field}[${i}]`, limit);
  });
}

/** UNTRUSTED: an optional JSON object (`{}` when missing). */
export function optionalObject(obj: JsonObject, key: string, field: string): JsonObject {
  const value = obj[key];
  if (value === undefined || value === null) return {};
  return asObject(value, field);
}

/** UNTRUSTED, recorded only: text cut to a bound instead of rejected (a long prompt must not block the user). */
export function recordedText(value: string): string {
  if (value.length <= RECORDED_MAX_CHARS) return value;
  return `${value.slice(0, RECORDED_MAX_CHARS)}\n[airlock: cut, ${value.length - RECORDED_MAX_CHARS} more characters]`;
}

/** UNTRUSTED: a recorded-only string field; missing, null or a non-string gives `''` (never blocks). */
export function recordedString(obj: JsonObject, key: string): string {
  const value = obj[key];
  return typeof value === 'string' ? recordedText(value) : '';
}

/** UNTRUSTED, recorded only: a required string field (missing or mistyped is an error) cut to the recorded bound. */
export function recordedRequired(obj: JsonObject, key: string, field: string): string {
  const value = obj[key];
  if (value === undefined || value === null) throw bad(field, 'is missing');
  if (typeof value !== 'string') throw bad(field, 'must be a string');
  return recordedText(value);
}
