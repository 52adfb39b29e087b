import { describe, expect, it } from 'vitest';
import { TurnGate } from './turnGate';

/** A hand-cranked event loop: each turn() runs the callbacks scheduled for the next turn. */
function manualTurns() {
  let scheduled: Array<() => void> = [];
  return {
    nextTurn: (callback: () => void) => void scheduled.push(callback),
    async turn() {
      const run = scheduled;
      scheduled = [];
      for (const callback of run) callback();
      await Promise.resolve();
    },
    get pending() {
      return scheduled.length;
    },
  };
}

describe('TurnGate', () => {
  it('admits up to the budget in the current turn and the rest in later turns, in arrival order', async () => {
    const turns = manualTurns();
    const gate = new TurnGate(2, turns.nextTurn);
    const order: number[] = [];
    for (const n of [0, 1, 2, 3, 4]) void gate.admit().then(() => order.push(n));
    await Promise.resolve();
    expect(order).toEqual([0, 1]);
    expect(gate.queued).toBe(3);

    await turns.turn();
    expect(order).toEqual([0, 1, 2, 3]);
    await turns.turn();
    expect(order).toEqual([0, 1, 2, 3, 4]);
    expect(gate.queued).toBe(0);
  });

  it('does not let a newcomer pass those already waiting, nor exceed the budget of a turn that admitted waiters', async () => {
    const turns = manualTurns();
    const gate = new TurnGate(1, turns.nextTurn);
    const order: string[] = [];
    void gate.admit().then(() => order.push('a'));
    void gate.admit().then(() => order.push('b'));
    await turns.turn(); // b is admitted: this turn's budget is spent
    void gate.admit().then(() => order.push('c'));
    await Promise.resolve();
    expect(order).toEqual(['a', 'b']);
    await turns.turn();
    expect(order).toEqual(['a', 'b', 'c']);
  });

  it('stops scheduling turns once idle, and a quiet gate admits at once', async () => {
    const turns = manualTurns();
    const gate = new TurnGate(1, turns.nextTurn);
    await gate.admit();
    await turns.turn();
    await turns.turn();
    expect(turns.pending).toBe(0);
    let done = false;
    void gate.admit().then(() => (done = true));
    await Promise.resolve();
    expect(done).toBe(true);
  });

  it('keeps turns short on a real event loop: no more than the budget between two setImmediate turns', async () => {
    const gate = new TurnGate(3);
    const perTurn: number[] = [];
    let count = 0;
    let turning = true;
    const watch = () => {
      perTurn.push(count);
      count = 0;
      if (turning) setImmediate(watch);
    };
    setImmediate(watch);
    await Promise.all(Array.from({ length: 30 }, () => gate.admit().then(() => count++)));
    turning = false;
    perTurn.push(count);
    expect(perTurn.reduce((a, b) => a + b, 0)).toBe(30);
    expect(Math.max(...perTurn)).toBeLessThanOrEqual(3 * 2); // the watcher's turn boundary can split one turn's admissions
  });

  it('rejects a budget below one', () => {
    expect(() => new TurnGate(0)).toThrow(RangeError);
  });
});
