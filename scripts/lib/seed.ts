import { formatUnits, parseEther, parseUnits } from 'viem';
import type { Deployment } from './deployment';
import { anvilAccount, ROLE_INDEX, seededActors } from './seed/accounts';
import { abis } from './seed/artifacts';
import { trancheAssets, type SeedContext } from './seed/context';
import { Governance } from './seed/governance';
import { Desk, venuesOf } from './seed/market';
import { LOCAL_CHAIN_ID } from '../../lib/protocol/chain';
import { TRANCHE_NAMES } from '../../lib/protocol/tranches';
import { planDeposits } from './seed/plan-deposits';
import { planGovernance, verifyGovernance } from './seed/plan-governance';
import { closesFigures, TOTAL_FALL, WORST_HOUR } from './seed/crashPath';
import { CRASH_DAY, planMarket } from './seed/plan-market';
import { planProtocols } from './seed/plan-protocols';
import { planSteward } from './seed/plan-steward';
import { planStrategy } from './seed/plan-strategy';
import { fundHouse } from './seed/fundHouse';
import { Clock, DAY, HOUR, Timeline } from './seed/timeline';
import { TxSender } from './seed/tx';

export interface SeedOptions {
  rpcUrl: string;
  deployment: Deployment;
  seed: number;
  log: (msg: string) => void;
  /**
   * Unix time (s) at which the history should end, normally "now" so that the dashboard's block ages read true.
   * The chain must then have been started more than HISTORY_DAYS earlier (anvil --timestamp). Without it, or when
   * the chain is already past the needed start, the history starts at the chain's next UTC midnight.
   */
  endTime?: number;
}

export const HISTORY_DAYS = 120;

/**
 * Where a chain that will be seeded should start, and where its history should end, so that the seeded history ends
 * at the wall clock's "now": block ages on the dashboard then read true, and the chain keeps running in real time.
 */
export function historyWindow(now = Math.floor(Date.now() / 1000)): { genesisTimestamp: number; endTime: number } {
  return { genesisTimestamp: now - (HISTORY_DAYS + 2) * DAY, endTime: now };
}
const HOUSE_FUNDING = parseUnits('5000000', 6);
const TRADER_FUNDING = parseUnits('500000', 6);

/**
 * Plays a deterministic ~120-day history onto a fresh local deployment: deposits in every tranche, daily prices and
 * trading, a 24-hour ETH crash from day 60 (worst hour −21 %, −45 % in all, liquidations stalled for its first
 * hours) whose liquidations wipe Junior and dent Mezzanine, recovery, and governance proposals that end in every
 * state. Same seed and same start day → same chain.
 */
export async function seedHistory(opts: SeedOptions): Promise<{ txCount: number; days: number }> {
  const started = performance.now();
  const tx = new TxSender(opts.rpcUrl);
  const chainId = await tx.client.getChainId();
  if (chainId !== LOCAL_CHAIN_ID || opts.deployment.chainId !== LOCAL_CHAIN_ID) {
    throw new Error(`Seeding warps time and mints test tokens: local chain ${LOCAL_CHAIN_ID} only (got ${chainId}).`);
  }

  await assertFresh(tx, opts.deployment);

  const actors = seededActors(opts.seed);
  const accounts = {
    deployer: anvilAccount(ROLE_INDEX.deployer).address,
    depositors: ROLE_INDEX.depositors.map((i) => anvilAccount(i).address),
    keeper: anvilAccount(ROLE_INDEX.keeper).address,
    ...actors,
  };
  const extra = [...actors.traders, ...actors.whales, actors.liquidator];
  await tx.impersonate(extra);
  await tx.setBalance(extra, parseEther('1000'));

  const latest = await tx.client.getBlock();
  const chainNow = Number(latest.timestamp);
  const wanted = opts.endTime !== undefined ? opts.endTime - HISTORY_DAYS * DAY : undefined;
  // Otherwise start on the next UTC midnight: two runs on the same day then give identical timestamps, not just the same shape.
  const start = wanted !== undefined && wanted > chainNow + HOUR ? wanted : (Math.floor(chainNow / DAY) + 1) * DAY;
  if (wanted !== undefined && start !== wanted) {
    opts.log(
      `  chain time is past ${new Date(wanted * 1000).toISOString()}: history starts later and ends ahead of the wall clock`,
    );
  }
  const end = start + HISTORY_DAYS * DAY;
  const clock = new Clock(tx, Number(latest.timestamp));
  const ctx: SeedContext = {
    seed: opts.seed,
    tx,
    desk: new Desk(tx, opts.deployment),
    gov: new Governance(tx, opts.deployment),
    deployment: opts.deployment,
    timeline: new Timeline(),
    clock,
    accounts,
    log: opts.log,
    at: (day, hour = 0) => start + Math.round(day * DAY + hour * HOUR),
    positions: new Map(),
    protocols: venuesOf(opts.deployment)
      .slice(1)
      .map((venue) => ({ desk: new Desk(tx, opts.deployment, venue), positions: new Map() })),
    proposals: [],
  };

  ctx.timeline.at(ctx.at(0, 0.1), 'fund the house and the traders', () => fundParticipants(ctx));
  planGovernance(ctx);
  planDeposits(ctx);
  planMarket(ctx, HISTORY_DAYS);
  planProtocols(ctx, HISTORY_DAYS);
  const steward = planSteward(ctx, HISTORY_DAYS);
  const strategy = planStrategy(ctx, HISTORY_DAYS);

  let reported = 0;
  const reportProgress = setInterval(() => {
    const day = Math.floor((ctx.clock.now - start) / DAY);
    if (day >= reported + 20) {
      reported = day - (day % 20);
      opts.log(`  …day ${day}/${HISTORY_DAYS}, ${tx.txCount} txs`);
    }
  }, 500);
  try {
    await clock.start();
    await ctx.timeline.play(clock);
    // Seeding itself takes seconds of real time: close on the wall clock when it is later, so the chain is not behind.
    const wallNow = Math.floor(Date.now() / 1000);
    await clock.finish(opts.endTime !== undefined ? Math.max(end, wallNow) : end);
  } finally {
    clearInterval(reportProgress);
  }

  verifyCrash(ctx);
  const proposals = await verifyGovernance(ctx);
  await logSummary(ctx, proposals, (performance.now() - started) / 1000);
  opts.log(`  risk steward: ${steward.updates()} keeper updates`);
  opts.log(`  strategies: ${strategy.reports()} reports`);
  return { txCount: tx.txCount, days: HISTORY_DAYS };
}

async function assertFresh(tx: TxSender, deployment: Deployment) {
  const [house, premiums] = await Promise.all([
    tx.read(deployment.contracts.clearinghouse, abis.clearinghouse, 'houseLiquidity'),
    tx.read(deployment.contracts.module, abis.module, 'totalPremiums'),
  ]);
  if (house > 0n || premiums > 0n) throw new Error('This deployment already has a history: seed a fresh deployment.');
}

async function fundParticipants(ctx: SeedContext): Promise<void> {
  const { tx, deployment, accounts } = ctx;
  const asset = deployment.contracts.asset;
  await fundHouse(ctx, deployment.contracts.clearinghouse, HOUSE_FUNDING);
  for (const trader of accounts.traders) {
    await tx.send({ from: trader, to: asset, abi: abis.stablecoin, functionName: 'faucet', args: [TRADER_FUNDING] });
    await ctx.desk.approveClearinghouse(trader);
  }
  for (const whale of accounts.whales) await ctx.desk.approveClearinghouse(whale);
}

/**
 * The crash must have followed the record on the oracle (an hour near −21 %, about −45 % in 24 h), emptied Junior,
 * dented Mezzanine and left Senior whole; anything else is a dull or a fanciful history.
 */
function verifyCrash(ctx: SeedContext): void {
  const c = ctx.crash;
  if (!c) throw new Error(`The day-${CRASH_DAY} crash never ran.`);
  const eth = closesFigures(c.ethCloses);
  const [jb, mb, sb] = c.before.map(Number) as [number, number, number];
  const [ja] = c.after.map(Number) as [number, number, number];
  const [, mezzPaid, seniorPaid] = c.paid.map(Number) as [number, number, number];
  const problems: string[] = [];
  if (Math.abs(eth.worstHour - WORST_HOUR) > 0.005 || Math.abs(eth.fall - TOTAL_FALL) > 0.005)
    problems.push(`ETH's worst hour was ${pct(eth.worstHour)} and its fall ${pct(eth.fall)}`);
  if (ja > jb * 0.02) problems.push(`Junior kept ${fmt(c.after[0]!)} of ${fmt(c.before[0]!)}`);
  const dent = mezzPaid / mb;
  if (dent < 0.03 || dent > 0.2) problems.push(`Mezzanine lost ${(dent * 100).toFixed(1)}% (wanted about 5-15%)`);
  const silent = [0, ...ctx.protocols.map((p) => p.desk.venue.protocolId)].filter((id) => !c.lossesByProtocol.get(id));
  if (silent.length > 0) problems.push(`no loss from protocol ${silent.join(', ')}`);
  if (seniorPaid > 0 || c.deficit > 0n)
    problems.push(`Senior paid ${fmt(c.paid[2]!)}, deficit ${fmt(c.deficit)} (of ${sb})`);
  if (problems.length > 0)
    throw new Error(`The crash did not follow the record or produce the intended loss shape: ${problems.join('; ')}.`);
}

async function logSummary(ctx: SeedContext, proposals: { title: string; state: string }[], seconds: number) {
  const { tx, deployment, log } = ctx;
  const backstopModule = deployment.contracts.module;
  const [assets, lossCount, premiums, capital, required, block] = await Promise.all([
    trancheAssets(ctx),
    tx.read(backstopModule, abis.module, 'lossCount'),
    tx.read(backstopModule, abis.module, 'totalPremiums'),
    tx.read(backstopModule, abis.module, 'totalCapital'),
    tx.read(backstopModule, abis.module, 'requiredCapital'),
    tx.client.getBlock(),
  ]);
  const c = ctx.crash!;
  const names = TRANCHE_NAMES;
  log(
    `Seeded ${HISTORY_DAYS} days in ${seconds.toFixed(1)} s: ${tx.txCount} transactions, block ${block.number}, chain time ${new Date(Number(block.timestamp) * 1000).toISOString()}`,
  );
  log(
    `  tranches: ${names.map((n, i) => `${n} ${fmt(assets[i]!)}`).join(', ')}; capital ${fmt(capital)}, required ${fmt(required)}`,
  );
  log(`  premiums paid ${fmt(premiums)}; loss events ${lossCount}`);
  const shortfall = c.paid.reduce((a, b) => a + b, 0n) + c.deficit;
  const eth = closesFigures(c.ethCloses);
  const firstLiquidations = c.ethCloses[c.stalledHours + 1]!;
  log(
    `  crash day ${CRASH_DAY}: ETH ${c.ethCloses[0]!.toFixed(0)} → ${c.ethCloses.at(-1)!.toFixed(0)} in ${c.ethCloses.length - 1} h ` +
      `(${pct(eth.fall)}, low ${eth.low.toFixed(0)}, worst hour ${pct(eth.worstHour)}), liquidations stalled ${c.stalledHours} h ` +
      `(the first landed at ${firstLiquidations.toFixed(0)}, ${pct(firstLiquidations / c.ethCloses[0]! - 1)}), ` +
      `${c.liquidations} liquidations, shortfall ${fmt(shortfall)}, deficit ${fmt(c.deficit)}, ` +
      `losses by protocol ${[...c.lossesByProtocol].map(([id, n]) => `#${id} ${n}`).join(', ')}`,
  );
  for (const [i, n] of names.entries())
    log(`    ${n.padEnd(9)} ${fmt(c.before[i]!)} → ${fmt(c.after[i]!)} (paid ${fmt(c.paid[i]!)})`);
  for (const p of proposals) log(`  proposal ${p.state.padEnd(9)} ${p.title}`);
}

function pct(change: number): string {
  return `${(change * 100).toFixed(1)} %`;
}

function fmt(amount: bigint): string {
  return `${Number(formatUnits(amount, 6)).toLocaleString('en-US', { maximumFractionDigits: 0 })} tUSD`;
}
