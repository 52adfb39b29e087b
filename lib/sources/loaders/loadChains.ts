import type { PublicConfig } from '@/lib/chain/publicConfig';
import { combineChains, type CombinedFigures } from '@/lib/health/combined';
import { buildSnapshot, type HealthSnapshot } from '@/lib/health/snapshot';
import { sharedDashboard } from '../chainSources';
import { readSource, type ReadOptions } from '../readSource';
import type { SourceStatus } from '../status';

/** One configured chain's backstop as /health and /api/health show it: its figures (last good while down) and status. */
export interface ChainReading {
  chainId: number;
  chainName: string;
  /** From this chain's lens read; the peaks are not read here, so only the headline fields are meaningful. */
  snapshot: HealthSnapshot | null;
  status: SourceStatus;
}

export interface ChainsHealth {
  chains: ChainReading[];
  combined: CombinedFigures;
}

/**
 * Every configured chain's lens read, side by side, each from its own shared cache (one eth_call per chain per refresh
 * interval, the same cache /health's default-chain read uses), and the combined figures of those that answer now.
 */
export async function loadChains(chains: readonly PublicConfig[], options: ReadOptions = {}): Promise<ChainsHealth> {
  const readings = await Promise.all(
    chains.map(async (config): Promise<ChainReading> => {
      const { value, status } = await readSource(sharedDashboard(config), options);
      return {
        chainId: config.chainId,
        chainName: config.chainName,
        snapshot: value ? buildSnapshot(value, null) : null,
        status,
      };
    }),
  );
  const combined = combineChains(
    readings.map(({ chainId, snapshot, status }) => ({
      chainId,
      live: status.state === 'ok',
      figures: snapshot,
    })),
  );
  return { chains: readings, combined };
}
