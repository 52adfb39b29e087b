/**
 * Anvil's chain id: the local stack's chain, the only one on which the dev wallet and the faucet are offered.
 * TestStablecoin.sol keeps its own copy on-chain (its faucet checks block.chainid); scripts/lib/contractConstants.test.ts holds the two equal.
 */
export const LOCAL_CHAIN_ID = 31337;

/**
 * The chain id `npm start -- --chains 2` gives its second anvil (scripts/lib/secondChain.ts). With LOCAL_CHAIN_ID, the
 * only chains on which the dev wallet signs with anvil's public keys.
 */
export const SECOND_LOCAL_CHAIN_ID = 31338;

export function isLocalChain(chainId: number): boolean {
  return chainId === LOCAL_CHAIN_ID || chainId === SECOND_LOCAL_CHAIN_ID;
}
