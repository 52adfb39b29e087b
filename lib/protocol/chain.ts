/**
 * Anvil's chain id: the local stack's chain, the only one on which the dev wallet and the faucet are offered.
 * TestStablecoin.sol keeps its own copy on-chain (its faucet checks block.chainid); scripts/lib/contractConstants.test.ts holds the two equal.
 */
export const LOCAL_CHAIN_ID = 31337;
