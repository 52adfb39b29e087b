import { describe, expect, it } from 'vitest';
import { MAX_READ_IDS, parseReadIds, readStateKey, unreadCount, withRead } from './readState';

describe('alert read state', () => {
  it('is kept per chain and account, whatever the address’s case', () => {
    const a = readStateKey(31337, '0xAbCdEf0000000000000000000000000000000001');
    expect(a).toBe(readStateKey(31337, '0xabcdef0000000000000000000000000000000001'));
    expect(a).not.toBe(readStateKey(1, '0xabcdef0000000000000000000000000000000001'));
    expect(a).not.toBe(readStateKey(31337, '0xabcdef0000000000000000000000000000000002'));
  });

  it('round-trips through storage and treats anything else as nothing read', () => {
    const read = withRead([], ['window-open-1-5', 'loss-3-tranche-1']);
    expect(parseReadIds(JSON.stringify(read))).toEqual(['window-open-1-5', 'loss-3-tranche-1']);
    expect(parseReadIds(null)).toEqual([]);
    expect(parseReadIds('{not json')).toEqual([]);
    expect(parseReadIds('{"a":1}')).toEqual([]);
    expect(parseReadIds('["ok", 7, null, "", "' + 'x'.repeat(201) + '"]')).toEqual(['ok']);
  });

  it('adds each id once and keeps the newest ones', () => {
    expect(withRead(['a'], ['a', 'b', 'b'])).toEqual(['a', 'b']);
    const many = Array.from({ length: MAX_READ_IDS }, (_, i) => `id-${i}`);
    const next = withRead(many, ['new']);
    expect(next).toHaveLength(MAX_READ_IDS);
    expect(next[0]).toBe('id-1');
    expect(next.at(-1)).toBe('new');
  });

  it('counts what is unread', () => {
    expect(unreadCount([{ id: 'a' }, { id: 'b' }, { id: 'c' }], ['b', 'z'])).toBe(2);
    expect(unreadCount([], ['b'])).toBe(0);
  });
});
