import { describe, expect, it } from 'vitest';
import { BOUNDS, maxCooldownFor } from './bounds';
import type { ChainParams } from './chainParams';
import { parseInputs } from './encode';
import { buildTemplates } from './templates';

const DAY = 86_400n;

const params = (governancePath: bigint | null): ChainParams => ({
  assetDecimals: 6,
  assetSymbol: 'tUSD',
  tranches: [
    {
      id: 0,
      name: 'Junior',
      depositCap: 0n,
      cooldown: 7n * DAY,
      unstakeWindow: 2n * DAY,
      riskMultiplier: 10n ** 18n,
      vault: '0x7000000000000000000000000000000000000000',
      strategy: '0x0000000000000000000000000000000000000000',
      bufferShare: 10n ** 18n,
    },
  ],
  markets: [],
  protocols: [],
  premiumVestingPeriod: 7n * DAY,
  solvencyThreshold: 10n ** 18n,
  guardian: '0x3000000000000000000000000000000000000003',
  maxPriceAge: DAY,
  governancePath,
  premium: null,
  steward: null,
});

function cooldownInput(governancePath: bigint | null, days: string) {
  const template = buildTemplates(params(governancePath)).find((t) => t.id === 'cooldown:0');
  if (!template) throw new Error('no cooldown template');
  return parseInputs(template, [days]);
}

describe('the longest cooldown a proposal may set', () => {
  it('stays strictly below the governance path minus a day, and within MAX_COOLDOWN', () => {
    expect(maxCooldownFor(9n * DAY)).toBe(8n * DAY - 1n);
    expect(maxCooldownFor(100n * DAY)).toBe(BOUNDS.MAX_COOLDOWN);
    expect(maxCooldownFor(DAY)).toBe(0n);
    expect(maxCooldownFor(null)).toBe(BOUNDS.MAX_COOLDOWN);
  });

  it('the cooldown form refuses what the module would refuse (GovernancePathTooShort) and names why', () => {
    const refused = cooldownInput(9n * DAY, '8');
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.errors[0]).toMatch(/governance path − 1 day/);
    expect(cooldownInput(9n * DAY, '7.5').ok).toBe(true);
    // With the path unknown, only the contract's constant bound applies.
    expect(cooldownInput(null, '30').ok).toBe(true);
    expect(cooldownInput(null, '61').ok).toBe(false);
  });
});
