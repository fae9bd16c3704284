import { describe, it, expect } from 'vitest';
import { GroupCommit, MAX_BATCH, Mutex } from './commit.js';

describe('group commit', () => {
  it('commits concurrent pushes together, in order, one transaction at a time', async () => {
    const batches: number[][] = [];
    let running = 0;
    const gc = new GroupCommit<number, string>(new Mutex(), async (items) => {
      running += 1;
      expect(running).toBe(1);
      batches.push(items);
      await new Promise((r) => setTimeout(r, 2));
      running -= 1;
      return items.map((i) => `ok ${i}`);
    });
    const out = await Promise.all(Array.from({ length: 600 }, (_, i) => gc.push(i)));
    expect(out).toEqual(Array.from({ length: 600 }, (_, i) => `ok ${i}`));
    expect(batches.flat()).toEqual(Array.from({ length: 600 }, (_, i) => i));
    expect(batches.every((b) => b.length <= MAX_BATCH)).toBe(true);
    expect(batches.length).toBe(3);
  });

  it('rejects every member of a failed batch, and keeps going', async () => {
    let fail = true;
    const gc = new GroupCommit<number, number>(new Mutex(), (items) => {
      if (fail) {
        fail = false;
        return Promise.reject(new Error('disk full'));
      }
      return Promise.resolve(items);
    });
    const first = await Promise.allSettled([gc.push(1), gc.push(2)]);
    expect(first.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(await gc.push(3)).toBe(3);
  });

  it('tells when everything pushed has settled', async () => {
    const done: number[] = [];
    const gc = new GroupCommit<number, number>(new Mutex(), async (items) => {
      await new Promise((r) => setTimeout(r, 5));
      done.push(...items);
      return items;
    });
    void gc.push(1);
    void gc.push(2);
    await gc.idle();
    expect(done).toEqual([1, 2]);
  });
});
