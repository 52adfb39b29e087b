import type { Abi, Address } from 'viem';

/**
 * A contract write as the flow simulates and sends it. Loosely typed on purpose: the flow is shared by every
 * feature (deposits, governance…), each of which builds its request from a typed ABI.
 */
export interface TxRequest {
  address: Address;
  abi: Abi;
  functionName: string;
  args?: readonly unknown[];
  account?: Address;
  chainId?: number;
}
