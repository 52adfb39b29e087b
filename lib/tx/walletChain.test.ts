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

  it('names a configured other chain, and still sends nothing there', () => {
    const withOthers = { ...anvil, otherChains: [{ chainId: 31338, chainName: 'Anvil 2' }] };
    expect(walletChainProblem(31338, withOthers)).toEqual({
      kind: 'wrong-network',
      message:
        "Your wallet is on Anvil 2 (chain 31338), which has a backstop of its own; this page acts on Anvil (chain 31337). Switch network to act here, or show Anvil 2's page. Nothing was sent.",
    });
    expect(walletChainProblem(1, withOthers)?.message).toMatch(/^Your wallet is on chain 1; Backstop is deployed on/);
    expect(walletChainProblem(31337, withOthers)).toBeNull();
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
