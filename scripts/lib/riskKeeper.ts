import {
  createPublicClient,
  createWalletClient,
  formatUnits,
  http,
  zeroAddress,
  type Account,
  type Address,
} from 'viem';
import { backstopLensAbi, riskStewardAbi } from '../../lib/chain/abis.generated';
import { fetchDailyPremiums, fetchSamples } from '../../lib/indexer/client';
import type { KeeperDecision } from '../../lib/premium/stewardDecision';
import { KEEPER_WINDOW_SECONDS, keeperRound } from '../../lib/premium/keeperRound';
import { HISTORY_WINDOW_SECONDS } from '../../lib/risk/worker/inputsPayload';
import { VERDICT_BAND } from '../../lib/risk/worker/verdict';
import { localChain } from './seed/clients';
import type { Deployment } from './deployment';
import { describeError } from './seed/tx';

export interface RiskKeeperOptions {
  rpcUrl: string;
  indexerUrl: string;
  deployment: Deployment;
  /** The steward's keeper account (RiskSteward.keeper). */
  account: Account;
  intervalMs: number;
  /** Relative gap between charged and fair APR beyond which the keeper asks for a step; the app's "about fair" band. */
  threshold?: number;
  log: (message: string) => void;
}

export interface KeeperRun {
  decision: KeeperDecision | null;
  /** Transactions the steward accepted. */
  sent: { param: number; to: bigint; hash: string }[];
}

const PARAM_NAMES = ['Junior multiplier', 'Mezzanine multiplier', 'Senior multiplier', 'premium volatility'];

/**
 * The risk keeper: every interval it prices each tranche with the app's risk model (lib/risk's analytic quote on the
 * lens and the indexer's price history), compares that fair APR with what the chain charges (lib/premium/chargedApr),
 * and asks the RiskSteward for at most one step per parameter toward fair (lib/premium/stewardDecision). Each
 * request is simulated first; RPC failures are retried with backoff by viem's transport; every decision is logged
 * with its numbers. The steward alone enforces the limits: the keeper only tries to stay inside them.
 */
export function createRiskKeeper(opts: RiskKeeperOptions): { runOnce: () => Promise<KeeperRun> } {
  const transport = http(opts.rpcUrl, { retryCount: 5, retryDelay: 200, timeout: 20_000 });
  const publicClient = createPublicClient({ chain: localChain(opts.deployment.chainId, opts.rpcUrl), transport });
  const wallet = createWalletClient({
    account: opts.account,
    chain: localChain(opts.deployment.chainId, opts.rpcUrl),
    transport,
  });
  const threshold = opts.threshold ?? VERDICT_BAND;
  let lastLine = '';
  const say = (line: string) => {
    // The same holding pattern every interval is said once.
    if (line !== lastLine) opts.log(line);
    lastLine = line;
  };

  const runOnce = async (): Promise<KeeperRun> => {
    const lens = await publicClient.readContract({
      address: opts.deployment.contracts.lens,
      abi: backstopLensAbi,
      functionName: 'getDashboard',
      args: [zeroAddress],
    });
    const steward = lens.premium.steward as Address;
    if (steward === zeroAddress) {
      say('no risk steward on this deployment: nothing to do');
      return { decision: null, sent: [] };
    }
    const now = Number(lens.timestamp);
    const [samples, premiums] = await Promise.all([
      fetchSamples(opts.indexerUrl, now - Math.max(KEEPER_WINDOW_SECONDS, HISTORY_WINDOW_SECONDS)),
      fetchDailyPremiums(opts.indexerUrl, now - KEEPER_WINDOW_SECONDS - 86_400),
    ]);
    const { fairApr, charged, decision } = keeperRound({
      lens,
      priceSamples: samples,
      flows: premiums.map((d) => ({ timestamp: d.timestamp, byTranche: d.byTranche.map((x) => BigInt(x)) })),
      multipliers: samples.flatMap((s) =>
        s.premium ? [{ timestamp: s.timestamp, multiplier: BigInt(s.premium.multiplier) }] : [],
      ),
      threshold,
    });
    const p = lens.premium;
    const figures = fairApr
      .map((fair, i) => `${PARAM_NAMES[i]!.split(' ')[0]} charged ${pct(charged[i]?.now)} fair ${pct(fair)}`)
      .join(', ');
    say(
      `utilisation ${formatUnits(p.utilisation, 16).slice(0, 5)} %, multiplier ×${Number(formatUnits(p.multiplier, 18)).toFixed(3)}; ${figures}` +
        (decision.updates.length === 0 ? `; holding (${decision.held.join('; ')})` : ''),
    );

    const sent: KeeperRun['sent'] = [];
    for (const update of decision.updates) {
      const name = PARAM_NAMES[update.param] ?? `parameter ${update.param}`;
      try {
        const { request } = await publicClient.simulateContract({
          account: opts.account,
          address: steward,
          abi: riskStewardAbi,
          functionName: 'update',
          args: [update.param, update.to],
        });
        const hash = await wallet.writeContract(request);
        const receipt = await publicClient.waitForTransactionReceipt({ hash, pollingInterval: 250 });
        if (receipt.status !== 'success') throw new Error(`reverted in ${hash}`);
        sent.push({ param: update.param, to: update.to, hash });
        opts.log(
          `${name} ${wadText(update.from)} → ${wadText(update.to)}: ${update.reason} (tx ${hash.slice(0, 10)}…)`,
        );
      } catch (error) {
        opts.log(`${name}: the steward refused ${wadText(update.to)}: ${describeError(error)}`);
      }
    }
    return { decision, sent };
  };
  return { runOnce };
}

/** The keeper's loop: a round every `intervalMs` after the last one ended; a failed round costs one log line. */
export function startRiskKeeper(opts: RiskKeeperOptions): { stop: () => Promise<void> } {
  const { runOnce } = createRiskKeeper(opts);
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<unknown> = Promise.resolve();
  const loop = () => {
    current = runOnce()
      .catch((error) => opts.log(`skipped a round: ${describeError(error)}`))
      .finally(() => {
        if (!stopped) timer = setTimeout(loop, opts.intervalMs);
      });
  };
  loop();
  return {
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await current;
    },
  };
}

function wadText(x: bigint): string {
  return Number(formatUnits(x, 18)).toFixed(4);
}

function pct(x: number | null | undefined): string {
  return x === null || x === undefined ? 'n/a' : `${(x * 100).toFixed(2)} %`;
}
