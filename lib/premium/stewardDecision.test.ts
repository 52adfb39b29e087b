import { describe, expect, it } from 'vitest';
import { decideStewardUpdates, type KeeperState } from './stewardDecision';

const WAD = 10n ** 18n;
const wad = (x: number) => BigInt(Math.round(x * 1e6)) * 10n ** 12n;
const usd = (n: number) => BigInt(n) * 10n ** 6n;
const NOW = 1_000_000;

function state(overrides: Partial<KeeperState> = {}): KeeperState {
  return {
    fairApr: [0.2, 0.05, 0.01],
    chargedApr: [0.2, 0.05, 0.01],
    capital: [usd(1_000_000), usd(2_000_000), usd(4_000_000)],
    riskMultipliers: [wad(3), wad(1.5), wad(1)],
    volatility: wad(0.6),
    limits: {
      maxStep: wad(0.1),
      min: [wad(1.5), wad(0.75), wad(0.5), wad(0.2)],
      max: [wad(6), wad(3), wad(2), wad(2)],
      lastUpdateAt: [0n, 0n, 0n, 0n],
      minInterval: 6n * 3_600n,
      paused: false,
    },
    now: NOW,
    ...overrides,
  };
}

describe('decideStewardUpdates', () => {
  it('asks for nothing when every tranche is charged about its fair APR', () => {
    const d = decideStewardUpdates(state(), 0.25);
    expect(d.updates).toEqual([]);
    expect(d.totalRatio).toBeCloseTo(1, 12);
  });

  it('raises the volatility one step when everything is charged half of fair', () => {
    const d = decideStewardUpdates(state({ chargedApr: [0.1, 0.025, 0.005] }), 0.25);
    const vol = d.updates.find((u) => u.param === 3);
    // The target is 0.6 / 0.5 = 1.2, one step (10 %) from 0.6 is 0.66.
    expect(vol).toMatchObject({ from: wad(0.6), to: wad(0.66) });
    expect(d.totalRatio).toBeCloseTo(0.5, 12);
  });

  it('moves a tranche charged far from fair toward the split fair premiums call for, one step', () => {
    // Junior is charged 10 % but fair is 20 %: its multiplier rises one step from 3 to 3.3.
    const d = decideStewardUpdates(state({ chargedApr: [0.1, 0.05, 0.01] }), 0.25);
    const junior = d.updates.find((u) => u.param === 0);
    expect(junior).toMatchObject({ from: wad(3), to: wad(3.3) });
    expect(d.updates.find((u) => u.param === 1)).toBeUndefined();
  });

  it('stays inside governance range and skips a parameter still within its interval', () => {
    const limits = {
      ...state().limits,
      max: [wad(3.1), wad(3), wad(2), wad(2)],
      lastUpdateAt: [0n, 0n, 0n, BigInt(NOW - 3_600)],
    };
    const d = decideStewardUpdates(state({ chargedApr: [0.1, 0.025, 0.005], limits }), 0.25);
    expect(d.updates.find((u) => u.param === 0)).toMatchObject({ to: wad(3.1) });
    expect(d.updates.find((u) => u.param === 3)).toBeUndefined();
    expect(d.held.join('\n')).toMatch(/premium volatility: .* less than its interval ago/);
  });

  it('lowers the volatility one step when the model sees no risk at all but premiums are charged', () => {
    const d = decideStewardUpdates(state({ fairApr: [0, 0, 0] }), 0.25);
    expect(d.totalRatio).toBe(Number.POSITIVE_INFINITY);
    expect(d.updates.find((u) => u.param === 3)).toMatchObject({ from: wad(0.6), to: wad(0.54) });
  });

  it('asks for nothing while paused', () => {
    const d = decideStewardUpdates(state({ chargedApr: [0, 0, 0], limits: { ...state().limits, paused: true } }), 0.25);
    expect(d.updates).toEqual([]);
    expect(d.held).toEqual(['the steward is paused by governance']);
  });

  it('never asks for a move the steward would refuse: one step at most, from the value in force', () => {
    for (const charged of [0, 0.001, 0.05, 1, 10]) {
      const d = decideStewardUpdates(state({ chargedApr: [charged, charged / 4, charged / 20] }), 0.1);
      for (const u of d.updates) {
        const step = (u.from * wad(0.1)) / WAD;
        const move = u.to > u.from ? u.to - u.from : u.from - u.to;
        expect(move <= step).toBe(true);
      }
    }
  });
});
