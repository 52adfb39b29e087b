import { describe, expect, it } from 'vitest';
import { parseChainList } from '../../lib/chain/chainList';
import { chainsArgument, chainsVariable, SECOND_CHAIN_ID } from './secondChain';

describe('chainsArgument', () => {
  it('is one chain without the flag, and keeps the other arguments', () => {
    expect(chainsArgument(['--no-keeper'], 'usage')).toEqual({ chains: 1, rest: ['--no-keeper'] });
  });

  it('reads --chains 2 and --chains=2', () => {
    expect(chainsArgument(['--chains', '2', '--no-keeper'], 'usage')).toEqual({ chains: 2, rest: ['--no-keeper'] });
    expect(chainsArgument(['--chains=2'], 'usage')).toEqual({ chains: 2, rest: [] });
  });

  it('refuses another count or a missing one, with the usage', () => {
    expect(() => chainsArgument(['--chains', '3'], 'Usage: npm start')).toThrow(
      '--chains 3: the local stack runs 1 or 2 chains.\nUsage: npm start',
    );
    expect(() => chainsArgument(['--chains'], 'usage')).toThrow(/^--chains : /);
  });
});

describe('chainsVariable', () => {
  it('is a BACKSTOP_CHAINS value the app accepts', () => {
    const value = chainsVariable([
      {
        chainId: SECOND_CHAIN_ID,
        rpcUrl: 'http://127.0.0.1:8546',
        deploymentFile: 'deployments/31338.json',
        name: 'Anvil 2',
        indexerUrl: 'http://127.0.0.1:42070/',
      },
    ]);
    expect(parseChainList(value, 31337, process.cwd())).toEqual({
      ok: true,
      entries: [
        {
          chainId: 31338,
          rpcUrls: ['http://127.0.0.1:8546'],
          deployment: 'deployments/31338.json',
          name: 'Anvil 2',
          indexerUrl: 'http://127.0.0.1:42070',
        },
      ],
    });
  });
});
