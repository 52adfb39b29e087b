import type { Address } from 'viem';

/** Addresses from the deployment file (docs/interfaces.md). Tranche index = tranche id. */
export interface DeployedContracts {
  asset: Address;
  module: Address;
  clearinghouse: Address;
  lens: Address;
  governanceToken: Address;
  governor: Address;
  timelock: Address;
  riskSteward?: Address;
  /** The local yield vault the tranches' strategies use (LocalYieldVault.sol); local chain only. */
  yieldVault?: Address;
  tranches: [Address, Address, Address];
  oracles: Record<string, Address>;
  /** Covered protocols after protocol 0, in id order (deployment.ts). */
  protocols?: DeployedProtocol[];
}

/** A covered protocol's clearinghouse and its markets, each named by its `oracles` key (index = market id). */
export interface DeployedProtocol {
  id: number;
  clearinghouse: Address;
  markets: string[];
}

/**
 * What the browser may know about the network: plain JSON so the server layout can hand it to client components.
 * Built on the server from the runtime configuration, so one build can serve any network.
 */
export interface PublicConfig {
  chainId: number;
  chainName: string;
  nativeCurrency: { name: string; symbol: string; decimals: number };
  rpcUrls: string[];
  explorerUrl: string | null;
  walletConnectProjectId: string | null;
  deployBlock: number;
  contracts: DeployedContracts;
  /**
   * On the default chain's config only: the other configured chains (BACKSTOP_CHAINS), whole, so that the wallet
   * pages can act on any of them (`?chain=<id>`, docs/chains.md). Absent with one chain.
   */
  otherChains?: PublicConfig[];
}
