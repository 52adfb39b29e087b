import type { PublicConfig } from '@/lib/chain/publicConfig';
import type { Dashboard } from '@/lib/chain/readDashboard';
import { freshDashboard } from '../chainSources';
import { readSource, type ReadOptions } from '../readSource';
import type { SourceStatus } from '../status';

/** The home page: the current lens read (the browser keeps it live and reports the chain's state itself from then on). */
export async function loadHome(
  config: PublicConfig,
  options: ReadOptions = {},
): Promise<{ data: { dashboard: Dashboard | null }; sources: { chain: SourceStatus } }> {
  const lens = await readSource(freshDashboard(config), options);
  return { data: { dashboard: lens.value }, sources: { chain: lens.status } };
}
