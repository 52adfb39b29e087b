import { describe, expect, it } from 'vitest';
import { parseDeployment } from './deployment';

const a = (n: number) => `0x${n.toString(16).padStart(40, '0')}`;

/** A deployment file as written before covered protocols existed. */
const before = {
  chainId: 31337,
  deployBlock: 1,
  contracts: {
    asset: a(1),
    module: a(2),
    clearinghouse: a(3),
    lens: a(4),
    governanceToken: a(5),
    governor: a(6),
    timelock: a(7),
    tranches: [a(8), a(9), a(10)],
    oracles: { ETH: a(11), BTC: a(12), SOL: a(13) },
  },
};

describe('parseDeployment: covered protocols', () => {
  it('still reads a file from before protocols, with none listed', () => {
    const result = parseDeployment(before);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.deployment.contracts.protocols).toBeUndefined();
  });

  it('reads the protocols after protocol 0 with their markets by oracle key', () => {
    const result = parseDeployment({
      ...before,
      contracts: { ...before.contracts, protocols: [{ id: 1, clearinghouse: a(14), markets: ['ETH', 'SOL'] }] },
    });
    expect(result.ok).toBe(true);
    if (result.ok)
      expect(result.deployment.contracts.protocols).toEqual([
        { id: 1, clearinghouse: `0x${'0'.repeat(38)}0E`, markets: ['ETH', 'SOL'] },
      ]);
  });

  it('names the field of a bad protocol entry and refuses protocol 0 there', () => {
    const bad = parseDeployment({
      ...before,
      contracts: { ...before.contracts, protocols: [{ id: 0, clearinghouse: 'nope', markets: [] }] },
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.problems.some((p) => p.startsWith('contracts.protocols.0.id:'))).toBe(true);
      expect(bad.problems.some((p) => p.startsWith('contracts.protocols.0.clearinghouse:'))).toBe(true);
    }
  });
});
