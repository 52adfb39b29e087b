import { encodeAbiParameters, keccak256, toBytes, type Address, type Hex } from 'viem';

/** Governor.hashProposal: the id a proposal will get, known before it is sent. */
export function proposalIdOf(
  targets: readonly Address[],
  values: readonly bigint[],
  calldatas: readonly Hex[],
  description: string,
): bigint {
  const descriptionHash = keccak256(toBytes(description));
  return BigInt(
    keccak256(
      encodeAbiParameters(
        [{ type: 'address[]' }, { type: 'uint256[]' }, { type: 'bytes[]' }, { type: 'bytes32' }],
        [targets, values, calldatas, descriptionHash],
      ),
    ),
  );
}
