import { zeroAddress, type Address, type ContractFunctionReturnType } from 'viem';
import { backstopLensAbi } from './abis.generated';
import { publicClientFor } from './publicClient';
import type { PublicConfig } from './publicConfig';
import { describeReadError } from './describeReadError';

/** Everything BackstopLens.getDashboard returns, typed from the generated ABI (amounts are bigint). */
export type Dashboard = ContractFunctionReturnType<typeof backstopLensAbi, 'view', 'getDashboard'>;
export type TrancheView = Dashboard['tranches'][number];
export type ModuleView = Dashboard['module'];

/** The protocol-wide dashboard in a single eth_call to the lens, with `account`'s section (none by default). */
export function readDashboard(config: PublicConfig, account: Address = zeroAddress): Promise<Dashboard> {
  return publicClientFor(config).readContract({
    address: config.contracts.lens,
    abi: backstopLensAbi,
    functionName: 'getDashboard',
    args: [account],
  });
}

/** For server-rendered pages: the dashboard, or why it could not be read, in words (never throws). */
export async function readDashboardOrProblem(
  config: PublicConfig,
): Promise<{ dashboard: Dashboard; error: null } | { dashboard: null; error: string }> {
  try {
    return { dashboard: await readDashboard(config), error: null };
  } catch (e) {
    return { dashboard: null, error: describeReadError(e, config.contracts.lens) };
  }
}

/** A returning wallet's dashboard for a page that shows only its section (governance), or null if it fails. */
export async function readAccountDashboard(config: PublicConfig, account: Address | null): Promise<Dashboard | null> {
  return account ? readDashboard(config, account).catch(() => null) : null;
}
