import type { ChainsHealth } from '@/lib/sources/loaders/loadChains';
import { failureOf } from '@/lib/sources/status';
import { decimalAmount, decimalRatio } from './decimal';

/** The `chains` and `combined` parts of GET /api/health (docs/api-health.md): each chain's backstop and their sum. */
export function chainsJson(health: ChainsHealth, now: number) {
  const nowSeconds = Math.floor(now / 1000);
  const chains = health.chains.map(({ chainId, chainName, snapshot: s, status }) => {
    const failure = failureOf(status);
    const asset = (raw: bigint) => decimalAmount(raw, s!.asset.decimals);
    return {
      chainId,
      name: chainName,
      live: failure === null,
      error: failure && { message: failure.reason, since: new Date(failure.since).toISOString() },
      figures: s && {
        blockNumber: s.blockNumber.toString(),
        blockTimestamp: s.blockTimestamp,
        fetchedAt: status.readAt === null ? null : new Date(status.readAt).toISOString(),
        dataAgeSeconds: Math.max(0, nowSeconds - s.blockTimestamp),
        cacheAgeSeconds: status.readAt === null ? null : Math.max(0, Math.floor((now - status.readAt) / 1000)),
        asset: s.asset,
        status: s.status,
        totalCapital: asset(s.totalCapital),
        requiredCapital: asset(s.requiredCapital),
        openInterestNotional: asset(s.openInterestNotional),
        solvency: { ratio: decimalRatio(s.solvencyRatio), threshold: decimalRatio(s.solvencyThreshold) },
      },
    };
  });
  const c = health.combined;
  const combined = {
    partial: c.partial,
    counted: c.counted,
    missing: c.missing,
    problem: c.ok ? null : c.problem,
    figures: c.ok
      ? {
          asset: c.asset,
          status: c.status,
          totalCapital: decimalAmount(c.totalCapital, c.asset.decimals),
          requiredCapital: decimalAmount(c.requiredCapital, c.asset.decimals),
          openInterestNotional: decimalAmount(c.openInterestNotional, c.asset.decimals),
          solvency: { ratio: decimalRatio(c.solvencyRatio), threshold: decimalRatio(c.solvencyThreshold) },
        }
      : null,
  };
  return { chains, combined };
}
