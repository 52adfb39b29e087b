import { parseUnits, type Address } from 'viem';
import { abis } from './artifacts';
import { depositor, vaultOf, type SeedContext } from './context';
import { Rng } from './rng';

const JUNIOR = 0;
const MEZZANINE = 1;
const SENIOR = 2;

/** [anvil index, tranche, thousands of tUSD]: Junior ≈ 0.5M, Mezzanine ≈ 1.0M, Senior ≈ 2.0M before jitter. */
const OPENING_DEPOSITS: [number, number, number][] = [
  [1, JUNIOR, 150],
  [3, JUNIOR, 120],
  [5, JUNIOR, 100],
  [7, JUNIOR, 130],
  [2, MEZZANINE, 300],
  [3, MEZZANINE, 250],
  [4, MEZZANINE, 200],
  [6, MEZZANINE, 250],
  [1, SENIOR, 600],
  [2, SENIOR, 500],
  [4, SENIOR, 400],
  [5, SENIOR, 300],
  [6, SENIOR, 200],
];

/** After the crash and the multiplier vote, first-loss capital comes back for the higher premium. */
const RECOVERY_DEPOSITS: [number, number, number, number][] = [
  [7, JUNIOR, 120, 76],
  [5, JUNIOR, 90, 78],
  [2, JUNIOR, 150, 84],
  [3, JUNIOR, 60, 95],
  [4, MEZZANINE, 100, 90],
];

/** Exit requests: some withdrawn in their window, some left to lapse, two still open when the history ends. */
const COOLDOWNS: { who: number; tranche: number; fraction: number; day: number; redeemAfterDays?: number }[] = [
  { who: 6, tranche: SENIOR, fraction: 0.5, day: 18.4, redeemAfterDays: 7.6 },
  { who: 4, tranche: MEZZANINE, fraction: 0.3, day: 40.3, redeemAfterDays: 7.6 },
  // Asked to leave Junior five days before the crash: shares in cooldown still absorb the loss.
  { who: 3, tranche: JUNIOR, fraction: 1, day: 55.2 },
  { who: 2, tranche: MEZZANINE, fraction: 0.2, day: 85.3 },
  { who: 7, tranche: JUNIOR, fraction: 0.3, day: 100.4, redeemAfterDays: 7.9 },
  // In its unstake window at the end of the history.
  { who: 5, tranche: SENIOR, fraction: 0.4, day: 112.1 },
  // Still cooling down at the end.
  { who: 1, tranche: SENIOR, fraction: 0.25, day: 117.2 },
];

export function planDeposits(ctx: SeedContext): void {
  const rng = Rng.stream(ctx.seed, 'deposits');
  for (const [who, tranche, thousands] of OPENING_DEPOSITS) {
    const chunks = rng.chance(0.5) ? 2 : 1;
    const total = thousands * rng.uniform(0.85, 1.15);
    for (let c = 0; c < chunks; c++) {
      const amount = Math.round(total / chunks) * 1_000;
      const day = rng.uniform(0.2, 21);
      schedule(ctx, ctx.at(day), depositor(ctx, who), tranche, amount);
    }
  }
  for (const [who, tranche, thousands, day] of RECOVERY_DEPOSITS) {
    const amount = Math.round(thousands * rng.uniform(0.85, 1.15)) * 1_000;
    schedule(ctx, ctx.at(day + rng.uniform(0, 2)), depositor(ctx, who), tranche, amount);
  }
  for (const c of COOLDOWNS) planCooldown(ctx, c);
}

function schedule(ctx: SeedContext, t: number, who: Address, tranche: number, dollars: number) {
  ctx.timeline.at(t, `deposit ${dollars} into tranche ${tranche}`, async () => {
    const amount = parseUnits(String(dollars), 6);
    const vault = vaultOf(ctx, tranche);
    const { tx } = ctx;
    await tx.send({
      from: who,
      to: ctx.deployment.contracts.asset,
      abi: abis.stablecoin,
      functionName: 'faucet',
      args: [amount],
    });
    await tx.send({
      from: who,
      to: ctx.deployment.contracts.asset,
      abi: abis.stablecoin,
      functionName: 'approve',
      args: [vault, amount],
    });
    await tx.send({ from: who, to: vault, abi: abis.vault, functionName: 'deposit', args: [amount, who] });
  });
}

function planCooldown(ctx: SeedContext, c: (typeof COOLDOWNS)[number]) {
  const who = depositor(ctx, c.who);
  const vault = vaultOf(ctx, c.tranche);
  ctx.timeline.at(ctx.at(c.day), `cooldown request by #${c.who}`, async () => {
    const balance = await ctx.tx.read(vault, abis.vault, 'balanceOf', [who]);
    const shares = (balance * BigInt(Math.round(c.fraction * 10_000))) / 10_000n;
    if (shares === 0n) throw new Error(`#${c.who} holds no shares of tranche ${c.tranche} to cool down.`);
    await ctx.tx.send({ from: who, to: vault, abi: abis.vault, functionName: 'cooldownShares', args: [shares] });
  });
  if (c.redeemAfterDays === undefined) return;
  ctx.timeline.at(ctx.at(c.day + c.redeemAfterDays), `withdrawal by #${c.who}`, async () => {
    const shares = await ctx.tx.read(vault, abis.vault, 'maxRedeem', [who]);
    if (shares === 0n) throw new Error(`#${c.who} is not in its unstake window for tranche ${c.tranche}.`);
    await ctx.tx.send({ from: who, to: vault, abi: abis.vault, functionName: 'redeem', args: [shares, who, who] });
  });
}
