import { describe, expect, it } from 'vitest';
import { describedStatus, failureOf, statusOf } from './status';

const catchUp = { indexedBlock: 10n, chainBlock: 100n, percent: 10 };

describe('statusOf', () => {
  it('is ok while the last read succeeded, stale with its age once it fails with a value in hand, down without one', () => {
    expect(statusOf({ hasValue: true, readAt: 1_000, failure: null }, 'Chain RPC', 5_000)).toEqual({
      source: 'Chain RPC',
      state: 'ok',
      readAt: 1_000,
    });
    const failure = { source: 'Chain RPC', reason: 'down', since: 4_000 };
    expect(statusOf({ hasValue: true, readAt: 1_000, failure }, 'Chain RPC', 5_000)).toEqual({
      source: 'Chain RPC',
      state: 'stale',
      readAt: 1_000,
      reason: 'down',
      since: 4_000,
      ageMs: 4_000,
    });
    expect(statusOf({ hasValue: false, readAt: null, failure }, 'Chain RPC', 5_000)).toEqual({
      source: 'Chain RPC',
      state: 'down',
      readAt: null,
      reason: 'down',
      since: 4_000,
    });
  });

  it('names the upstream that failed, which may not be the source read (a proposal list fails on the chain)', () => {
    const status = statusOf(
      { hasValue: true, readAt: 0, failure: { source: 'Chain RPC', reason: 'x', since: 1 } },
      'History indexer',
      2,
    );
    expect(status.source).toBe('Chain RPC');
  });
});

describe('describedStatus', () => {
  it('says what a failing source leaves on the page, and drops the catch-up notice while it fails', () => {
    const stale = statusOf(
      { hasValue: true, readAt: 0, failure: { source: 'History indexer', reason: 'x', since: 1 } },
      'History indexer',
      2,
    );
    const described = describedStatus(stale, 'block 12, read 2 s ago', { catchUp, lacks: 'charts' });
    expect(described).toMatchObject({ state: 'stale', shows: 'block 12, read 2 s ago', incomplete: null });
    expect(failureOf(described)).toBe(described);
  });

  it('keeps the catch-up notice while the source answers', () => {
    const ok = describedStatus({ source: 'History indexer', state: 'ok', readAt: 0 }, null, {
      catchUp,
      lacks: 'charts',
    });
    expect(ok.incomplete).toEqual({ catchUp, lacks: 'charts' });
    expect(failureOf(ok)).toBeNull();
  });
});
