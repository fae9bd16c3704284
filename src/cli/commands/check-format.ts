import type { Decision } from '../../model/index.js';
import { decisionContract } from '../../pipeline/decision-json.js';

/** `airlock check -- echo "a b"` arrives as words: re-quote them so the analysed command is the one typed. */
export function joinWords(words: readonly string[]): string {
  if (words.length === 1) return words[0] as string;
  return words.map((w) => (/^[A-Za-z0-9_@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`)).join(' ');
}

/** The JSON contract of DESIGN §6 (plus `v` and `policy_digest`), one line. */
export function toJson(d: Decision): string {
  return JSON.stringify(decisionContract(d));
}

const LABEL = { allow: 'ALLOW', ask: 'ASK  ', deny: 'DENY ' } as const;

/** The short human answer: the decision, the reasons, the policy ids. */
export function formatDecision(d: Decision, command: string): string {
  const lines = [`${LABEL[d.decision]} ${command.length > 120 ? `${command.slice(0, 117)}...` : command}`];
  for (const r of d.reasons.slice(0, 6)) lines.push(`  ${r.policy}: ${r.reason}`);
  if (d.reasons.length > 6) lines.push(`  … ${d.reasons.length - 6} more (use --json)`);
  for (const e of d.errors.slice(0, 3)) lines.push(`  error ${e.code}: ${e.message}`);
  return `${lines.join('\n')}\n`;
}
