import { describe, expect, it } from 'vitest';
import type { Arg } from './argv.js';
import { parseArgs } from './argv.js';

const a = (...w: string[]): Arg[] => w.map((text) => ({ text, known: true, labels: new Set<string>() }));
const gnu = (vo: string[] = [], extra = {}) => ({ valueOptions: new Set(vo), style: 'gnu' as const, stopAtOperand: false, skip: 0, ...extra });

describe('parseArgs', () => {
  it('splits short clusters and finds operands', () => {
    const p = parseArgs(a('-rf', '/', 'x'), gnu());
    expect([...p.options.keys()]).toEqual(['-r', '-f']);
    expect(p.operands.map((o) => o.text)).toEqual(['/', 'x']);
  });
  it('takes values of value options, attached or separate', () => {
    const p = parseArgs(a('-ofile', '-H', 'X: 1', '--data=@x', 'url'), gnu(['-o', '-H', '--data']));
    expect(p.options.get('-o')).toEqual(['file']);
    expect(p.options.get('-H')).toEqual(['X: 1']);
    expect(p.options.get('--data')).toEqual(['@x']);
    expect(p.operands.map((o) => o.text)).toEqual(['url']);
  });
  it('reads -i.bak as -i with an attached value', () => {
    const p = parseArgs(a('-i.bak', 's/a/b/', 'f'), gnu());
    expect(p.options.get('-i')).toEqual(['.bak']);
  });
  it('stops options at --', () => {
    const p = parseArgs(a('--', '-rf'), gnu());
    expect(p.operands.map((o) => o.text)).toEqual(['-rf']);
  });
  it('stops at the first operand for wrappers, after skipping', () => {
    const p = parseArgs(a('-s', 'KILL', '5', 'rm', '-rf', '/'), gnu(['-s'], { stopAtOperand: true, skip: 1 }));
    expect(p.stopIndex).toBe(3);
  });
  it('never treats an unknown word as an option', () => {
    const p = parseArgs([{ text: '$X', known: false, labels: new Set() }], gnu());
    expect(p.operands).toHaveLength(1);
  });
});
