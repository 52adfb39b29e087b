import { describe, expect, it } from 'vitest';
import type { ChainReading } from '@/lib/sources/loaders/loadChains';
import { chainsJson } from './chainsJson';
import { combineChains } from './combined';
import type { HealthSnapshot } from './snapshot';
import { WAD } from './wad';

const NOW = Date.UTC(2026, 11, 5, 12, 0, 0);

function snapshot(capital: bigint, required: bigint, block: bigint): HealthSnapshot {
  return {
    blockNumber: block,
    blockTimestamp: NOW / 1000 - 30,
    asset: { symbol: 'tUSD', decimals: 6 },
    totalCapital: capital,
    requiredCapital: required,
    openInterestNotional: required * 8n,
    solvencyRatio: (capital * WAD) / required,
    solvencyThreshold: WAD,
    warningBelow: (WAD * 5n) / 4n,
    status: 'healthy',
    coverage: null,
    unreadableProtocols: [],
    tranches: [],
    protocols: [],
    assetClasses: [],
  };
}

describe('chainsJson', () => {
  it("gives each chain's figures with their freshness, and a down chain's last good ones beside its error", () => {
    const chains: ChainReading[] = [
      {
        chainId: 31337,
        chainName: 'Anvil (local)',
        snapshot: snapshot(3_000_000n, 1_000_000n, 100n),
        status: { source: 'Chain RPC', state: 'ok', readAt: NOW - 2_000 },
      },
      {
        chainId: 31338,
        chainName: 'Anvil 2 (local)',
        snapshot: snapshot(5_000_000n, 2_000_000n, 90n),
        status: {
          source: 'Chain RPC',
          state: 'stale',
          readAt: NOW - 60_000,
          reason: 'The RPC did not answer.',
          since: NOW - 50_000,
          ageMs: 60_000,
        },
      },
    ];
    const combined = combineChains(
      chains.map((c) => ({ chainId: c.chainId, live: c.status.state === 'ok', figures: c.snapshot })),
    );
    const json = chainsJson({ chains, combined }, NOW);

    expect(json.chains[0]).toMatchObject({
      chainId: 31337,
      live: true,
      error: null,
      figures: {
        blockNumber: '100',
        dataAgeSeconds: 30,
        cacheAgeSeconds: 2,
        totalCapital: { amount: '3', raw: '3000000' },
      },
    });
    expect(json.chains[1]).toMatchObject({
      chainId: 31338,
      name: 'Anvil 2 (local)',
      live: false,
      error: { message: 'The RPC did not answer.', since: new Date(NOW - 50_000).toISOString() },
      figures: { blockNumber: '90', cacheAgeSeconds: 60, requiredCapital: { amount: '2', raw: '2000000' } },
    });
    expect(json.combined).toMatchObject({
      partial: true,
      counted: [31337],
      missing: [31338],
      problem: null,
      figures: { totalCapital: { raw: '3000000' }, solvency: { ratio: { amount: '3', unbounded: false } } },
    });
  });
});
