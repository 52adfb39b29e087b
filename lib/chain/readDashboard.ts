import { zeroAddress, type ContractFunctionReturnType } from 'viem';
import { backstopLensAbi } from './abis.generated';
import { publicClientFor } from './publicClient';
import type { PublicConfig } from './publicConfig';

/** Everything BackstopLens.getDashboard returns, typed from the generated ABI (amounts are bigint). */
export type Dashboard = ContractFunctionReturnType<typeof backstopLensAbi, 'view', 'getDashboard'>;
export type TrancheView = Dashboard['tranches'][number];
export type ModuleView = Dashboard['module'];

/** The protocol-wide dashboard (no user section) in a single eth_call to the lens. */
export function readDashboard(config: PublicConfig): Promise<Dashboard> {
  return publicClientFor(config).readContract({
    address: config.contracts.lens,
    abi: backstopLensAbi,
    functionName: 'getDashboard',
    args: [zeroAddress],
  });
}
