import { abis } from './artifacts';
import { STRATEGY_LOSS } from './params';
import type { SeedContext } from './context';
import { accrueYield, reportStrategies } from './strategy';

/** The keeper reports the strategies every fourth day at 08:00: few transactions, so seed and backfill stay quick. */
const REPORT_EVERY_DAYS = 4;

/**
 * Productive capital in the seeded history: the local yield vault earns YIELD_APR_BPS a year, minted by its owner
 * (the keeper) before each report, and each tranche with a strategy is reported (`rebalance`), which books the yield
 * and moves assets to the buffer target. On STRATEGY_LOSS.day the vault loses a small share of its assets; the
 * report that follows books it as a strategy loss on each tranche in it (one loss row each).
 */
export function planStrategy(ctx: SeedContext, days: number): { reports: () => number } {
  const { deployment, tx } = ctx;
  const yieldVault = deployment.contracts.yieldVault;
  let reports = 0;
  if (!yieldVault) return { reports: () => 0 };
  const { keeper } = ctx.accounts;
  for (let day = 1; day < days; day += REPORT_EVERY_DAYS) {
    ctx.timeline.at(ctx.at(day, 8), `strategy report, day ${day}`, async () => {
      await accrueYield(tx, deployment, keeper, REPORT_EVERY_DAYS);
      reports += await reportStrategies(tx, deployment, keeper);
    });
  }
  ctx.timeline.at(ctx.at(STRATEGY_LOSS.day, 8.5), 'the yield vault takes a small loss', async () => {
    const held = await tx.read(yieldVault, abis.yieldVault, 'totalAssets');
    const amount = (held * STRATEGY_LOSS.bps) / 10_000n;
    await tx.send({
      from: keeper,
      to: yieldVault,
      abi: abis.yieldVault,
      functionName: 'takeLoss',
      args: [amount, keeper],
    });
    reports += await reportStrategies(tx, deployment, keeper);
  });
  return { reports: () => reports };
}
