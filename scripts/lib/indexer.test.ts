import { describe, expect, it } from 'vitest';
import { indexerEnv, portTakenProblem, progressKey, sumMetric } from './indexer';

const METRICS = `# HELP ponder_historical_completed_blocks Number of blocks that have been processed
# TYPE ponder_historical_completed_blocks gauge
ponder_historical_completed_blocks{chain="backstop",source="BackstopModule",type="log"} 812
ponder_historical_completed_blocks{chain="backstop",source="Sampler",type="block"} 640
ponder_historical_completed_blocks_total 5
ponder_sync_block{chain="backstop"} 1290
ponder_rpc_request_duration_bucket{method="eth_getBlockByNumber",chain="backstop",le="100"} 700
ponder_rpc_request_duration_sum{method="eth_getBlockByNumber",chain="backstop"} 9000
ponder_rpc_request_duration_count{method="eth_getBlockByNumber",chain="backstop"} 712
ponder_rpc_request_duration_count{method="eth_getLogs",chain="backstop"} 4
`;

describe('indexerEnv', () => {
  const options = {
    port: 42300,
    rpcUrl: 'http://127.0.0.1:18600',
    chainId: 31337,
    root: '/repo',
    deploymentFile: 'deployments/31337.json',
  };
  it("gives Ponder the indexer's port as PORT, whatever the app's PORT is", () => {
    const env = indexerEnv({ PORT: '3300', HOME: '/home/x' }, options, '/db');
    expect(env.PORT).toBe('42300');
    expect(env.HOME).toBe('/home/x');
    expect(env.BACKSTOP_RPC_URL).toBe('http://127.0.0.1:18600');
    expect(env.BACKSTOP_DEPLOYMENT).toBe('/repo/deployments/31337.json');
    expect(env.BACKSTOP_INDEXER_DB_DIR).toBe('/db');
  });
});

describe('portTakenProblem', () => {
  it("turns Ponder's move to another port into a start-up failure that names the port and the fix", () => {
    const problem = portTakenProblem('\x1b[33m19:17:24.206 WARN  Port in use port=42300\x1b[0m', 42300);
    expect(problem).toMatch(
      /^the indexer could not listen on port 42300: another process holds it \(Ponder said "19:17:24.206 WARN  Port in use port=42300"\)/,
    );
    expect(problem).toMatch(/BACKSTOP_INDEXER_PORT/);
  });
  it('leaves every other line alone', () => {
    expect(portTakenProblem('19:17:25.001 INFO  Started listening on port 42300', 42300)).toBeUndefined();
  });
});

describe('sumMetric', () => {
  it('adds up every label set of one metric and nothing of a metric whose name only starts the same', () => {
    expect(sumMetric(METRICS, 'ponder_historical_completed_blocks')).toBe(1452);
    expect(sumMetric(METRICS, 'ponder_sync_block')).toBe(1290);
    expect(sumMetric(METRICS, 'ponder_rpc_request_duration_count')).toBe(716);
  });

  it('is undefined for a metric Ponder does not report yet', () => {
    expect(sumMetric(METRICS, 'ponder_indexing_completed_events')).toBeUndefined();
  });
});

describe('progressKey', () => {
  it("counts output lines only until Ponder's server answers, then only its counters", () => {
    expect(progressKey({ outputLines: 3 })).not.toBe(progressKey({ outputLines: 4 }));
    // A start that builds its config without a line of output still moves: it uses CPU.
    expect(progressKey({ outputLines: 3, cpuSeconds: 7 })).not.toBe(progressKey({ outputLines: 3, cpuSeconds: 8 }));
    // Server up, sync not begun (an RPC that fails every request): its retries' warnings do not move the key.
    expect(progressKey({ outputLines: 5, cpuSeconds: 11, serverUp: true })).toBe(
      progressKey({ outputLines: 50, cpuSeconds: 14, serverUp: true }),
    );
    // A Ponder too busy to answer /metrics still moves: CPU_STEP_SECONDS more of CPU is a step.
    expect(progressKey({ outputLines: 5, cpuSeconds: 14, serverUp: true })).not.toBe(
      progressKey({ outputLines: 5, cpuSeconds: 15, serverUp: true }),
    );
    const syncing = { serverUp: true, syncBlock: 812, syncedBlocks: 1452, indexedEvents: 90 };
    // Warnings about an unreachable RPC are output, not progress.
    expect(progressKey({ outputLines: 40, ...syncing })).toBe(progressKey({ outputLines: 41, ...syncing }));
    expect(progressKey({ outputLines: 41, ...syncing })).not.toBe(
      progressKey({ outputLines: 41, ...syncing, indexedEvents: 91 }),
    );
    // Within one long chunk of the sync only the answered RPC requests move.
    expect(progressKey({ outputLines: 41, ...syncing, rpcResponses: 700 })).not.toBe(
      progressKey({ outputLines: 41, ...syncing, rpcResponses: 716 }),
    );
  });
});
