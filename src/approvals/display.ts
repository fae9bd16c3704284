/**
 * Text from approval records made safe to show a human.
 * UNTRUSTED: commands, prompts, package names and hosts come from the assistant; escape sequences
 * in them must not drive the approver's terminal (move the cursor, hide text, rewrite the command
 * the approver thinks they are approving).
 */

// C0 and C1 controls (ESC, CSI, BEL, backspace, carriage return, …) and the bidirectional
// overrides and isolates that can make text read differently from what it is.
// eslint-disable-next-line no-control-regex -- matching control characters is the point: they are neutralised
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Keeps line breaks and tabs, replaces every other control character with U+FFFD. */
export function terminalSafe(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(CONTROLS, '\uFFFD');
}

/** One line, control characters neutralised, cut at `max` characters. */
export function oneLine(text: string, max = 200): string {
  const flat = terminalSafe(text).replace(/[\n\t]+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** `3d 4h`, `12m 5s`, `40s`: a duration for humans (negative counts as 0). */
export function duration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const units: [number, string][] = [[86_400, 'd'], [3_600, 'h'], [60, 'm'], [1, 's']];
  const parts: string[] = [];
  let rest = s;
  for (const [size, name] of units) {
    const n = Math.floor(rest / size);
    if (n > 0 || (size === 1 && parts.length === 0)) parts.push(`${n}${name}`);
    rest -= n * size;
    if (parts.length === 2) break;
  }
  return parts.join(' ');
}
