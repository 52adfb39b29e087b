import { zeroAddress, type Address } from 'viem';
import type { MultiplierPoint, TranchePremiumFlow } from '../../../lib/premium/chargedApr';
import { KEEPER_WINDOW_SECONDS, keeperRound } from '../../../lib/premium/keeperRound';
import type { SampleForRisk } from '../../../lib/risk/worker/inputsPayload';
import { VERDICT_BAND } from '../../../lib/risk/worker/verdict';
import { anvilAccount, ROLE_INDEX } from './accounts';
import { abis } from './artifacts';
import { MARKETS, ORACLE_DECIMALS } from './params';
import type { SeedContext } from './context';

/** The keeper starts once a month of premiums and prices lies behind it, and looks once a day (09:30). */
const FIRST_ROUND_DAY = 30;
const ROUNDS_PER_DAY = 1;

/**
 * The risk keeper's rounds in the seeded history, with the same decision as the live keeper
 * (lib/premium/stewardDecision on lib/risk's fair APR and lib/premium/chargedApr's charged APR). The indexer does
 * not run during the seed, so the history it needs comes from the chain's own logs: the oracles' AnswerUpdated, the
 * module's TranchePremium and the clearinghouse's UtilisationMeasured.
 */
export function planSteward(ctx: SeedContext, days: number): { updates: () => number } {
  const keeper = anvilAccount(ROLE_INDEX.riskKeeper).address;
  const steward = ctx.deployment.contracts.riskSteward;
  let updates = 0;
  if (!steward) return { updates: () => 0 };
  const history = new LogHistory(ctx);
  ctx.timeline.at(ctx.at(0, 0.05), 'the risk keeper signs', () => ctx.tx.impersonate([keeper]));
  for (let round = FIRST_ROUND_DAY * ROUNDS_PER_DAY; round < days * ROUNDS_PER_DAY; round++) {
    const day = Math.floor(round / ROUNDS_PER_DAY);
    const hour = 9.5 + (round % ROUNDS_PER_DAY) * 12;
    ctx.timeline.at(ctx.at(day, hour), `risk keeper round, day ${day}`, async () => {
      updates += await playKeeperRound(ctx, history, keeper, steward);
    });
  }
  return { updates: () => updates };
}

async function playKeeperRound(ctx: SeedContext, history: LogHistory, keeper: Address, steward: Address) {
  const lens = await ctx.tx.read(ctx.deployment.contracts.lens, abis.lens, 'getDashboard', [zeroAddress]);
  const now = Number(lens.timestamp);
  await history.catchUp();
  const { decision } = keeperRound({
    lens,
    priceSamples: history.priceSamples(now - KEEPER_WINDOW_SECONDS),
    flows: history.premiums,
    multipliers: history.multipliers,
    threshold: VERDICT_BAND,
  });
  for (const u of decision.updates) {
    await ctx.tx.send({ from: keeper, to: steward, abi: abis.steward, functionName: 'update', args: [u.param, u.to] });
  }
  return decision.updates.length;
}

/** The chain's own history, read from its logs as the seed goes, each block's time looked up once. */
class LogHistory {
  readonly premiums: TranchePremiumFlow[] = [];
  readonly multipliers: MultiplierPoint[] = [];
  private readonly prices: { timestamp: number; id: number; price: string }[] = [];
  private readonly times = new Map<bigint, number>();
  private from = 0n;

  constructor(private readonly ctx: SeedContext) {}

  async catchUp(): Promise<void> {
    const client = this.ctx.tx.client;
    const to = await client.getBlockNumber();
    if (to < this.from) return;
    const { module, clearinghouse, oracles } = this.ctx.deployment.contracts;
    const range = { fromBlock: this.from, toBlock: to } as const;
    const [premiums, measured, ...answers] = await Promise.all([
      client.getContractEvents({ address: module, abi: abis.module, eventName: 'TranchePremium', ...range }),
      client.getContractEvents({
        address: clearinghouse,
        abi: abis.clearinghouse,
        eventName: 'UtilisationMeasured',
        ...range,
      }),
      ...MARKETS.map((m) =>
        client.getContractEvents({ address: oracles[m.key]!, abi: abis.oracle, eventName: 'AnswerUpdated', ...range }),
      ),
    ]);
    for (const log of premiums) {
      const byTranche = [0n, 0n, 0n];
      byTranche[log.args.trancheId!] = log.args.amount!;
      this.premiums.push({ timestamp: await this.timeOf(log.blockNumber), byTranche });
    }
    for (const log of measured) {
      this.multipliers.push({ timestamp: await this.timeOf(log.blockNumber), multiplier: log.args.multiplier! });
    }
    answers.forEach((logs, id) => {
      for (const log of logs) {
        this.prices.push({ timestamp: Number(log.args.updatedAt!), id, price: log.args.current!.toString() });
      }
    });
    this.multipliers.sort((a, b) => a.timestamp - b.timestamp);
    this.prices.sort((a, b) => a.timestamp - b.timestamp);
    this.from = to + 1n;
  }

  /** One sample per oracle update since `from`, carrying that market only (buildRiskInputsPayload reads by id). */
  priceSamples(from: number): SampleForRisk[] {
    return this.prices
      .filter((p) => p.timestamp >= from)
      .map((p) => ({
        timestamp: p.timestamp,
        markets: [{ id: p.id, price: p.price, priceDecimals: ORACLE_DECIMALS }],
      }));
  }

  private async timeOf(block: bigint): Promise<number> {
    let t = this.times.get(block);
    if (t === undefined) {
      t = Number((await this.ctx.tx.client.getBlock({ blockNumber: block })).timestamp);
      this.times.set(block, t);
    }
    return t;
  }
}
