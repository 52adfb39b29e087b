import { describe, expect, it } from 'vitest';
import { walletChainProblem } from './walletChain';

const anvil = { chainId: 31337, chainName: 'Anvil' };

describe('walletChainProblem', () => {
  it('lets a write go ahead when the wallet is on the deployment chain', () => {
    expect(walletChainProblem(31337, anvil)).toBeNull();
  });

  it('stops a wallet on another chain and names both chains', () => {
    expect(walletChainProblem(1, anvil)).toEqual({
      kind: 'wrong-network',
      message:
        'Your wallet is on chain 1; Backstop is deployed on Anvil (chain 31337). Switch network. Nothing was sent.',
    });
  });

  it('stops when no wallet is connected', () => {
    const problem = walletChainProblem(undefined, anvil);
    expect(problem?.kind).toBe('no-wallet');
    expect(problem?.message).toContain('Anvil (chain 31337)');
  });

  it('compares ids exactly: a chain id that only looks alike is another chain', () => {
    expect(walletChainProblem(313370, anvil)?.kind).toBe('wrong-network');
    expect(walletChainProblem(0, { chainId: 1, chainName: 'Ethereum' })?.kind).toBe('wrong-network');
  });
});
