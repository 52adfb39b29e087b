import { describe, expect, it } from 'vitest';
import type { ProposalEffectJson } from './effectJson';
import { effectRows, effectSkeleton } from './effectRows';
import { MAX_UINT256 } from './solvencyMath';

const pair = <T>(before: T, after: T) => ({ before, after });
const effect: Omit<ProposalEffectJson, 'actions'> = {
  blockNumber: '10',
  timestamp: 1_700_000_000,
  assetDecimals: 6,
  assetSymbol: 'tUSD',
  horizonHours: 1,
  complete: true,
  totalCapital: '1000000000',
  requiredCapital: pair('100000000', '125000000'),
  solvencyRatio: pair(MAX_UINT256.toString(), '8000000000000000000'),
  solvencyThreshold: pair('1000000000000000000', '1000000000000000000'),
  newPositionsAllowed: pair(true, false),
  utilisation: null,
  premiumMultiplier: null,
  tranches: [
    {
      id: 0,
      name: 'Junior',
      capital: '1000000000',
      probabilityOfLoss: pair(0.001, 0.0015),
      expectedLoss: pair('2500000', '2000000'),
      fairApr: null,
      premiumShare: pair('500000000000000000', '500000000000000000'),
    },
  ],
  account: null,
  modelError: null,
};

describe('effectRows', () => {
  const byKey = Object.fromEntries(effectRows(effect).map((r) => [r.key, r]));

  it('says each change with its sign and unit', () => {
    expect(byKey.requiredCapital).toMatchObject({
      beforeText: '100.00 tUSD',
      afterText: '125.00 tUSD',
      changeText: '+25.00 tUSD',
      changed: true,
    });
    expect(byKey['tranche-0-expectedLoss']!.changeText).toBe('−0.50 tUSD');
    expect(byKey['tranche-0-probabilityOfLoss']!.changeText).toBe('+0.050 %');
    expect(byKey['tranche-0-premiumShare']).toMatchObject({
      beforeText: '50.00 %',
      changeText: 'no change',
      changed: false,
    });
    expect(byKey.newPositionsAllowed!.changeText).toBe('yes → no');
  });

  it('reads an unbounded ratio as ∞ and a missing figure as a dash', () => {
    expect(byKey.solvencyRatio).toMatchObject({ beforeText: '∞', afterText: '8.0000×', changeText: 'from ∞' });
    expect(byKey.premiumMultiplier).toMatchObject({ before: null, beforeText: '—', changeText: '—' });
    expect(byKey['tranche-0-fairApr']!.afterText).toBe('—');
  });

  it('holds the place with the same rows, without an account and with one', () => {
    const keys = (rows: { key: string }[]) => rows.map((r) => r.key);
    expect(keys(effectSkeleton([{ id: 0, name: 'Junior' }], false))).toEqual(keys(effectRows(effect)));
    const withAccount = effectSkeleton([{ id: 0, name: 'Junior' }], true);
    expect(keys(withAccount)).toContain('account-expectedLoss');
    expect(withAccount.every((r) => r.afterText === '…' && r.before === null)).toBe(true);
  });
});
