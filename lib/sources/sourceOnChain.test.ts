import { describe, expect, it } from 'vitest';
import type { PublicConfig } from '@/lib/chain/publicConfig';
import { sourcesOnChain } from './sourceOnChain';
import type { SourceStatus } from './status';

const chain = { chainId: 31338, chainName: 'Anvil 2 (local)' } as PublicConfig;
const down: SourceStatus = { source: 'Chain RPC', readAt: null, state: 'down', reason: 'no answer', since: 1 };

describe('sourcesOnChain', () => {
  it("names the page's chain when several are configured", () => {
    const named = sourcesOnChain({ ...chain, otherChains: [{ chainId: 31337 } as PublicConfig] }, [down]);
    expect(named).toEqual([{ ...down, source: 'Chain RPC of Anvil 2 (local) (chain 31338)' }]);
  });

  it('leaves a one-chain app as it was', () => {
    expect(sourcesOnChain(chain, [down])).toEqual([down]);
    expect(sourcesOnChain({ ...chain, otherChains: [] }, [down])).toEqual([down]);
  });
});
