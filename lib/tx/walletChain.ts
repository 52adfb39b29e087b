import type { TxProblem } from './describeTxError';

/** The network the contracts are deployed on, as the public config names it. */
export interface DeploymentChain {
  chainId: number;
  chainName: string;
  /** The other configured chains (BACKSTOP_CHAINS, docs/chains.md): each has its own pages (`?chain=<id>`). */
  otherChains?: readonly { chainId: number; chainName: string }[];
}

/**
 * The prompt for a wallet on another chain than the one the page acts on. A configured other chain is named, with
 * where this page acts: the backstop is there too, so "wrong network" alone would read as a mistake of the app.
 */
export function wrongChainText(walletChainId: number, deployment: DeploymentChain): string {
  const target = `${deployment.chainName} (chain ${deployment.chainId})`;
  const other = deployment.otherChains?.find((chain) => chain.chainId === walletChainId);
  if (other) {
    return `Your wallet is on ${other.chainName} (chain ${other.chainId}), which has a backstop of its own; this page acts on ${target}. Switch network to act here, or show ${other.chainName}'s page.`;
  }
  return `Your wallet is on chain ${walletChainId}; Backstop is deployed on ${target}. Switch network.`;
}

/**
 * Whether a write may be simulated and sent from a wallet on `walletChainId`: null when it may, else the problem to
 * show. Checked before simulating, because the simulation reads the app's RPC, which would pass on the right chain
 * while the wallet would sign for another.
 */
export function walletChainProblem(walletChainId: number | undefined, deployment: DeploymentChain): TxProblem | null {
  const target = `${deployment.chainName} (chain ${deployment.chainId})`;
  if (walletChainId === undefined) {
    return {
      kind: 'no-wallet',
      message: `No wallet is connected: connect one on ${target} to continue. Nothing was sent.`,
    };
  }
  if (walletChainId === deployment.chainId) return null;
  return { kind: 'wrong-network', message: `${wrongChainText(walletChainId, deployment)} Nothing was sent.` };
}
