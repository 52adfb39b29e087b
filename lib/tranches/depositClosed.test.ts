import { describe, expect, it } from 'vitest';
import { depositClosedReason } from './depositClosed';

const open = { maxDeposit: 1_000_000n, depositsPaused: false, totalAssets: 5_000_000n, depositCap: 10_000_000n };

describe('depositClosedReason', () => {
  it('is null while the vault takes deposits', () => {
    expect(depositClosedReason(open)).toBeNull();
  });

  it('names the pause first, then the cap', () => {
    expect(depositClosedReason({ ...open, maxDeposit: 0n, depositsPaused: true })).toBe('paused');
    expect(depositClosedReason({ ...open, maxDeposit: 0n, totalAssets: 10_000_000n })).toBe('cap');
  });

  it('reads a refusal below the cap and without a pause as a wiped tranche', () => {
    expect(depositClosedReason({ ...open, maxDeposit: 0n, totalAssets: 0n })).toBe('wiped');
  });
});
