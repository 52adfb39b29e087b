import { encodeFunctionData, getAddress, maxUint256, parseUnits, type Address } from 'viem';
import { describe, expect, it } from 'vitest';
import { backstopGovernorAbi, backstopModuleAbi, clearinghouseAbi } from '@/lib/chain/abis.generated';
import type { ChainParams } from './chainParams';
import { decodeAction } from './decode';
import { encodeAction, parseInputs } from './encode';
import { buildTemplates } from './templates';

const wad = (n: string) => parseUnits(n, 18);
const DAY = 86_400n;
const targets = {
  module: '0x1000000000000000000000000000000000000001' as Address,
  clearinghouse: '0x2000000000000000000000000000000000000002' as Address,
  steward: '0x3000000000000000000000000000000000000003' as Address,
};

const params: ChainParams = {
  assetDecimals: 6,
  assetSymbol: 'tUSD',
  tranches: [
    {
      id: 0,
      name: 'Junior',
      depositCap: parseUnits('5000000', 6),
      cooldown: 7n * DAY,
      unstakeWindow: 2n * DAY,
      riskMultiplier: wad('3'),
      vault: '0x7000000000000000000000000000000000000000',
      strategy: '0x0000000000000000000000000000000000000000',
      bufferShare: wad('1'),
    },
    {
      id: 1,
      name: 'Mezzanine',
      depositCap: parseUnits('10000000', 6),
      cooldown: 7n * DAY,
      unstakeWindow: 2n * DAY,
      riskMultiplier: wad('1.5'),
      vault: '0x7000000000000000000000000000000000000001',
      strategy: '0x8000000000000000000000000000000000000008',
      bufferShare: wad('0.2'),
    },
    {
      id: 2,
      name: 'Senior',
      depositCap: parseUnits('20000000', 6),
      cooldown: 14n * DAY,
      unstakeWindow: 2n * DAY,
      riskMultiplier: wad('1'),
      vault: '0x7000000000000000000000000000000000000002',
      strategy: '0x0000000000000000000000000000000000000000',
      bufferShare: wad('1'),
    },
  ],
  markets: [
    {
      id: 0,
      name: 'ETH',
      stressLossRate: wad('0.12'),
      initialMarginRate: wad('0.1'),
      maintenanceMarginRate: wad('0.05'),
      feeRate: wad('0.0005'),
      liquidationFeeRate: wad('0.01'),
      liquidationImpact: wad('0.02'),
      liquidityDepth: parseUnits('50000000', 6),
    },
    {
      id: 1,
      name: 'BTC',
      stressLossRate: wad('0.1'),
      initialMarginRate: wad('0.1'),
      maintenanceMarginRate: wad('0.05'),
      feeRate: wad('0.0005'),
      liquidationFeeRate: null,
      liquidationImpact: wad('0.02'),
      liquidityDepth: parseUnits('80000000', 6),
    },
  ],
  protocols: [
    {
      id: 0,
      name: 'Harbor Perps',
      clearinghouse: targets.clearinghouse,
      active: true,
      suspended: false,
      exposureCap: maxUint256,
      premiumShare: wad('1'),
      markets: [
        { id: 0, name: 'ETH', stressLossRate: wad('0.12') },
        { id: 1, name: 'BTC', stressLossRate: wad('0.1') },
      ],
    },
    {
      id: 1,
      name: 'Meridian',
      clearinghouse: '0x9000000000000000000000000000000000000009',
      active: true,
      suspended: false,
      exposureCap: parseUnits('2000000', 6),
      premiumShare: wad('0.5'),
      markets: [
        { id: 0, name: 'ETH', stressLossRate: wad('0.15') },
        { id: 1, name: 'SOL', stressLossRate: wad('0.2') },
      ],
    },
    {
      id: 2,
      // A hostile name straight from the chain: a right-to-left override, a newline, far too long.
      name: 'Evil\u202e\nProtocol' + 'x'.repeat(200),
      clearinghouse: '0xa00000000000000000000000000000000000000a',
      active: false,
      suspended: false,
      exposureCap: 0n,
      premiumShare: 0n,
      markets: [],
    },
  ],
  premiumVestingPeriod: 7n * DAY,
  solvencyThreshold: wad('1.2'),
  guardian: '0x3000000000000000000000000000000000000003',
  maxPriceAge: DAY,
  governancePath: null,
  premium: {
    kink: wad('0.8'),
    slope1: wad('1'),
    slope2: wad('4'),
    referenceVolatility: wad('0.6'),
    volatility: wad('0.6'),
  },
  steward: {
    keeper: '0x4000000000000000000000000000000000000004',
    maxStep: wad('0.1'),
    minInterval: 6n * 3_600n,
    min: [wad('1.5'), wad('0.75'), wad('0.5'), wad('0.2')],
    max: [wad('6'), wad('3'), wad('2'), wad('2')],
  },
};

const templates = buildTemplates(params);
const byId = (id: string) => {
  const t = templates.find((x) => x.id === id);
  if (!t) throw new Error(`no template ${id}`);
  return t;
};

/** Types the texts into the template, encodes the action, decodes it back into words. */
function roundTrip(id: string, texts: string[]): string {
  const template = byId(id);
  const parsed = parseInputs(template, texts);
  if (!parsed.ok) throw new Error(`invalid input: ${parsed.errors.join('; ')}`);
  const action = encodeAction(template, parsed.values, targets);
  expect(action.target).toBe(targets[template.contract]);
  const decoded = decodeAction(action, params, targets);
  expect(decoded.template?.id).toBe(id);
  return decoded.words;
}

describe('template registry', () => {
  it('has one template per timelock-owned setter, per tranche and per market', () => {
    expect(templates.map((t) => t.id).sort()).toEqual(
      [
        ...[0, 1, 2].flatMap((i) => [`depositCap:${i}`, `cooldown:${i}`, `unstakeWindow:${i}`, `riskMultiplier:${i}`]),
        ...[0, 1].flatMap((i) => [`stressLossRate:${i}`, `marketParams:${i}`]),
        'premiumVestingPeriod',
        'solvencyThreshold',
        'guardian',
        'maxPriceAge',
        'premiumCurve',
        'premiumVolatility',
        'stewardLimits',
        ...[0, 1, 2, 3].map((i) => `stewardBounds:${i}`),
        'stewardKeeper',
        'addProtocol',
        // Removed protocols (2) cannot be removed again; protocol 0's rates are stressLossRate:<market>.
        ...[0, 1].flatMap((i) => [`removeProtocol:${i}`, `suspendProtocol:${i}`]),
        ...[0, 1, 2].flatMap((i) => [`protocolName:${i}`, `exposureCap:${i}`, `premiumShare:${i}`]),
        'protocolStressLossRate:1:0',
        'protocolStressLossRate:1:1',
        ...[0, 1, 2].flatMap((i) => [`trancheStrategy:${i}`, `bufferShare:${i}`]),
      ].sort(),
    );
  });
});

describe('decodeAction: encode then decode every template into words', () => {
  it('tranche deposit cap', () => {
    expect(roundTrip('depositCap:1', ['12,500,000'])).toBe('Mezzanine deposit cap: 10,000,000 tUSD → 12,500,000 tUSD');
  });
  it('tranche cooldown', () => {
    expect(roundTrip('cooldown:0', ['5'])).toBe('Junior cooldown: 7 days → 5 days');
    expect(roundTrip('cooldown:2', ['1.5'])).toBe('Senior cooldown: 14 days → 36 hours');
  });
  it('tranche unstake window', () => {
    expect(roundTrip('unstakeWindow:0', ['36'])).toBe('Junior unstake window: 2 days → 36 hours');
  });
  it('tranche risk multiplier', () => {
    expect(roundTrip('riskMultiplier:0', ['3.5'])).toBe('Junior risk multiplier: 3× → 3.5×');
  });
  it('premium vesting period', () => {
    expect(roundTrip('premiumVestingPeriod', ['10'])).toBe('Premium vesting period: 7 days → 10 days');
  });
  it('stress loss rate per market', () => {
    expect(roundTrip('stressLossRate:0', ['15'])).toBe('ETH stress loss rate: 12% → 15%');
    expect(roundTrip('stressLossRate:1', ['8.5'])).toBe('BTC stress loss rate: 10% → 8.5%');
  });
  it('solvency threshold', () => {
    expect(roundTrip('solvencyThreshold', ['1.5'])).toBe('Solvency threshold: 1.2× → 1.5×');
  });
  it('guardian, checksummed', () => {
    const next = '0xabcdefabcdefabcdefabcdefabcdefabcdefabcd';
    expect(roundTrip('guardian', [next])).toBe(
      `Guardian: 0x3000000000000000000000000000000000000003 → ${getAddress(next)}`,
    );
  });
  it('max price age', () => {
    expect(roundTrip('maxPriceAge', ['90'])).toBe('Maximum oracle price age: 1 day → 90 minutes');
  });
  it("the risk steward's step, interval, ranges and keeper", () => {
    expect(roundTrip('stewardLimits', ['5', '12'])).toBe(
      'Steward step and interval: largest step per update 10% → 5%, shortest interval per parameter 6 hours → 12 hours',
    );
    expect(roundTrip('stewardBounds:3', ['20', '150'])).toBe('Steward range: premium volatility: highest 200% → 150%');
    expect(roundTrip('stewardBounds:0', ['2', '6'])).toBe('Steward range: Junior risk multiplier: lowest 1.5× → 2×');
    expect(roundTrip('stewardKeeper', ['0x5000000000000000000000000000000000000005'])).toMatch(
      /^Risk steward's keeper: /,
    );
  });
  it('refuses a steward range upside down and a step beyond the limit', () => {
    const parsed = parseInputs(byId('stewardBounds:1'), ['2', '1']);
    expect(parsed.ok).toBe(false);
    expect(parseInputs(byId('stewardLimits'), ['51', '6']).ok).toBe(false);
  });
  it('premium volatility input', () => {
    expect(roundTrip('premiumVolatility', ['75'])).toBe('Premium volatility input: 60% → 75%');
  });
  it('premium curve: names only the parts that change', () => {
    expect(roundTrip('premiumCurve', ['70', '1', '6', '60'])).toBe(
      'Premium curve: kink (utilisation) 80% → 70%, slope above the kink 4× → 6×',
    );
  });
  it('market params: names only the fields that change', () => {
    expect(roundTrip('marketParams:0', ['12', '5', '0.05', '1', '2', '50000000'])).toBe(
      'ETH market parameters: initial margin 10% → 12%',
    );
    expect(roundTrip('marketParams:0', ['10', '5', '0.1', '1', '3', '50000000'])).toBe(
      'ETH market parameters: trading fee 0.05% → 0.1%, liquidation impact 2% → 3%',
    );
    expect(roundTrip('marketParams:1', ['10', '5', '0.05', '1', '2', '80000000'])).toBe(
      'BTC market parameters: liquidation fee unknown → 1%',
    );
  });
});

describe('decodeAction: staged market changes', () => {
  it('says a looser market-parameter change is only announced', () => {
    expect(roundTrip('marketParams:0', ['8', '5', '0.05', '1', '2', '50000000'])).toBe(
      'ETH market parameters: initial margin 10% → 8% (looser: announced only: it takes effect after the market-change delay (longest exit + 1 day), unless cancelled)',
    );
  });
  it('says nothing of a delay for a tighter change, which applies at once', () => {
    expect(roundTrip('marketParams:0', ['12', '6', '0.05', '1', '2', '50000000'])).not.toMatch(/announced/);
  });
});

describe('decodeAction: one-off actions in words', () => {
  const words = (target: Address, calldata: `0x${string}`) => decodeAction({ target, calldata }, params, targets).words;
  it('restarting a wiped tranche', () => {
    const calldata = encodeFunctionData({ abi: backstopModuleAbi, functionName: 'startNewEpoch', args: [0] });
    expect(words(targets.module, calldata)).toMatch(
      /^Backstop module: Restart Junior \(new share epoch\): what the wipe left is settled on the holders from before it/,
    );
  });
  it('a new market, with its hostile name quoted and cut', () => {
    const oracle = '0x5000000000000000000000000000000000000005' as Address;
    const market = {
      initialMarginRate: 1n,
      maintenanceMarginRate: 1n,
      feeRate: 0n,
      liquidationFeeRate: 0n,
      liquidationImpact: 0n,
      liquidityDepth: 1n,
    };
    const calldata = encodeFunctionData({
      abi: clearinghouseAbi,
      functionName: 'addMarket',
      args: ['X'.repeat(500), oracle, market, 3_600n],
    });
    const text = words(targets.clearinghouse, calldata);
    expect(text).toBe(
      `Clearinghouse: New market "${'X'.repeat(32)}…" priced by oracle ${oracle} (max price age 1 h): announced only: it takes effect after the market-change delay (longest exit + 1 day), unless cancelled`,
    );
  });
  it('the bad-debt keeper reward cap', () => {
    const calldata = encodeFunctionData({ abi: clearinghouseAbi, functionName: 'setMaxBadDebtReward', args: [2_000n] });
    expect(words(targets.clearinghouse, calldata)).toBe(
      'Clearinghouse: Keeper reward for a bad-debt liquidation: at most 2000 tUSD',
    );
  });
});

describe('decodeAction: calls no template makes', () => {
  it('names an unknown target and selector', () => {
    const other = '0x4000000000000000000000000000000000000004' as Address;
    const calldata = encodeFunctionData({ abi: backstopGovernorAbi, functionName: 'relay', args: [other, 0n, '0x'] });
    expect(decodeAction({ target: other, calldata }, params, targets).words).toBe(
      `Unknown call to ${other} (${calldata.slice(0, 10)})`,
    );
  });
  it('names an undecodable call to a known target', () => {
    expect(decodeAction({ target: targets.module, calldata: '0xdeadbeef' }, params, targets).words).toBe(
      `Unknown call to ${targets.module} (0xdeadbeef)`,
    );
  });
});

describe('parseInputs: the contract bounds', () => {
  it('refuses a cooldown over MAX_COOLDOWN (60 days)', () => {
    const r = parseInputs(byId('cooldown:0'), ['61']);
    expect(r).toEqual({ ok: false, errors: ['Must be between 0 days and 60 days (0, MAX_COOLDOWN).'] });
    expect(parseInputs(byId('cooldown:0'), ['60']).ok).toBe(true);
  });
  it('refuses an unstake window under an hour', () => {
    const r = parseInputs(byId('unstakeWindow:0'), ['0.5']);
    expect(r.ok).toBe(false);
  });
  it('refuses a risk multiplier outside 0.1×–10×, a stress rate over 100%, a threshold outside 0.5×–5×', () => {
    expect(parseInputs(byId('riskMultiplier:0'), ['0.09']).ok).toBe(false);
    expect(parseInputs(byId('riskMultiplier:0'), ['10.01']).ok).toBe(false);
    expect(parseInputs(byId('stressLossRate:0'), ['100.5']).ok).toBe(false);
    expect(parseInputs(byId('solvencyThreshold'), ['0.4']).ok).toBe(false);
    expect(parseInputs(byId('maxPriceAge'), ['0.5']).ok).toBe(false);
    expect(parseInputs(byId('maxPriceAge'), ['10081']).ok).toBe(false);
  });
  it('refuses a bad address and text that is not a number', () => {
    expect(parseInputs(byId('guardian'), ['0x1234'])).toEqual({
      ok: false,
      errors: ['Not an address: expected 0x followed by 40 hex digits.'],
    });
    expect(parseInputs(byId('cooldown:0'), ['five']).ok).toBe(false);
  });
  it('checks market params across fields like the clearinghouse', () => {
    const r = parseInputs(byId('marketParams:0'), ['4', '5', '0.05', '6', '2', '1000']);
    expect(r).toEqual({
      ok: false,
      errors: [
        'The initial margin must be at least the maintenance margin.',
        null,
        null,
        'The liquidation fee may not exceed the maintenance margin.',
        null,
        null,
      ],
    });
    expect(parseInputs(byId('marketParams:0'), ['10', '5', '1.5', '1', '2', '1000']).ok).toBe(false); // fee > MAX_FEE_RATE
  });
});

describe('covered protocols and productive capital: encode then decode', () => {
  const meridianHouse = '0xb00000000000000000000000000000000000000b';
  it('adds a covered protocol, every argument in words', () => {
    expect(roundTrip('addProtocol', [meridianHouse, ' Orbit Perps ', '1,500,000', '40'])).toBe(
      `Add covered protocol "Orbit Perps" (clearinghouse ${getAddress(meridianHouse)}), exposure cap 1,500,000 tUSD, ` +
        'premium share 40%: it may draw on the waterfall once its markets have stress loss rates (0 until set)',
    );
    const parsed = parseInputs(byId('addProtocol'), [meridianHouse, 'Orbit Perps', '1500000.5', '40']);
    expect(parsed.ok && parsed.values).toEqual([
      getAddress(meridianHouse),
      'Orbit Perps',
      1_500_000_500_000n,
      wad('0.4'),
    ]);
  });
  it('removes a protocol, naming it and what removal does', () => {
    expect(roundTrip('removeProtocol:1', [])).toBe(
      'Remove covered protocol Meridian (#1, clearinghouse 0x9000000000000000000000000000000000000009): its exposure ' +
        'leaves required capital, it can no longer draw on the waterfall, its clearinghouse opens no new positions ' +
        'and a removed protocol cannot be added back',
    );
  });
  it("sets a protocol's exposure cap, premium share and name", () => {
    expect(roundTrip('exposureCap:1', ['3000000'])).toBe('Meridian exposure cap: 2,000,000 tUSD → 3,000,000 tUSD');
    expect(roundTrip('exposureCap:0', ['1000000'])).toBe('Harbor Perps exposure cap: unlimited → 1,000,000 tUSD');
    expect(roundTrip('premiumShare:1', ['62.5'])).toBe('Meridian premium share: 50% → 62.5%');
    expect(roundTrip('protocolName:1', ['Meridian Perps'])).toBe('Meridian name: "Meridian" → "Meridian Perps"');
    const template = byId('protocolName:1');
    const parsed = parseInputs(template, ['MERIDIAN']);
    if (!parsed.ok) throw new Error('MERIDIAN is a valid name');
    const recased = decodeAction(encodeAction(template, parsed.values, targets), params, targets);
    expect(recased.changes[0]).toMatchObject({ current: '"Meridian"', proposed: '"MERIDIAN"', changed: true });
  });
  it("sets a stress loss rate for one of another protocol's markets", () => {
    expect(roundTrip('protocolStressLossRate:1:1', ['25'])).toBe('Meridian · SOL stress loss rate: 20% → 25%');
  });
  it("decodes setProtocolStressLossRate for protocol 0 as that market's stress loss rate", () => {
    const calldata = encodeFunctionData({
      abi: backstopModuleAbi,
      functionName: 'setProtocolStressLossRate',
      args: [0n, 1n, wad('0.11')],
    });
    const decoded = decodeAction({ target: targets.module, calldata }, params, targets);
    expect(decoded.template?.id).toBe('stressLossRate:1');
    expect(decoded.words).toBe('BTC stress loss rate: 10% → 11%');
  });
  it("sets a tranche's strategy and buffer, and a buffer share alone", () => {
    const vault = '0xc00000000000000000000000000000000000000c';
    expect(roundTrip('trancheStrategy:0', [vault, '25'])).toBe(
      `Junior strategy and buffer: strategy (erc-4626 vault; 0x0 for none) none → ${getAddress(vault)}, ` +
        'buffer share (kept idle) 100% → 25%',
    );
    expect(roundTrip('trancheStrategy:1', ['0x0000000000000000000000000000000000000000', '100'])).toBe(
      `Mezzanine strategy and buffer: strategy (erc-4626 vault; 0x0 for none) ${getAddress('0x8000000000000000000000000000000000000008')} → none, ` +
        'buffer share (kept idle) 20% → 100%',
    );
    expect(roundTrip('bufferShare:1', ['10'])).toBe('Mezzanine buffer share: 20% → 10%');
  });
  it('a permissionless rebalance in words', () => {
    const calldata = encodeFunctionData({ abi: backstopModuleAbi, functionName: 'rebalance', args: [1] });
    expect(decodeAction({ target: targets.module, calldata }, params, targets).words).toBe(
      "Backstop module: Rebalance Mezzanine: book its strategy's gain or loss since the last report and move assets " +
        'toward its buffer target (anyone may call this at any time)',
    );
  });
});

describe('covered protocols: hostile names', () => {
  const words = (calldata: `0x${string}`) => decodeAction({ target: targets.module, calldata }, params, targets).words;
  it('labels a protocol with a hostile on-chain name by its printable part, cut, in templates and words', () => {
    const t = byId('exposureCap:2');
    expect(t.label).toBe(`Evil Protocol${'x'.repeat(19)} (removed) exposure cap`);
    expect(t.label).not.toMatch(/[^\x20-\x7e]/);
    expect(roundTrip('premiumShare:2', ['10'])).toBe(
      `Evil Protocol${'x'.repeat(19)} (removed) premium share: 0% → 10%`,
    );
  });
  it('shows a refused name from calldata quoted, printable only, with why the module refuses it', () => {
    const calldata = encodeFunctionData({
      abi: backstopModuleAbi,
      functionName: 'setProtocolName',
      args: [1n, 'Safe\u202eeman\nX'],
    });
    const text = words(calldata);
    expect(text).toBe(
      'Meridian name: "Meridian" → "Safe eman X" (refused by the module: U+202E is not printable ASCII (letters, ' +
        'digits, spaces and punctuation only))',
    );
    expect(text.replace(' → ', ' ')).not.toMatch(/[^\x20-\x7e]/);
    const long = encodeFunctionData({
      abi: backstopModuleAbi,
      functionName: 'addProtocol',
      args: ['0xb00000000000000000000000000000000000000b', 'y'.repeat(40), 0n, 0n],
    });
    expect(words(long)).toMatch(
      new RegExp(
        `^Add covered protocol "${'y'.repeat(32)}"… \\(refused by the module: 40 characters, at most 32 \\(MAX_PROTOCOL_NAME_LENGTH\\)\\)`,
      ),
    );
  });
  it('names calls on an unknown or removed protocol with the revert they would meet', () => {
    expect(words(encodeFunctionData({ abi: backstopModuleAbi, functionName: 'removeProtocol', args: [7n] }))).toBe(
      'Backstop module: removeProtocol for protocol #7, which is not registered (it would revert: UnknownProtocol)',
    );
    expect(words(encodeFunctionData({ abi: backstopModuleAbi, functionName: 'removeProtocol', args: [2n] }))).toBe(
      `Backstop module: Remove Evil Protocol${'x'.repeat(19)} (#2): already removed (it would revert: ProtocolNotActive)`,
    );
  });
});

describe('decodeAction: suspending and resuming a protocol', () => {
  const suspended: ChainParams = {
    ...params,
    protocols: params.protocols.map((p) => (p.id === 1 ? { ...p, suspended: true } : p)),
  };
  const call = (functionName: 'suspendProtocol' | 'resumeProtocol', id: bigint, q: ChainParams) =>
    decodeAction(
      { target: targets.module, calldata: encodeFunctionData({ abi: backstopModuleAbi, functionName, args: [id] }) },
      q,
      targets,
    );
  it('offers suspend for an unsuspended protocol and resume for a suspended one, never both', () => {
    const ids = (q: ChainParams) => buildTemplates(q).map((t) => t.id);
    expect(ids(params)).toEqual(expect.arrayContaining(['suspendProtocol:0', 'suspendProtocol:1']));
    expect(ids(params)).not.toContain('resumeProtocol:1');
    expect(ids(suspended)).toContain('resumeProtocol:1');
    expect(ids(suspended)).not.toContain('suspendProtocol:1');
    // a removed protocol is offered neither
    expect(ids(params).filter((id) => /^(suspend|resume)Protocol:2$/.test(id))).toEqual([]);
  });
  it('says in words what each does', () => {
    const suspend = call('suspendProtocol', 1n, params);
    expect(suspend.template?.id).toBe('suspendProtocol:1');
    expect(suspend.words).toBe(
      'Suspend covered protocol Meridian (#1, clearinghouse 0x9000000000000000000000000000000000000009): it can no ' +
        'longer draw on the waterfall, its exposure leaves required capital and its clearinghouse opens no new ' +
        'positions (closes go on) until governance resumes it; the guardian can suspend at once, without a vote',
    );
    const resume = call('resumeProtocol', 1n, suspended);
    expect(resume.template?.id).toBe('resumeProtocol:1');
    expect(resume.words).toMatch(/^Resume covered protocol Meridian \(suspended\) \(#1, clearinghouse 0x9000/);
    expect(resume.words).toMatch(/it may draw on the waterfall again, its exposure counts in required capital again/);
  });
  it('names the revert of a suspension the module refuses', () => {
    expect(call('suspendProtocol', 1n, suspended).words).toBe(
      'Backstop module: Suspend Meridian (#1): already suspended (it would revert: ProtocolIsSuspended)',
    );
    expect(call('resumeProtocol', 1n, params).words).toBe(
      'Backstop module: Resume Meridian (#1): not suspended (it would revert: ProtocolNotSuspended)',
    );
    expect(call('suspendProtocol', 2n, params).words).toBe(
      `Backstop module: Suspend Evil Protocol${'x'.repeat(19)} (#2): removed (it would revert: ProtocolNotActive)`,
    );
    expect(call('resumeProtocol', 2n, params).words).toBe(
      `Backstop module: Resume Evil Protocol${'x'.repeat(19)} (#2): removed (it would revert: ProtocolNotActive)`,
    );
    expect(call('resumeProtocol', 7n, params).words).toBe(
      'Backstop module: resumeProtocol for protocol #7, which is not registered (it would revert: UnknownProtocol)',
    );
  });
});

describe('parseInputs: covered protocols and buffers, the contract bounds', () => {
  it('refuses names the module refuses, with the reason', () => {
    const add = (name: string) =>
      parseInputs(byId('addProtocol'), ['0xb00000000000000000000000000000000000000b', name, '0', '0']);
    expect(add('')).toEqual({ ok: false, errors: [null, 'Enter protocol name.', null, null] });
    expect(add('z'.repeat(33))).toEqual({
      ok: false,
      errors: [null, 'Not a valid name: 33 characters, at most 32 (MAX_PROTOCOL_NAME_LENGTH).', null, null],
    });
    expect(add('Zürich')).toEqual({
      ok: false,
      errors: [
        null,
        'Not a valid name: U+00FC is not printable ASCII (letters, digits, spaces and punctuation only).',
        null,
        null,
      ],
    });
    expect(add('z'.repeat(32)).ok).toBe(true);
    expect(parseInputs(byId('protocolName:1'), ['tab\there']).ok).toBe(false);
  });
  it('refuses a bad, zero or already-registered clearinghouse', () => {
    const add = (c: string) => parseInputs(byId('addProtocol'), [c, 'X', '0', '0']);
    expect(add('0x12')).toEqual({
      ok: false,
      errors: ['Not an address: expected 0x followed by 40 hex digits.', null, null, null],
    });
    expect(add('0x0000000000000000000000000000000000000000')).toEqual({
      ok: false,
      errors: ['The zero address is not a clearinghouse.', null, null, null],
    });
    expect(add('0xa00000000000000000000000000000000000000A')).toEqual({
      ok: false,
      errors: [
        `Already registered as Evil Protocol${'x'.repeat(19)} (protocol #2, removed): a clearinghouse is registered once.`,
        null,
        null,
        null,
      ],
    });
  });
  it('refuses an eighth-plus-one protocol (MAX_PROTOCOLS, removed ones included)', () => {
    const full: ChainParams = {
      ...params,
      protocols: Array.from({ length: 8 }, (_, i) => ({
        ...params.protocols[1]!,
        id: i,
        clearinghouse: `0x${(i + 1).toString(16).padStart(40, '0')}` as Address,
      })),
    };
    const t = buildTemplates(full).find((x) => x.id === 'addProtocol')!;
    expect(parseInputs(t, ['0xb00000000000000000000000000000000000000b', 'X', '0', '0'])).toEqual({
      ok: false,
      errors: [
        'The module has registered 8 protocols, the most it can (MAX_PROTOCOLS; removed ones keep their id).',
        null,
        null,
        null,
      ],
    });
  });
  it('refuses a premium share over 100 %, too many decimals, and an exposure cap with too many decimals', () => {
    expect(parseInputs(byId('premiumShare:1'), ['100.01'])).toEqual({
      ok: false,
      errors: ['Must be between 0% and 100% (0, 100 %).'],
    });
    expect(parseInputs(byId('premiumShare:1'), ['100']).ok).toBe(true);
    expect(parseInputs(byId('premiumShare:1'), ['0.00000000000000001'])).toEqual({
      ok: false,
      errors: ['Too many decimals: at most 16 decimals.'],
    });
    expect(parseInputs(byId('exposureCap:1'), ['1.0000001'])).toEqual({
      ok: false,
      errors: ['Too many decimals: at most 6 decimals.'],
    });
  });
  it('refuses a buffer share outside [MIN_BUFFER_SHARE, MAX_BUFFER_SHARE] and a tranche vault as strategy', () => {
    expect(parseInputs(byId('bufferShare:0'), ['4.99'])).toEqual({
      ok: false,
      errors: ['Must be between 5% and 100% (MIN_BUFFER_SHARE, MAX_BUFFER_SHARE).'],
    });
    expect(parseInputs(byId('bufferShare:0'), ['5']).ok).toBe(true);
    expect(parseInputs(byId('trancheStrategy:0'), ['0x7000000000000000000000000000000000000002', '20'])).toEqual({
      ok: false,
      errors: ['That is the Senior vault: a tranche cannot be a strategy (InvalidStrategy).', null],
    });
    expect(parseInputs(byId('protocolStressLossRate:1:0'), ['100.1']).ok).toBe(false);
  });
});
