import { describe, expect, it } from 'vitest';
import { processWide } from './processWide';

describe('processWide', () => {
  it('makes the value once and hands every caller the same one, as separate module copies would ask for it', () => {
    let made = 0;
    const make = () => ({ id: ++made });
    const first = processWide('test.processWide', make);
    const second = processWide('test.processWide', make);
    expect(second).toBe(first);
    expect(made).toBe(1);
    expect((globalThis as unknown as Record<symbol, unknown>)[Symbol.for('backstop.test.processWide')]).toBe(first);
  });

  it('keeps values of different names apart', () => {
    expect(processWide('test.a', () => 'a')).toBe('a');
    expect(processWide('test.b', () => 'b')).toBe('b');
  });
});
