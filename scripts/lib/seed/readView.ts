import type {
  Abi,
  Address,
  ContractFunctionArgs,
  ContractFunctionName,
  ContractFunctionReturnType,
  PublicClient,
} from 'viem';

type ReadMutability = 'view' | 'pure';

export type ReadFunctionName<abi extends Abi> = ContractFunctionName<abi, ReadMutability>;

type ReadArgs<abi extends Abi, functionName extends ReadFunctionName<abi>> = ContractFunctionArgs<
  abi,
  ReadMutability,
  functionName
>;

/** A view's arguments, which may be left out when it (or one of its overloads) takes none. */
export type ReadArgsParam<abi extends Abi, functionName extends ReadFunctionName<abi>> =
  readonly [] extends ReadArgs<abi, functionName>
    ? [args?: ReadArgs<abi, functionName>]
    : [args: ReadArgs<abi, functionName>];

export type ReadResult<abi extends Abi, functionName extends ReadFunctionName<abi>> = Promise<
  ContractFunctionReturnType<abi, ReadMutability, functionName>
>;

interface ReadCall<abi extends Abi = Abi, functionName extends ReadFunctionName<abi> = ReadFunctionName<abi>> {
  address: Address;
  abi: abi;
  functionName: functionName;
  args?: ReadArgs<abi, functionName>;
}

/**
 * A view's result, typed by the ABI: a function name the ABI lacks, or arguments of the wrong types, fail the type
 * check, and the result has the type the ABI gives it.
 */
export function readView<const abi extends Abi, functionName extends ReadFunctionName<abi>>(
  client: Pick<PublicClient, 'readContract'>,
  address: Address,
  abi: abi,
  functionName: functionName,
  ...[args]: ReadArgsParam<abi, functionName>
): ReadResult<abi, functionName> {
  const call: ReadCall<abi, functionName> = { address, abi, functionName, args };
  const erased: ReadCall = call;
  // The one cast: viem types a read's result only for an ABI it can see, and this signature has checked this one.
  return client.readContract(erased) as ReadResult<abi, functionName>;
}
