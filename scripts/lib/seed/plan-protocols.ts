import { parseUnits } from 'viem';
import { positionKey, type ProtocolDesk, type SeedContext } from './context';
import { CRASH_DAY, FIRST_TRADE_HOUR_AFTER_CRASH } from './plan-market';
import { fundHouse } from './fundHouse';
import { Rng } from './rng';

const HOUSE_FUNDING = parseUnits('2000000', 6);
const TRADER_TOP_UP = parseUnits('300000', 6);
/** Per-market position sizes (dollars of notional) and leverage on the other protocols, by their market id. */
const TRADE_SIZE: Record<string, [number, number]> = { ETH: [20_000, 300_000], SOL: [5_000, 80_000] };
const TRADE_LEVERAGE: Record<string, [number, number]> = { ETH: [1.5, 4], SOL: [1.2, 2.5] };
/**
 * The crash's loss from the second protocol: a leveraged ETH long opened the morning of the crash. plan-market.ts
 * counts its shortfall among the "other accounts" when it sizes protocol 0's whales, so the crash keeps its shape.
 */
const CRASH_LONG_NOTIONAL = 350_000;
const CRASH_LONG_MARGIN = 0.12;

/**
 * Trading on every covered protocol after protocol 0: its house funded on day 0, a few trades a day by the same
 * traders, and on the crash's morning a leveraged ETH long whose liquidation draws on the one waterfall too.
 * Liquidations come from plan-market.ts's `liquidateAll`, which walks every protocol's positions.
 */
export function planProtocols(ctx: SeedContext, days: number): void {
  for (const [i, protocol] of ctx.protocols.entries()) {
    const flow = Rng.stream(ctx.seed, `trading-protocol-${protocol.desk.venue.protocolId}`);
    ctx.timeline.at(ctx.at(0, 0.2), `fund protocol ${protocol.desk.venue.protocolId}`, () => fund(ctx, protocol));
    for (let day = 0; day < days; day++) {
      const firstHour = day === CRASH_DAY + 1 ? FIRST_TRADE_HOUR_AFTER_CRASH : 2;
      const lastHour = day === CRASH_DAY ? 9 : 22;
      const hours = Array.from({ length: flow.int(1, 3) }, () => flow.uniform(firstHour, lastHour)).sort(
        (a, b) => a - b,
      );
      for (const hour of hours)
        ctx.timeline.at(ctx.at(day, hour), `protocol ${protocol.desk.venue.protocolId} trade day ${day}`, () =>
          trade(ctx, protocol, flow),
        );
    }
    // One crash long, on the first of these protocols that lists ETH.
    const eth = protocol.desk.venue.markets.indexOf('ETH');
    if (i === 0 && eth >= 0)
      ctx.timeline.at(ctx.at(CRASH_DAY, 9.5), `protocol ${protocol.desk.venue.protocolId} crash long`, () =>
        crashLong(ctx, protocol, eth),
      );
  }
}

async function fund(ctx: SeedContext, { desk }: ProtocolDesk): Promise<void> {
  await fundHouse(ctx, desk.clearinghouse, HOUSE_FUNDING);
  for (const trader of [...ctx.accounts.traders, ...ctx.accounts.whales]) await desk.approveClearinghouse(trader);
}

async function trade(ctx: SeedContext, { desk, positions }: ProtocolDesk, rng: Rng): Promise<void> {
  const trader = rng.pick(ctx.accounts.traders);
  const ids = desk.venue.markets.map((_, id) => id);
  const held = ids.filter((id) => positions.has(positionKey({ trader, marketId: id })));
  const answers = await desk.answers();
  if (held.length > 0 && (held.length === ids.length || rng.chance(0.4))) {
    const marketId = rng.pick(held);
    if (await desk.closeIfSolvent(trader, marketId, answers[marketId]!))
      positions.delete(positionKey({ trader, marketId }));
    return;
  }
  const marketId = rng.pick(ids.filter((id) => !held.includes(id)));
  const key = desk.venue.markets[marketId]!;
  const [lo, hi] = TRADE_SIZE[key] ?? [5_000, 50_000];
  const [minLev, maxLev] = TRADE_LEVERAGE[key] ?? [1.2, 2];
  const q = await desk.quote(marketId, answers[marketId]!, rng.logUniform(lo, hi), rng.uniform(minLev, maxLev));
  // Refused by the clearinghouse below the solvency threshold or above the protocol's exposure cap.
  if (!(await desk.solventAfter(marketId, q.notional))) return;
  await desk.ensureFunds(trader, q.margin + q.fee, TRADER_TOP_UP);
  await desk.open(trader, marketId, rng.chance(0.55), q.size, q.margin);
  positions.set(positionKey({ trader, marketId }), { trader, marketId });
}

async function crashLong(ctx: SeedContext, { desk, positions }: ProtocolDesk, marketId: number): Promise<void> {
  const whale = ctx.accounts.whales[0]!;
  const answers = await desk.answers();
  const q = await desk.quote(marketId, answers[marketId]!, CRASH_LONG_NOTIONAL, 1 / CRASH_LONG_MARGIN);
  if (!(await desk.solventAfter(marketId, q.notional))) {
    ctx.log(`  day ${CRASH_DAY}: protocol ${desk.venue.protocolId}'s crash long refused (cap or solvency)`);
    return;
  }
  await desk.ensureFunds(whale, q.margin + q.fee, 0n);
  await desk.open(whale, marketId, true, q.size, q.margin);
  positions.set(positionKey({ trader: whale, marketId }), { trader: whale, marketId });
}
