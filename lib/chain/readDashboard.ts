import { zeroAddress, type Address, type ContractFunctionReturnType } from 'viem';
import { readContract } from 'viem/actions';
import { backstopLensAbi } from './abis.generated';
import { publicClientFor } from './publicClient';
import type { PublicConfig } from './publicConfig';

/** Everything BackstopLens.getDashboard returns, typed from the generated ABI (amounts are bigint). */
export type Dashboard = ContractFunctionReturnType<typeof backstopLensAbi, 'view', 'getDashboard'>;
export type TrancheView = Dashboard['tranches'][number];
export type ModuleView = Dashboard['module'];

/** The protocol-wide dashboard in a single eth_call to the lens, with `account`'s section (none by default). */
export function readDashboard(config: PublicConfig, account: Address = zeroAddress): Promise<Dashboard> {
  return readContract(publicClientFor(config), {
    address: config.contracts.lens,
    abi: backstopLensAbi,
    functionName: 'getDashboard',
    args: [account],
  });
}
