import type { TxProblem } from './describeTxError';

/** The network the contracts are deployed on, as the public config names it. */
export interface DeploymentChain {
  chainId: number;
  chainName: string;
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
  return {
    kind: 'wrong-network',
    message: `Your wallet is on chain ${walletChainId}; Backstop is deployed on ${target}. Switch network. Nothing was sent.`,
  };
}
