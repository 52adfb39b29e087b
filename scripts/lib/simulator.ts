import { parseEther, parseUnits, type Address } from 'viem';
import type { Deployment } from './deployment';
import { anvilAccount, ROLE_INDEX, seededActors } from './seed/accounts';
import { Desk, marketIndex, venuesOf, type PositionRef } from './seed/market';
import { LOCAL_CHAIN_ID } from '../../lib/protocol/chain';
import { MARKETS } from './seed/params';
import { fromAnswer, PriceWalk, toAnswer } from './seed/prices';
import { Rng } from './seed/rng';
import { accrueYield, reportStrategies } from './seed/strategy';
import { describeError, TxSender } from './seed/tx';

export interface SimulatorOptions {
  rpcUrl: string;
  deployment: Deployment;
  seed: number;
  intervalMs: number;
  log: (msg: string) => void;
}

/** Each tick stands for this much market time, so moves are visible on a chart yet small. */
const MARKET_DAYS_PER_TICK = 15 / (24 * 60);
/** Pull back towards the starting prices (per market day) so hours of running do not wander off. */
const MEAN_REVERSION = 0.5;
const TRADE_SIZE: [number, number][] = [
  [10_000, 250_000],
  [10_000, 300_000],
  [5_000, 80_000],
];
const TRADE_LEVERAGE: [number, number][] = [
  [1.5, 4],
  [1.5, 4],
  [1.2, 2.5],
];
const TOP_UP = parseUnits('500000', 6);
/** The strategies earn and are reported every this many ticks (each with that many ticks' market time of yield). */
const REPORT_EVERY_TICKS = 8;

/**
 * Keeps the local market alive in real time: each tick the keeper pushes small correlated price moves, a couple of
 * traders open or close positions (their fees become premiums), any account below maintenance is liquidated, and
 * every few ticks the local yield vault earns and the tranches' strategies are reported.
 * A failing transaction costs one log line; an unreachable RPC is retried on the next tick.
 */
export function startSimulator(opts: SimulatorOptions): { stop: () => Promise<void> } {
  if (opts.deployment.chainId !== LOCAL_CHAIN_ID)
    throw new Error(`The simulator drives the local chain (${LOCAL_CHAIN_ID}) only.`);
  const sim = new Simulator(opts);
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();

  const run = () => {
    current = sim
      .tick()
      .catch((error) => opts.log(`tick failed: ${describeError(error)}`))
      .finally(() => {
        if (!stopped) timer = setTimeout(run, opts.intervalMs);
      });
  };
  run();

  return {
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await current;
    },
  };
}

class Simulator {
  private readonly tx: TxSender;
  private readonly desk: Desk;
  /** The covered protocols after protocol 0: their markets read the same feeds, so they move with them. */
  private readonly otherDesks: Desk[];
  private readonly rng: Rng;
  private readonly actors: ReturnType<typeof seededActors>;
  private readonly keeper: Address;
  private walk: PriceWalk | undefined;
  private anchor: number[] = [];
  private ready = false;
  private unreachable = false;
  private ticks = 0;

  constructor(private readonly opts: SimulatorOptions) {
    this.tx = new TxSender(opts.rpcUrl, { preflight: true, timeoutMs: 10_000 });
    this.desk = new Desk(this.tx, opts.deployment);
    this.otherDesks = venuesOf(opts.deployment)
      .slice(1)
      .map((venue) => new Desk(this.tx, opts.deployment, venue));
    this.rng = Rng.stream(opts.seed, 'simulator');
    this.actors = seededActors(opts.seed);
    this.keeper = anvilAccount(ROLE_INDEX.keeper).address;
  }

  async tick(): Promise<void> {
    let answers: bigint[];
    try {
      if (!this.ready) await this.prepare();
      answers = await this.desk.answers();
      await this.desk.refreshParams();
    } catch (error) {
      if (!this.unreachable) this.opts.log(`chain unreachable (${describeError(error)}); retrying every tick`);
      this.unreachable = true;
      this.ready = false;
      return;
    }
    if (this.unreachable) this.opts.log('chain reachable again');
    this.unreachable = false;

    const events: string[] = [];
    const prices = await this.pushPrices(answers, events);
    for (let i = this.rng.int(1, 2); i > 0; i--) await this.attempt(events, () => this.trade(prices));
    for (const desk of this.otherDesks)
      if (this.rng.chance(0.5)) await this.attempt(events, () => this.tradeOn(desk, prices));
    await this.attempt(events, () => this.liquidate());
    if (++this.ticks % REPORT_EVERY_TICKS === 0) await this.attempt(events, () => this.reportStrategies());
    if (events.length > 0) this.opts.log(events.join('; '));
  }

  /** Impersonation and gas money live in the node, not the chain: redo them after every reconnect. */
  private async prepare() {
    const accounts = [...this.actors.traders, this.actors.liquidator];
    await this.tx.impersonate(accounts);
    await this.tx.setBalance(accounts, parseEther('1000'));
    this.ready = true;
  }

  private async attempt(events: string[], action: () => Promise<string | undefined>) {
    try {
      const event = await action();
      if (event) events.push(event);
    } catch (error) {
      events.push(`failed: ${(error as Error).message.split('\n')[0]}`);
    }
  }

  /** Always pushes, so a price that went stale (someone warped time) is fresh again before anyone trades. */
  private async pushPrices(answers: bigint[], events: string[]): Promise<bigint[]> {
    const current = answers.map(fromAnswer);
    if (!this.walk) {
      this.walk = new PriceWalk(this.rng, current);
      this.anchor = current;
    }
    this.walk.prices.splice(0, 3, ...current);
    const driftPerDay = current.map((p, i) => -MEAN_REVERSION * Math.log(p / this.anchor[i]!));
    const next = this.walk.step(MARKET_DAYS_PER_TICK, driftPerDay).map(toAnswer);
    const pushed = [...answers];
    for (const [id, answer] of next.entries()) {
      try {
        await this.desk.pushPrice(this.keeper, id, answer);
        pushed[id] = answer;
      } catch (error) {
        events.push(`price ${MARKETS[id]!.key} failed: ${(error as Error).message.split('\n')[0]}`);
      }
    }
    return pushed;
  }

  private async openPositions(trader: Address): Promise<number[]> {
    const positions = await Promise.all(MARKETS.map((_, id) => this.desk.position(trader, id)));
    return positions.flatMap((p, id) => (p.size > 0n ? [id] : []));
  }

  private async trade(answers: bigint[]): Promise<string | undefined> {
    const trader = this.rng.pick(this.actors.traders);
    const held = await this.openPositions(trader);
    const who = trader.slice(0, 8);
    if (held.length > 0 && (held.length === MARKETS.length || this.rng.chance(0.45))) {
      const marketId = this.rng.pick(held);
      const closed = await this.desk.closeIfSolvent(trader, marketId, answers[marketId]!);
      return closed ? `${who} closed ${MARKETS[marketId]!.key}` : undefined;
    }
    const marketId = this.rng.pick(MARKETS.map((_, id) => id).filter((id) => !held.includes(id)));
    const isLong = this.rng.chance(0.52);
    const [lo, hi] = TRADE_SIZE[marketId]!;
    const [minLev, maxLev] = TRADE_LEVERAGE[marketId]!;
    const notional = this.rng.logUniform(lo, hi);
    const q = await this.desk.quote(marketId, answers[marketId]!, notional, this.rng.uniform(minLev, maxLev));
    // The clearinghouse refuses new risk while the backstop is below its solvency threshold.
    if (!(await this.desk.solventAfter(marketId, q.notional)))
      return `${who} skipped an open: backstop below its solvency threshold`;
    await this.desk.ensureFunds(trader, q.margin + q.fee, TOP_UP);
    await this.desk.open(trader, marketId, isLong, q.size, q.margin);
    return `${who} opened ${isLong ? 'long' : 'short'} ${MARKETS[marketId]!.key} $${Math.round(notional / 1000)}k`;
  }

  private async reportStrategies(): Promise<string | undefined> {
    const { deployment } = this.opts;
    const earned = await accrueYield(this.tx, deployment, this.keeper, REPORT_EVERY_TICKS * MARKET_DAYS_PER_TICK);
    const reported = await reportStrategies(this.tx, deployment, this.keeper);
    return reported > 0 ? `strategies reported (+${earned} yield units)` : undefined;
  }

  /**
   * One open or close on another protocol's clearinghouse, sized like protocol 0's trades in the same market.
   * `answers` are the feeds' answers by MARKETS index; the desk's market ids map to them by key.
   */
  private async tradeOn(desk: Desk, answers: bigint[]): Promise<string | undefined> {
    const trader = this.rng.pick(this.actors.traders);
    const ids = desk.venue.markets.map((_, id) => id);
    const answerOf = (id: number) => answers[marketIndex(desk.venue.markets[id]!)]!;
    const positions = await Promise.all(ids.map((id) => desk.position(trader, id)));
    const held = ids.filter((id) => positions[id]!.size > 0n);
    const who = `${trader.slice(0, 8)} on protocol ${desk.venue.protocolId}`;
    if (held.length > 0 && (held.length === ids.length || this.rng.chance(0.45))) {
      const marketId = this.rng.pick(held);
      const closed = await desk.closeIfSolvent(trader, marketId, answerOf(marketId));
      return closed ? `${who} closed ${desk.venue.markets[marketId]}` : undefined;
    }
    const marketId = this.rng.pick(ids.filter((id) => !held.includes(id)));
    const index = marketIndex(desk.venue.markets[marketId]!);
    const [lo, hi] = TRADE_SIZE[index]!;
    const [minLev, maxLev] = TRADE_LEVERAGE[index]!;
    const isLong = this.rng.chance(0.5);
    const q = await desk.quote(
      marketId,
      answerOf(marketId),
      this.rng.logUniform(lo, hi),
      this.rng.uniform(minLev, maxLev),
    );
    if (!(await desk.solventAfter(marketId, q.notional)))
      return `${who} skipped an open: backstop below its solvency threshold or protocol at its exposure cap`;
    await desk.ensureFunds(trader, q.margin + q.fee, TOP_UP);
    await desk.open(trader, marketId, isLong, q.size, q.margin);
    return `${who} opened ${isLong ? 'long' : 'short'} ${desk.venue.markets[marketId]}`;
  }

  private async liquidate(): Promise<string | undefined> {
    const traders = [...this.actors.traders, ...this.actors.whales];
    const done: string[] = [];
    for (const desk of [this.desk, ...this.otherDesks]) {
      const refs: PositionRef[] = traders.flatMap((trader) =>
        desk.venue.markets.map((_, marketId) => ({ trader, marketId })),
      );
      const due = await desk.liquidatable(refs);
      for (const ref of due) await desk.liquidate(this.actors.liquidator, ref);
      const where = desk.venue.protocolId === 0 ? '' : ` on protocol ${desk.venue.protocolId}`;
      done.push(...due.map((r) => `${r.trader.slice(0, 8)} ${desk.venue.markets[r.marketId]}${where}`));
    }
    return done.length > 0 ? `liquidated ${done.join(', ')}` : undefined;
  }
}
