import { describe, expect, it } from 'vitest';
import { applyCoverCall, requiredCapitalOfProtocols, WAD, type CoveredProtocol } from './solvencyMath';

const M = 10n ** 6n;
const wad = (x: number) => BigInt(Math.round(x * 1e6)) * 10n ** 12n;
// Harbor (ETH, BTC, SOL) and Meridian (ETH, SOL), the local stack's two clearinghouses.
const harbor: CoveredProtocol = {
  id: 0,
  active: true,
  suspended: false,
  markets: [
    { id: 0, name: 'ETH', longNotional: 2_000_000n * M + 7n, shortNotional: 1_500_000n * M, stressLossRate: wad(0.1) },
    { id: 1, name: 'BTC', longNotional: 800_000n * M, shortNotional: 900_001n, stressLossRate: wad(0.12) },
    { id: 2, name: 'SOL', longNotional: 3n, shortNotional: 0n, stressLossRate: WAD / 3n },
  ],
};
const meridian: CoveredProtocol = {
  id: 1,
  active: true,
  suspended: false,
  markets: [
    {
      id: 0,
      name: 'ETH-PERP',
      longNotional: 400_000n * M,
      shortNotional: 250_000n * M + 9n,
      stressLossRate: wad(0.15),
    },
    { id: 1, name: 'SOL-PERP', longNotional: 70_000n * M, shortNotional: 30_000n * M, stressLossRate: wad(0.2) },
  ],
};
// By hand, each market rounded down as BackstopModule._exposure does:
//   Harbor:   3,500,000.000007 × 10 % = 350,000.0000007 → 350,000,000,000 raw;
//             800,000.900001 × 12 % = 96,000.10800012 → 96,000,108,000 raw; 3 raw × ⅓ = 0.999… → 0
//   Meridian: 650,000.000009 × 15 % = 97,500.00000135 → 97,500,000,001 raw; 100,000 × 20 % = 20,000,000,000 raw
const HARBOR = 350_000_000_000n + 96_000_108_000n;
const MERIDIAN = 97_500_000_001n + 20_000_000_000n;

describe('required capital over several covered protocols', () => {
  it('is the sum over both protocols of each market rounded down, integer-exact', () => {
    expect(requiredCapitalOfProtocols([harbor])).toBe(HARBOR);
    expect(requiredCapitalOfProtocols([harbor, meridian])).toBe(563_500_108_001n);
    expect(requiredCapitalOfProtocols([harbor, meridian])).toBe(HARBOR + MERIDIAN);
  });

  it('counts nothing of a removed protocol', () => {
    expect(requiredCapitalOfProtocols([harbor, { ...meridian, active: false }])).toBe(HARBOR);
    expect(requiredCapitalOfProtocols([{ ...harbor, active: false }, meridian])).toBe(MERIDIAN);
    expect(requiredCapitalOfProtocols([])).toBe(0n);
  });

  it("moves one protocol's market rate and leaves the other's same-id market alone", () => {
    const after = applyCoverCall([harbor, meridian], {
      functionName: 'setProtocolStressLossRate',
      args: [1n, 0n, wad(0.3)],
    })!;
    // Meridian ETH: 650,000.000009 × 30 % = 195,000.0000027 → 195,000,000,002 raw.
    expect(requiredCapitalOfProtocols(after)).toBe(HARBOR + 195_000_000_002n + 20_000_000_000n);
    expect(after[0]).toBe(harbor);
    expect(meridian.markets[0]!.stressLossRate).toBe(wad(0.15));
    // setStressLossRate is protocol 0's: Harbor ETH at 20 % = 700,000.0000014 → 700,000,000,001 raw.
    const p0 = applyCoverCall([harbor, meridian], { functionName: 'setStressLossRate', args: [0n, wad(0.2)] })!;
    expect(requiredCapitalOfProtocols(p0)).toBe(700_000_000_001n + 96_000_108_000n + MERIDIAN);
  });

  it('removes a protocol, refuses what the module would revert, ignores a market it does not list', () => {
    const removed = applyCoverCall([harbor, meridian], { functionName: 'removeProtocol', args: [1n] })!;
    expect(requiredCapitalOfProtocols(removed)).toBe(HARBOR);
    expect(applyCoverCall(removed, { functionName: 'removeProtocol', args: [1n] })).toBeNull();
    expect(applyCoverCall([harbor], { functionName: 'removeProtocol', args: [2n] })).toBeNull();
    expect(
      applyCoverCall([harbor], { functionName: 'setProtocolStressLossRate', args: [5n, 0n, wad(0.1)] }),
    ).toBeNull();
    const unlisted = applyCoverCall([harbor, meridian], {
      functionName: 'setProtocolStressLossRate',
      args: [1n, 7n, wad(0.5)],
    })!;
    expect(requiredCapitalOfProtocols(unlisted)).toBe(HARBOR + MERIDIAN);
  });

  it('counts nothing of a suspended protocol, exactly its exposure, and all of it again once resumed', () => {
    const suspend = { functionName: 'suspendProtocol', args: [1n] } as const;
    const resume = { functionName: 'resumeProtocol', args: [1n] } as const;
    const suspended = applyCoverCall([harbor, meridian], suspend)!;
    expect(suspended[1]).toMatchObject({ active: true, suspended: true });
    expect(requiredCapitalOfProtocols(suspended)).toBe(HARBOR);
    expect(requiredCapitalOfProtocols([harbor, meridian]) - requiredCapitalOfProtocols(suspended)).toBe(MERIDIAN);
    expect(requiredCapitalOfProtocols(applyCoverCall(suspended, resume)!)).toBe(HARBOR + MERIDIAN);
    // a suspended protocol's rate still moves its stored rate, not required capital
    const rate = applyCoverCall(suspended, { functionName: 'setProtocolStressLossRate', args: [1n, 0n, wad(0.3)] })!;
    expect(requiredCapitalOfProtocols(rate)).toBe(HARBOR);
  });

  it('refuses what the module refuses: suspending twice or a removed one, resuming one not suspended', () => {
    const suspended = applyCoverCall([harbor, meridian], { functionName: 'suspendProtocol', args: [1n] })!;
    expect(applyCoverCall(suspended, { functionName: 'suspendProtocol', args: [1n] })).toBeNull();
    expect(applyCoverCall([harbor, meridian], { functionName: 'resumeProtocol', args: [1n] })).toBeNull();
    const removed = applyCoverCall(suspended, { functionName: 'removeProtocol', args: [1n] })!;
    expect(requiredCapitalOfProtocols(removed)).toBe(HARBOR);
    expect(applyCoverCall(removed, { functionName: 'resumeProtocol', args: [1n] })).toBeNull();
    expect(applyCoverCall(removed, { functionName: 'suspendProtocol', args: [1n] })).toBeNull();
    expect(applyCoverCall([harbor], { functionName: 'suspendProtocol', args: [3n] })).toBeNull();
  });
});
