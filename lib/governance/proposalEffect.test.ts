import { encodeFunctionData, parseUnits, type Address, type Hex } from 'viem';
import { describe, expect, it } from 'vitest';
import { backstopModuleAbi, clearinghouseAbi } from '@/lib/chain/abis.generated';
import { analyticQuote } from '@/lib/risk';
import { testInputs, testMarket } from '@/lib/risk/testInputs';
import type { EffectState } from './effectState';
import { modelInputsFor, proposalEffect } from './proposalEffect';
import { mulDiv, WAD } from './solvencyMath';

const wad = (n: string) => parseUnits(n, 18);
const usd = (n: string) => parseUnits(n, 6);
const targets = {
  module: '0x1000000000000000000000000000000000000001' as Address,
  clearinghouse: '0x2000000000000000000000000000000000000002' as Address,
};

const state: EffectState = {
  blockNumber: 1234n,
  timestamp: 1_700_000_000,
  assetDecimals: 6,
  assetSymbol: 'tUSD',
  markets: [
    {
      id: 0,
      name: 'ETH',
      longNotional: usd('3000000.123457'),
      shortNotional: usd('2000000'),
      stressLossRate: wad('0.12'),
      maintenanceMarginRate: wad('0.05'),
      liquidationImpact: wad('0.1'),
      liquidityDepth: usd('5000000'),
    },
    {
      id: 1,
      name: 'BTC',
      longNotional: usd('4000000'),
      shortNotional: usd('3000000'),
      stressLossRate: wad('0.1'),
      maintenanceMarginRate: wad('0.05'),
      liquidationImpact: wad('0.08'),
      liquidityDepth: usd('10000000'),
    },
  ],
  protocols: null,
  tranches: [
    { id: 0, name: 'Junior', totalAssets: usd('300000'), riskMultiplier: wad('3') },
    { id: 1, name: 'Mezzanine', totalAssets: usd('600000'), riskMultiplier: wad('1.5') },
    { id: 2, name: 'Senior', totalAssets: usd('1000000'), riskMultiplier: wad('1') },
  ],
  solvencyThreshold: wad('1'),
  premium: {
    kink: wad('0.8'),
    slope1: wad('0.5'),
    slope2: wad('4'),
    referenceVolatility: wad('0.5'),
    volatility: wad('0.6'),
  },
};
const model = testInputs([testMarket('ETH'), testMarket('BTC')]);
const account = {
  address: '0x4000000000000000000000000000000000000004' as Address,
  tranches: [
    { shares: 0n, assets: 0n },
    { shares: wad('1000'), assets: usd('60000') },
    { shares: wad('2000'), assets: usd('100000') },
  ],
};

const moduleCall = (calldata: Hex) => ({ target: targets.module, calldata });
const stressRate = (market: bigint, rate: bigint) =>
  moduleCall(encodeFunctionData({ abi: backstopModuleAbi, functionName: 'setStressLossRate', args: [market, rate] }));

const run = (
  actions: { target: Address; calldata: Hex }[],
  extra: Partial<Parameters<typeof proposalEffect>[0]> = {},
) => proposalEffect({ state, model, actions, targets, account, ...extra });

describe('proposalEffect', () => {
  it('raising a stress loss rate raises required capital and lowers the solvency ratio by the contract’s formula', () => {
    const effect = run([stressRate(0n, wad('0.15'))]);
    const eth = state.markets[0]!;
    const btc = state.markets[1]!;
    const oi = (m: typeof eth) => m.longNotional + m.shortNotional;
    const before = mulDiv(oi(eth), wad('0.12'), WAD) + mulDiv(oi(btc), wad('0.1'), WAD);
    const after = mulDiv(oi(eth), wad('0.15'), WAD) + mulDiv(oi(btc), wad('0.1'), WAD);
    const capital = usd('1900000');
    expect(effect.requiredCapital).toEqual({ before, after });
    expect(effect.solvencyRatio).toEqual({ before: mulDiv(capital, WAD, before), after: mulDiv(capital, WAD, after) });
    expect(effect.solvencyRatio.after).toBeLessThan(effect.solvencyRatio.before);
    expect(effect.premiumMultiplier!.after).toBeGreaterThan(effect.premiumMultiplier!.before);
    // The risk model does not read the stress loss rate: its figures stay.
    for (const t of effect.tranches) expect(t.expectedLoss!.after).toBe(t.expectedLoss!.before);
    expect(effect.actions).toEqual([
      expect.objectContaining({
        kind: 'modelled',
        call: 'stressLossRate:0',
        affects: expect.arrayContaining(['requiredCapital']),
      }),
    ]);
    expect(effect.complete).toBe(true);
  });

  it('a proposal that sets values already in force changes nothing', () => {
    const effect = run([
      stressRate(1n, wad('0.1')),
      moduleCall(
        encodeFunctionData({ abi: backstopModuleAbi, functionName: 'setRiskMultiplier', args: [0, wad('3')] }),
      ),
    ]);
    const same = (c: { before: unknown; after: unknown } | null) => expect(c!.after).toEqual(c!.before);
    [effect.requiredCapital, effect.solvencyRatio, effect.utilisation, effect.premiumMultiplier].forEach(same);
    for (const t of effect.tranches) [t.probabilityOfLoss, t.expectedLoss, t.fairApr, t.premiumShare].forEach(same);
    [effect.account!.expectedLoss, effect.account!.probabilityOfLoss, effect.account!.premiumShare].forEach(same);
  });

  it('a looser maintenance margin is priced by the risk model on the changed inputs', () => {
    const params = {
      initialMarginRate: wad('0.08'),
      maintenanceMarginRate: wad('0.03'),
      feeRate: wad('0.0005'),
      liquidationFeeRate: wad('0.01'),
      liquidationImpact: wad('0.1'),
      liquidityDepth: usd('5000000'),
    };
    const action = {
      target: targets.clearinghouse,
      calldata: encodeFunctionData({ abi: clearinghouseAbi, functionName: 'setMarketParams', args: [0n, params] }),
    };
    const effect = run([action]);
    const changed = {
      ...state,
      markets: [{ ...state.markets[0]!, maintenanceMarginRate: wad('0.03') }, state.markets[1]!],
    };
    const expected = analyticQuote(modelInputsFor(changed, model)).tranches;
    const junior = effect.tranches[0]!;
    expect(junior.probabilityOfLoss!.after).toBe(expected[0]!.probabilityOfLoss);
    expect(junior.fairApr!.after).toBe(expected[0]!.fairPremiumApr);
    expect(junior.expectedLoss!.after).toBe(BigInt(Math.round(expected[0]!.expectedLoss * 1e6)));
    expect(junior.expectedLoss!.after).toBeGreaterThan(junior.expectedLoss!.before);
    expect(effect.requiredCapital.after).toBe(effect.requiredCapital.before);
    // The account holds Mezzanine and Senior: its P(loss) is Mezzanine's, its expected loss its part of each.
    const mezz = effect.tranches[1]!;
    expect(effect.account!.probabilityOfLoss).toEqual(mezz.probabilityOfLoss);
    const part = (t: typeof mezz, assets: bigint) => mulDiv(t.expectedLoss!.after, assets, t.capital);
    expect(effect.account!.expectedLoss!.after).toBe(
      part(mezz, usd('60000')) + part(effect.tranches[2]!, usd('100000')),
    );
  });

  it('a risk multiplier moves the premium shares by capital × multiplier', () => {
    const effect = run([
      moduleCall(
        encodeFunctionData({ abi: backstopModuleAbi, functionName: 'setRiskMultiplier', args: [0, wad('4')] }),
      ),
    ]);
    // weights 0.3M × 4, 0.6M × 1.5, 1M × 1 = 1.2, 0.9, 1.0 (× 1e6 × 1e18)
    const total = 31n;
    expect(effect.tranches.map((t) => t.premiumShare.after)).toEqual([
      mulDiv(12n, WAD, total),
      mulDiv(9n, WAD, total),
      mulDiv(10n, WAD, total),
    ]);
    expect(effect.account!.premiumShare.after).toBe(
      mulDiv(mulDiv(9n, WAD, total), usd('60000'), usd('600000')) +
        mulDiv(mulDiv(10n, WAD, total), usd('100000'), usd('1000000')),
    );
  });

  it('a parameter the figures do not depend on says so, and changes nothing', () => {
    const effect = run([
      moduleCall(encodeFunctionData({ abi: backstopModuleAbi, functionName: 'setCooldown', args: [0, 5n * 86_400n] })),
    ]);
    expect(effect.actions[0]).toMatchObject({ kind: 'noModelledEffect', call: 'cooldown:0', affects: [] });
    expect(effect.complete).toBe(true);
    expect(effect.solvencyRatio.after).toBe(effect.solvencyRatio.before);
  });

  it('flags unknown and one-off calls instead of guessing, and leaves them out of the figures', () => {
    const effect = run([
      { target: '0x9000000000000000000000000000000000000009', calldata: '0xdeadbeef' },
      { target: targets.module, calldata: '0x12345678' },
      moduleCall(encodeFunctionData({ abi: backstopModuleAbi, functionName: 'startNewEpoch', args: [0] })),
    ]);
    expect(effect.actions.map((a) => a.kind)).toEqual(['unknown', 'unknown', 'notModelled']);
    expect(effect.actions[2]!.call).toBe('startNewEpoch');
    expect(effect.complete).toBe(false);
    expect(effect.requiredCapital.after).toBe(effect.requiredCapital.before);
  });

  it('a higher solvency threshold can stop new positions', () => {
    const effect = run([
      moduleCall(
        encodeFunctionData({ abi: backstopModuleAbi, functionName: 'setSolvencyThreshold', args: [wad('3')] }),
      ),
    ]);
    expect(effect.solvencyRatio.before).toBeGreaterThan(wad('1'));
    expect(effect.solvencyRatio.before).toBeLessThan(wad('3'));
    expect(effect.newPositionsAllowed).toEqual({ before: true, after: false });
  });

  it('without model inputs, the contract figures stand and the model’s are missing with a reason', () => {
    const effect = run([stressRate(0n, wad('0.15'))], { model: null });
    expect(effect.modelError).toMatch(/not read/);
    expect(effect.tranches[0]!.probabilityOfLoss).toBeNull();
    expect(effect.requiredCapital.after).toBeGreaterThan(effect.requiredCapital.before);
    const mismatched = run([], { model: testInputs([testMarket('SOL'), testMarket('BTC')]) });
    expect(mismatched.modelError).toMatch(/different markets/);
  });

  it('a call for a market that does not exist is flagged, even when a tranche has that number', () => {
    const effect = run([stressRate(2n, wad('0.2'))]);
    expect(effect.actions[0]).toMatchObject({ kind: 'notModelled', call: 'stressLossRate:2' });
    expect(effect.requiredCapital.after).toBe(effect.requiredCapital.before);
  });

  it('a premium curve the contract would refuse leaves the multiplier missing, not the page broken', () => {
    const curve = { kink: wad('0.8'), slope1: 0n, slope2: 0n, referenceVolatility: 0n };
    const effect = run([
      {
        target: targets.clearinghouse,
        calldata: encodeFunctionData({ abi: clearinghouseAbi, functionName: 'setPremiumCurve', args: [curve] }),
      },
    ]);
    expect(effect.premiumMultiplier).toBeNull();
    expect(effect.tranches[0]!.probabilityOfLoss).not.toBeNull();
  });
});

describe('proposalEffect: covered protocols and productive capital', () => {
  const call = (functionName: string, args: readonly unknown[]) =>
    moduleCall(encodeFunctionData({ abi: backstopModuleAbi, functionName, args } as never));

  it('without protocols in the state read, flags removing a protocol and another protocol’s stress loss rate as moving required capital, not in the figures', () => {
    const effect = run([call('removeProtocol', [1n]), call('setProtocolStressLossRate', [1n, 0n, wad('0.3')])]);
    const capital = ['requiredCapital', 'solvencyRatio', 'newPositions', 'premiumMultiplier'];
    expect(effect.actions[0]).toMatchObject({ kind: 'notModelled', call: 'removeProtocol:1', affects: capital });
    expect(effect.actions[0]!.note).toMatch(/exposure out of required capital.*no covered protocols/);
    expect(effect.actions[1]).toMatchObject({
      kind: 'notModelled',
      call: 'protocolStressLossRate:1:0',
      affects: capital,
    });
    expect(effect.complete).toBe(false);
    expect(effect.requiredCapital.after).toBe(effect.requiredCapital.before);
  });

  it('protocol 0’s rate set through setProtocolStressLossRate is in the figures, like setStressLossRate', () => {
    const viaProtocol = run([call('setProtocolStressLossRate', [0n, 0n, wad('0.15')])]);
    const direct = run([stressRate(0n, wad('0.15'))]);
    expect(viaProtocol.actions[0]).toMatchObject({ kind: 'modelled', call: 'stressLossRate:0' });
    expect(viaProtocol.requiredCapital).toEqual(direct.requiredCapital);
    expect(viaProtocol.requiredCapital.after).toBeGreaterThan(viaProtocol.requiredCapital.before);
  });

  it('exposure cap, premium share, name and buffer share have no modelled effect, each saying why', () => {
    const effect = run([
      call('setExposureCap', [1n, usd('100')]),
      call('setPremiumShare', [1n, wad('0.2')]),
      call('setProtocolName', [1n, 'Renamed']),
      call('setBufferShare', [0, wad('0.3')]),
    ]);
    expect(effect.actions.map((a) => [a.kind, a.call])).toEqual([
      ['noModelledEffect', 'exposureCap:1'],
      ['noModelledEffect', 'premiumShare:1'],
      ['noModelledEffect', 'protocolName:1'],
      ['noModelledEffect', 'bufferShare:0'],
    ]);
    expect(effect.actions[0]!.note).toMatch(/new positions on this protocol/);
    expect(effect.actions[1]!.note).toMatch(/premiums/);
    expect(effect.actions[3]!.note).toMatch(/totalAssets/);
    expect(effect.complete).toBe(true);
    expect(effect.solvencyRatio.after).toBe(effect.solvencyRatio.before);
    expect(effect.tranches.map((t) => t.premiumShare.after)).toEqual(effect.tranches.map((t) => t.premiumShare.before));
  });

  it('a new protocol and a new strategy are flagged as not modelled, with the reason', () => {
    const effect = run([
      call('addProtocol', ['0xb00000000000000000000000000000000000000b', 'Orbit', usd('1000'), wad('0.5')]),
      call('setTrancheStrategy', [0, '0xc00000000000000000000000000000000000000c', wad('0.2')]),
      call('setBufferShare', [3, wad('0.3')]),
    ]);
    expect(effect.actions[0]).toMatchObject({ kind: 'notModelled', call: 'addProtocol', affects: [] });
    expect(effect.actions[0]!.note).toMatch(/exposure starts at 0/);
    expect(effect.actions[1]).toMatchObject({ kind: 'notModelled', call: 'trancheStrategy:0' });
    expect(effect.actions[1]!.note).toMatch(/booked as a loss of this tranche/);
    // Tranche 3 does not exist: flagged, not labelled "no effect".
    expect(effect.actions[2]).toMatchObject({ kind: 'notModelled', call: 'bufferShare:3' });
    expect(effect.complete).toBe(false);
  });
});
