import { encodeFunctionData, type Address } from 'viem';
import { describe, expect, it } from 'vitest';
import { backstopModuleAbi, clearinghouseAbi } from '@/lib/chain/abis.generated';
import { accountAlerts, type AccountAlertInput, type AlertTranche } from './accountAlerts';
import { proposalTranches } from './proposalTranches';

const HOUR = 3_600;
const DAY = 24 * HOUR;
const usd = (n: number) => BigInt(n) * 10n ** 6n;
const shares = (n: number) => BigInt(n) * 10n ** 18n;

const COOLDOWN_END = 1_000_000;
const WINDOW_END = COOLDOWN_END + 3 * DAY;

const tranche = (over: Partial<AlertTranche> = {}): AlertTranche => ({
  id: 1,
  name: 'Mezzanine',
  shareSymbol: 'bsMEZ',
  shareDecimals: 18,
  shares: shares(10),
  cooldownShares: shares(4),
  cooldownEnd: COOLDOWN_END,
  windowEnd: WINDOW_END,
  requestValue: usd(420),
  ...over,
});

const input = (over: Partial<AccountAlertInput> = {}): AccountAlertInput => ({
  now: COOLDOWN_END - 1,
  asset: { decimals: 6, symbol: 'tUSD' },
  tranches: [tranche()],
  flows: [],
  losses: [],
  proposals: [],
  ...over,
});

const idsAt = (now: number, over: Partial<AccountAlertInput> = {}) =>
  accountAlerts(input({ now, ...over })).map((a) => a.id);

describe('accountAlerts: the exit request', () => {
  it('says nothing while the cooldown runs, then that the window is open, at the cooldown’s end exactly', () => {
    expect(idsAt(COOLDOWN_END - 1)).toEqual([]);
    const [open] = accountAlerts(input({ now: COOLDOWN_END }));
    expect(open).toMatchObject({ id: `window-open-1-${COOLDOWN_END}`, kind: 'window-open', time: COOLDOWN_END });
    expect(open!.title).toBe('Mezzanine: your cooldown ended, the withdrawal window is open');
    expect(open!.text).toContain('up to 4.0000 bsMEZ (at most 420.00 tUSD)');
    expect(open!.text).toContain('a window of 3 d');
    expect(open!.path).toBe('/tranches/mezzanine');
  });

  it('warns from exactly 24 h before the window closes, not a second earlier', () => {
    expect(idsAt(WINDOW_END - DAY - 1)).toEqual([`window-open-1-${COOLDOWN_END}`]);
    const alerts = accountAlerts(input({ now: WINDOW_END - DAY }));
    expect(alerts.map((a) => a.id)).toEqual([`window-closing-1-${COOLDOWN_END}`, `window-open-1-${COOLDOWN_END}`]);
    expect(alerts[0]!.time).toBe(WINDOW_END - DAY);
    expect(alerts[0]!.text).toContain('before 1970-01-15 13:46 UTC');
  });

  it('a window shorter than a day is closing as soon as it opens', () => {
    const short = [tranche({ windowEnd: COOLDOWN_END + 6 * HOUR })];
    const alerts = accountAlerts(input({ now: COOLDOWN_END, tranches: short }));
    expect(alerts.map((a) => a.kind).sort()).toEqual(['window-closing', 'window-open']);
    expect(alerts.every((a) => a.time === COOLDOWN_END)).toBe(true);
  });

  it('says the request lapsed at the window’s end exactly, keeping the earlier reminders (the list only grows)', () => {
    expect(idsAt(WINDOW_END - 1)).not.toContain(`request-lapsed-1-${COOLDOWN_END}`);
    expect(idsAt(WINDOW_END)).toEqual([
      `request-lapsed-1-${COOLDOWN_END}`,
      `window-closing-1-${COOLDOWN_END}`,
      `window-open-1-${COOLDOWN_END}`,
    ]);
  });

  it('has nothing to say without a request, or once its shares are all withdrawn', () => {
    expect(
      idsAt(WINDOW_END + DAY, { tranches: [tranche({ cooldownShares: 0n, cooldownEnd: 0, windowEnd: 0 })] }),
    ).toEqual([]);
    expect(idsAt(WINDOW_END + DAY, { tranches: [tranche({ cooldownShares: 0n })] })).toEqual([]);
  });

  it('a new request is new reminders', () => {
    const later = COOLDOWN_END + 10 * DAY;
    expect(idsAt(later + 1, { tranches: [tranche({ cooldownEnd: later, windowEnd: later + 3 * DAY })] })).toEqual([
      `window-open-1-${later}`,
    ]);
  });
});

describe('accountAlerts: losses and proposals', () => {
  const flows = [
    {
      trancheId: 1,
      kind: 'deposit' as const,
      assets: usd(1_000),
      shares: shares(10),
      timestamp: 100,
      blockNumber: 10n,
    },
  ];
  const loss = (lossId: string, blockNumber: bigint, paid: bigint[]) => ({
    lossId,
    market: 'ETH',
    timestamp: Number(blockNumber) * 12,
    blockNumber,
    paid,
  });

  it('reports a loss only for a tranche that paid while the account held its shares', () => {
    const alerts = accountAlerts(
      input({
        flows,
        losses: [
          loss('1', 5n, [usd(10), usd(20), 0n]), // before the deposit
          loss('2', 10n, [usd(10), usd(20), 0n]), // in the deposit's block: not yet held
          { ...loss('3', 11n, [usd(10), usd(30), 0n]), totalSupply: [null, shares(40), null] }, // held Mezzanine only
          loss('4', 12n, [usd(10), 0n, 0n]), // Mezzanine paid nothing
        ],
      }),
    );
    expect(alerts.map((a) => a.id)).toEqual(['loss-3-tranche-1']);
    expect(alerts[0]!.title).toBe('Loss #3 on ETH: Mezzanine paid 30.00 tUSD');
    expect(alerts[0]!.text).toContain('while you held 10.0000 bsMEZ');
    // 30 tUSD × 10 of 40 shares.
    expect(alerts[0]!.text).toContain('Your part: about 7.50 tUSD.');
  });

  it('counts shares received by transfer as held, and none after they were all sent on', () => {
    const transfer = (kind: 'transfer-in' | 'transfer-out', blockNumber: bigint) => ({
      trancheId: 1,
      kind,
      assets: usd(500),
      shares: shares(5),
      timestamp: Number(blockNumber) * 12,
      blockNumber,
    });
    const alerts = accountAlerts(
      input({
        flows: [transfer('transfer-in', 20n), transfer('transfer-out', 30n)],
        losses: [loss('5', 25n, [0n, usd(10), 0n]), loss('6', 31n, [0n, usd(10), 0n])],
      }),
    );
    expect(alerts.map((a) => a.id)).toEqual(['loss-5-tranche-1']);
    expect(alerts[0]!.text).toContain('while you held 5.0000 bsMEZ');
  });

  it('follows proposals that set a parameter of a tranche the account holds: voting open, then queued', () => {
    const proposal = (over: Partial<AccountAlertInput['proposals'][number]> = {}) => ({
      proposalId: '42',
      description: '# Shorter Mezzanine cooldown\n\nbody',
      voteStart: 5_000,
      queuedAt: null,
      canceled: false,
      tranches: [1],
      ...over,
    });
    const at = (now: number, p: ReturnType<typeof proposal>) => idsAt(now, { proposals: [p] });
    expect(at(5_000, proposal())).toEqual([]);
    expect(at(5_001, proposal())).toEqual(['proposal-42-voting']);
    expect(at(9_000, proposal({ queuedAt: 8_000 }))).toEqual(['proposal-42-queued', 'proposal-42-voting']);
    expect(at(9_000, proposal({ canceled: true }))).toEqual([]);
    expect(at(9_000, proposal({ tranches: [0, 2] }))).toEqual([]);
    const [voting] = accountAlerts(input({ now: 6_000, proposals: [proposal()] }));
    expect(voting!.title).toBe('Vote open on a change to Mezzanine: Shorter Mezzanine cooldown');
    expect(voting!.path).toBe('/governance/42');
    // Shares gone and no request: not the account's tranche any more.
    const gone = [tranche({ shares: 0n, cooldownShares: 0n })];
    expect(idsAt(6_000, { tranches: gone, proposals: [proposal()] })).toEqual([]);
  });
});

describe('proposalTranches', () => {
  const moduleAddress = '0x00000000000000000000000000000000000000aa' as Address;
  const other = '0x00000000000000000000000000000000000000bb' as Address;
  const call = (functionName: 'setCooldown' | 'setDepositCap' | 'setStressLossRate', id: number) =>
    encodeFunctionData({ abi: backstopModuleAbi, functionName, args: [id, 1n] });

  it('finds the tranches a proposal’s module calls set, and ignores other calls and targets', () => {
    expect(
      proposalTranches(
        {
          targets: [moduleAddress, moduleAddress, moduleAddress, other, moduleAddress],
          calldatas: [
            call('setCooldown', 2),
            call('setDepositCap', 0),
            call('setStressLossRate', 1),
            call('setCooldown', 1),
            '0xdeadbeef',
          ],
        },
        moduleAddress,
      ),
    ).toEqual([0, 2]);
    const clearinghouseCall = encodeFunctionData({
      abi: clearinghouseAbi,
      functionName: 'setMaxPriceAge',
      args: [60n],
    });
    expect(proposalTranches({ targets: [moduleAddress], calldatas: [clearinghouseCall] }, moduleAddress)).toEqual([]);
    expect(
      proposalTranches({ targets: ['not an address'], calldatas: [call('setCooldown', 1)] }, moduleAddress),
    ).toEqual([]);
  });
});
