import { parseUnits, type Address } from 'viem';
import { positionKey, trancheAssets, trancheLosses, type SeedContext } from './context';
import { shortfallAlong, solveWhaleNotional, type Exposure } from './crash';
import { CRASH_HOURS, crashPath, pricesAlong } from './crashPath';
import { marketIndex, type Desk, type PositionRef } from './market';
import { MARKETS } from './params';
import { fromAnswer, PriceWalk, toAnswer } from './prices';
import { Rng } from './rng';
import { abis } from './artifacts';

export const CRASH_DAY = 60;
/** The fall begins at this hour of CRASH_DAY and runs CRASH_HOURS hourly oracle updates (crashPath.ts). */
const CRASH_HOUR = 12;
/**
 * Keepers' liquidations land in none of the crash's first hours (the network congested, as on 2020-03-12), so the
 * accounts that crossed maintenance meanwhile are liquidated together, lower down; after that, every hour.
 */
export const STALLED_HOURS = 8;
/** Keepers look this long after each hourly oracle update. */
const KEEPER_DELAY_SECONDS = 600;
/** Day CRASH_DAY + 1's trading waits for the crash to end: the whales were sized on the positions open before it. */
export const FIRST_TRADE_HOUR_AFTER_CRASH = CRASH_HOUR + CRASH_HOURS - 24 + 1;
/** The whales' longs: share of the total and margin posted (10% is the minimum). */
const WHALE_WEIGHTS = [0.45, 0.33, 0.22];
const WHALE_MARGIN = [0.14, 0.125, 0.11];
/** The crash should take all of Junior and about this share of Mezzanine. */
const TARGET_MEZZ_DENT = 0.09;

/** Per-market position sizes (dollars of notional) and leverage of the everyday traders. */
const TRADE_SIZE: [number, number][] = [
  [30_000, 900_000],
  [30_000, 1_000_000],
  [10_000, 250_000],
];
const TRADE_LEVERAGE: [number, number][] = [
  [1.5, 5],
  [1.5, 5],
  [1.2, 3],
];
const TRADER_TOP_UP = parseUnits('500000', 6);

function drift(day: number): number[] {
  if (day < CRASH_DAY) return [0.001, 0.0008, 0.0015];
  if (day < 95) return [0.006, 0.0025, 0.005];
  return [0.0008, 0.0006, 0.001];
}

export function planMarket(ctx: SeedContext, days: number): void {
  const walk = new PriceWalk(Rng.stream(ctx.seed, 'prices'));
  const flow = Rng.stream(ctx.seed, 'trading');
  const { keeper } = ctx.accounts;

  // What the oracles hold now: the seed is their only writer, so no need to read them back.
  const answers: bigint[] = [];
  const push = async () => {
    for (const [id, price] of walk.prices.entries()) {
      answers[id] = toAnswer(price);
      await ctx.desk.pushPrice(keeper, id, answers[id]);
    }
  };

  for (let day = 0; day < days; day++) {
    // The crash's hourly updates and liquidations stand in for the next day's daily ones.
    if (day !== CRASH_DAY + 1) {
      ctx.timeline.at(ctx.at(day, 1), `prices day ${day}`, async () => {
        if (day > 0) walk.step(1, drift(day));
        await push();
      });
      ctx.timeline.at(ctx.at(day, 1.1), `liquidations day ${day}`, () => liquidateAll(ctx).then(() => undefined));
    }
    const trades = flow.int(5, 8);
    const firstHour = day === CRASH_DAY + 1 ? FIRST_TRADE_HOUR_AFTER_CRASH : 2;
    const lastHour = day === CRASH_DAY ? 9 : 22;
    const hours = Array.from({ length: trades }, () => flow.uniform(firstHour, lastHour)).sort((a, b) => a - b);
    for (const hour of hours) ctx.timeline.at(ctx.at(day, hour), `trade day ${day}`, () => trade(ctx, flow, answers));
  }

  planCrash(ctx, walk, push);

  // Fresh prices as the history closes, so the dashboard and the simulator start from a live oracle.
  ctx.timeline.at(ctx.at(days) - 600, 'closing prices', async () => {
    walk.step(1 / 48, drift(days));
    await push();
    await liquidateAll(ctx);
  });
}

async function trade(ctx: SeedContext, rng: Rng, answers: readonly bigint[]): Promise<void> {
  const trader = rng.pick(ctx.accounts.traders);
  const held = MARKETS.map((_, id) => id).filter((id) => ctx.positions.has(positionKey({ trader, marketId: id })));
  if (held.length > 0 && (held.length === MARKETS.length || rng.chance(0.4))) {
    const marketId = rng.pick(held);
    if (await ctx.desk.closeIfSolvent(trader, marketId, answers[marketId]!))
      ctx.positions.delete(positionKey({ trader, marketId }));
    return;
  }
  const free = MARKETS.map((_, id) => id).filter((id) => !held.includes(id));
  const marketId = rng.pick(free);
  const isLong = rng.chance(0.55);
  const [lo, hi] = TRADE_SIZE[marketId]!;
  const [minLev, maxLev] = TRADE_LEVERAGE[marketId]!;
  const q = await ctx.desk.quote(marketId, answers[marketId]!, rng.logUniform(lo, hi), rng.uniform(minLev, maxLev));
  // The clearinghouse refuses new risk while the backstop is below its solvency threshold.
  if (!(await ctx.desk.solventAfter(marketId, q.notional))) return;
  await ctx.desk.ensureFunds(trader, q.margin + q.fee, TRADER_TOP_UP);
  await ctx.desk.open(trader, marketId, isLong, q.size, q.margin);
  ctx.positions.set(positionKey({ trader, marketId }), { trader, marketId });
}

/** Liquidates every tracked account below maintenance, on every covered protocol; returns how many. */
export async function liquidateAll(ctx: SeedContext): Promise<number> {
  let count = 0;
  for (const { desk, positions } of [{ desk: ctx.desk, positions: ctx.positions }, ...ctx.protocols]) {
    const due = await desk.liquidatable([...positions.values()]);
    for (const ref of due) {
      await desk.liquidate(ctx.accounts.liquidator, ref);
      positions.delete(positionKey(ref));
    }
    count += due.length;
  }
  return count;
}

function planCrash(ctx: SeedContext, walk: PriceWalk, push: () => Promise<void>) {
  const factors = crashPath(Rng.stream(ctx.seed, 'crash'));
  let before: bigint[] = [];
  let lossesBefore: bigint[] = [];
  let deficitBefore = 0n;
  let startBlock = 0n;
  const ethCloses: number[] = [];
  let liquidations = 0;

  ctx.timeline.at(ctx.at(CRASH_DAY, 10), 'whales go long ETH', async () => {
    // The oracle answers the crash will push, and the ones keepers will liquidate at once the stall ends.
    const marks = pricesAlong(walk.prices, factors)
      .slice(STALLED_HOURS)
      .map((hour) => hour.map((p) => fromAnswer(toAnswer(p))));
    const marksOf = (marketId: number) => marks.map((hour) => hour[marketId]!);
    const [junior, mezzanine] = (await trancheAssets(ctx)).map((a) => Number(a) / 1e6);
    // The other protocols' positions lose along the same feeds: their shortfall is part of the same waterfall.
    const exposures = await Promise.all([
      ...[...ctx.positions.values()].map((ref) => exposureOf(ctx.desk, ref)),
      ...ctx.protocols.flatMap(({ desk, positions }) => [...positions.values()].map((ref) => exposureOf(desk, ref))),
    ]);
    const others = exposures.reduce((sum, e) => sum + shortfallAlong(e, marksOf(e.marketId)), 0);
    const target = junior! + TARGET_MEZZ_DENT * mezzanine! - others;
    const answer = toAnswer(walk.prices[0]!);
    const notionals = solveWhaleNotional(target, fromAnswer(answer), marksOf(0), WHALE_WEIGHTS, WHALE_MARGIN);
    ctx.log(
      `  day ${CRASH_DAY}: whales open ${notionals.map((n) => `$${(n / 1e6).toFixed(2)}M`).join(', ')} of ETH longs ` +
        `(other accounts would leave $${(others / 1e3).toFixed(0)}k of shortfall)`,
    );
    for (const [i, whale] of ctx.accounts.whales.entries()) {
      if (notionals[i]! < 1_000) continue;
      const q = await ctx.desk.quote(0, answer, notionals[i]!, 1 / WHALE_MARGIN[i]!);
      await ctx.desk.ensureFunds(whale, q.margin + q.fee, 0n);
      await ctx.desk.open(whale, 0, true, q.size, q.margin);
      ctx.positions.set(positionKey({ trader: whale, marketId: 0 }), { trader: whale, marketId: 0 });
    }
  });

  for (const [hour, hourFactors] of factors.entries()) {
    const t = ctx.at(CRASH_DAY, CRASH_HOUR + hour);
    ctx.timeline.at(t, `crash hour ${hour + 1}`, async () => {
      if (hour === 0) {
        before = await trancheAssets(ctx);
        lossesBefore = await trancheLosses(ctx);
        deficitBefore = await ctx.tx.read(ctx.deployment.contracts.module, abis.module, 'totalDeficit');
        startBlock = await ctx.tx.client.getBlockNumber();
        ethCloses.push(walk.prices[0]!);
      }
      walk.shock(hourFactors);
      await push();
      ethCloses.push(walk.prices[0]!);
    });
    if (hour < STALLED_HOURS) continue;
    ctx.timeline.at(t + KEEPER_DELAY_SECONDS, `crash liquidations hour ${hour + 1}`, async () => {
      liquidations += await liquidateAll(ctx);
    });
  }

  ctx.timeline.at(ctx.at(CRASH_DAY, CRASH_HOUR + CRASH_HOURS), 'crash report', async () => {
    const [after, lossesAfter, deficit, covers] = await Promise.all([
      trancheAssets(ctx),
      trancheLosses(ctx),
      ctx.tx.read(ctx.deployment.contracts.module, abis.module, 'totalDeficit'),
      ctx.tx.client.getContractEvents({
        address: ctx.deployment.contracts.module,
        abi: abis.module,
        eventName: 'CoverRequested',
        fromBlock: startBlock,
      }),
    ]);
    const lossesByProtocol = new Map<number, number>();
    for (const { args } of covers) {
      const id = Number(args.protocolId);
      lossesByProtocol.set(id, (lossesByProtocol.get(id) ?? 0) + 1);
    }
    ctx.crash = {
      before,
      after,
      paid: lossesAfter.map((l, i) => l - lossesBefore[i]!),
      deficit: deficit - deficitBefore,
      liquidations,
      stalledHours: STALLED_HOURS,
      ethCloses,
      lossesByProtocol,
    };
  });
}

/** A position in plain numbers; its market id becomes the MARKETS index of its key (the price walk's index). */
async function exposureOf(desk: Desk, ref: PositionRef): Promise<Exposure> {
  const p = await desk.position(ref.trader as Address, ref.marketId);
  return {
    marketId: marketIndex(desk.venue.markets[ref.marketId]!),
    isLong: p.isLong,
    size: Number(p.size) / 1e18,
    entry: Number(p.entryPrice) / 1e18,
    margin: Number(p.margin) / 1e6,
  };
}
