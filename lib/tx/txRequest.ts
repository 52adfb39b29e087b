import type { Abi, Address, ContractFunctionArgs, ContractFunctionName } from 'viem';

/** The state mutabilities a transaction can call. */
export type WriteMutability = 'nonpayable' | 'payable';

/** The names of `abi`'s functions a transaction can call (not view or pure ones). */
export type WriteFunctionName<abi extends Abi> = ContractFunctionName<abi, WriteMutability>;

/** The argument tuple `functionName` of `abi` takes. */
export type WriteFunctionArgs<abi extends Abi, functionName extends WriteFunctionName<abi>> = ContractFunctionArgs<
  abi,
  WriteMutability,
  functionName
>;

/**
 * Any one write of `abi`, as a union over its function names: narrowing on `functionName` narrows `args`, so a value
 * of this type can be spread into viem's encodeFunctionData alongside the ABI without a cast.
 */
export type WriteCall<abi extends Abi> = {
  [functionName in WriteFunctionName<abi>]: { functionName: functionName; args: WriteFunctionArgs<abi, functionName> };
}[WriteFunctionName<abi>];

/**
 * A contract write as the transaction flow simulates and sends it, typed by its ABI the way wagmi's
 * `WriteContractParameters<abi, functionName>` is: a function name the ABI lacks, or arguments of the wrong types,
 * fail the type check. With the defaults (`Abi`, any name) it is the erased form the flow's internals pass around.
 */
export interface TxRequest<
  abi extends Abi = Abi,
  functionName extends WriteFunctionName<abi> = WriteFunctionName<abi>,
> {
  address: Address;
  abi: abi;
  functionName: functionName;
  args: WriteFunctionArgs<abi, functionName>;
  account?: Address;
  chainId?: number;
}
