import { encodeFunctionData, parseUnits, type Address } from 'viem';
import { describe, expect, it } from 'vitest';
import { backstopModuleAbi } from '@/lib/chain/abis.generated';
import { analyticQuote } from '@/lib/risk';
import { testInputs, testMarket } from '@/lib/risk/testInputs';
import type { EffectState } from './effectState';
import { modelInputsFor, proposalEffect } from './proposalEffect';
import { WAD } from './solvencyMath';

const wad = (n: string) => parseUnits(n, 18);
const usd = (n: string) => parseUnits(n, 6);
const targets = {
  module: '0x1000000000000000000000000000000000000001' as Address,
  clearinghouse: '0x2000000000000000000000000000000000000002' as Address,
};
const book = { maintenanceMarginRate: wad('0.05'), liquidationImpact: wad('0.1'), liquidityDepth: usd('5000000') };
const harborEth = { id: 0, name: 'ETH', longNotional: usd('3000000.123457'), shortNotional: usd('2000000') };
const harborBtc = { id: 1, name: 'BTC', longNotional: usd('4000000'), shortNotional: usd('3000000') };
const meridianEth = { id: 0, name: 'ETH-PERP', longNotional: usd('1000000.000003'), shortNotional: usd('500000') };

// Harbor (protocol 0, the lens's markets) and Meridian (protocol 1, ETH only).
const state: EffectState = {
  blockNumber: 1n,
  timestamp: 1_700_000_000,
  assetDecimals: 6,
  assetSymbol: 'tUSD',
  markets: [
    { ...harborEth, stressLossRate: wad('0.12'), ...book },
    { ...harborBtc, stressLossRate: wad('0.1'), ...book },
  ],
  protocols: [
    {
      id: 0,
      active: true,
      suspended: false,
      markets: [
        { ...harborEth, stressLossRate: wad('0.12') },
        { ...harborBtc, stressLossRate: wad('0.1') },
      ],
    },
    { id: 1, active: true, suspended: false, markets: [{ ...meridianEth, stressLossRate: wad('0.2') }] },
  ],
  tranches: [
    { id: 0, name: 'Junior', totalAssets: usd('300000'), riskMultiplier: wad('3') },
    { id: 1, name: 'Mezzanine', totalAssets: usd('600000'), riskMultiplier: wad('1.5') },
    { id: 2, name: 'Senior', totalAssets: usd('1000000'), riskMultiplier: wad('1') },
  ],
  solvencyThreshold: WAD,
  premium: null,
};
const model = testInputs([testMarket('ETH'), testMarket('BTC')]);
const moduleCall = <
  F extends 'setStressLossRate' | 'setProtocolStressLossRate' | 'removeProtocol' | 'suspendProtocol' | 'resumeProtocol',
>(
  functionName: F,
  args: readonly bigint[],
) => ({
  target: targets.module,
  calldata: encodeFunctionData({ abi: backstopModuleAbi, functionName, args } as never),
});
const run = (actions: ReturnType<typeof moduleCall>[]) => proposalEffect({ state, model, actions, targets });

// By hand, each market rounded down: Harbor ETH 5,000,000.123457 × 12 % = 600,000.01481484 → 600,000,014,814 raw;
// Harbor BTC 7,000,000 × 10 % = 700,000,000,000 raw; Meridian ETH 1,500,000.000003 × 20 % = 300,000.0000006
// → 300,000,000,000 raw.
const HARBOR = 600_000_014_814n + 700_000_000_000n;
const MERIDIAN = 300_000_000_000n;

describe('proposalEffect with two covered protocols', () => {
  it('its "before" sums both protocols, as BackstopModule.requiredCapital does', () => {
    expect(run([]).requiredCapital).toEqual({ before: HARBOR + MERIDIAN, after: HARBOR + MERIDIAN });
  });

  it("moves one protocol's stress loss rate: Meridian ETH at 30 %", () => {
    const effect = run([moduleCall('setProtocolStressLossRate', [1n, 0n, wad('0.3')])]);
    // 1,500,000.000003 × 30 % = 450,000.0000009 → 450,000,000,000 raw.
    expect(effect.requiredCapital).toEqual({ before: HARBOR + MERIDIAN, after: HARBOR + 450_000_000_000n });
    expect(effect.actions[0]).toMatchObject({ kind: 'modelled', affects: expect.arrayContaining(['requiredCapital']) });
    // The model does not read stress loss rates.
    for (const t of effect.tranches) expect(t.expectedLoss!.after).toBe(t.expectedLoss!.before);
  });

  it("protocol 0's own setter moves protocol 0 only", () => {
    const effect = run([moduleCall('setStressLossRate', [1n, wad('0.2')])]);
    expect(effect.requiredCapital.after).toBe(600_000_014_814n + 1_400_000_000_000n + MERIDIAN);
  });

  it("removing a protocol drops its exposure from required capital and its open interest from the model's books", () => {
    const effect = run([moduleCall('removeProtocol', [1n])]);
    expect(effect.requiredCapital).toEqual({ before: HARBOR + MERIDIAN, after: HARBOR });
    expect(effect.tranches[0]!.expectedLoss!.after).toBeLessThan(effect.tranches[0]!.expectedLoss!.before);
    const again = run([moduleCall('removeProtocol', [1n]), moduleCall('removeProtocol', [1n])]);
    expect(again.actions[1]).toMatchObject({ kind: 'notModelled' });
  });

  it('suspending a protocol drops exactly its exposure and its books; resuming it in the same proposal restores both', () => {
    const effect = run([moduleCall('suspendProtocol', [1n])]);
    expect(effect.requiredCapital).toEqual({ before: HARBOR + MERIDIAN, after: HARBOR });
    expect(effect.actions[0]).toMatchObject({ kind: 'modelled', call: 'suspendProtocol:1' });
    expect(effect.tranches[0]!.expectedLoss!.after).toBeLessThan(effect.tranches[0]!.expectedLoss!.before);
    const back = run([moduleCall('suspendProtocol', [1n]), moduleCall('resumeProtocol', [1n])]);
    expect(back.requiredCapital.after).toBe(HARBOR + MERIDIAN);
    expect(back.tranches[0]!.expectedLoss!.after).toBe(back.tranches[0]!.expectedLoss!.before);
    const twice = run([moduleCall('suspendProtocol', [1n]), moduleCall('suspendProtocol', [1n])]);
    expect(twice.actions[1]).toMatchObject({ kind: 'notModelled' });
    expect(run([moduleCall('resumeProtocol', [1n])]).actions[0]).toMatchObject({ kind: 'notModelled' });
  });

  it("gives the model each asset's open interest over both protocols", () => {
    const inputs = modelInputsFor(state, model);
    expect(inputs.markets[0]).toMatchObject({ longNotional: 4_000_000.12346, shortNotional: 2.5e6 });
    expect(inputs.markets[1]).toMatchObject({ longNotional: 4e6, shortNotional: 3e6 });
    const alone = modelInputsFor({ ...state, protocols: [state.protocols![0]!] }, model);
    expect(analyticQuote(inputs).portfolio.expectedShortfall).toBeGreaterThan(
      analyticQuote(alone).portfolio.expectedShortfall,
    );
  });
});
