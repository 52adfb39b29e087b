import { createConfig } from 'ponder';
import {
  backstopGovernorAbi,
  backstopModuleAbi,
  clearinghouseAbi,
  riskStewardAbi,
  trancheVaultAbi,
} from '../lib/chain/abis.generated';
import { LOCAL_CHAIN_ID } from '../lib/protocol/chain';
import { readIndexerEnv } from './lib/env';

const env = readIndexerEnv();
const { contracts, deployBlock } = env.deployment;
const startBlock = deployBlock;
const local = env.chainId === LOCAL_CHAIN_ID;

/**
 * Ponder 0.16 throttles each RPC endpoint on its own, client-side: 20 requests/s at first, raised by 5 % at a time
 * only after seconds of saturation, and there is no setting to change that (`maxRequestsPerSecond` is typed but
 * deprecated and read nowhere since ponder-sh/ponder#1790; `ethGetLogsBlockRange` only sizes eth_getLogs). The
 * every-block sampler needs one eth_getBlockByNumber per block, so one endpoint caps a fresh local chain's backfill
 * near 20 blocks/s. anvil has no rate limit: each entry of `rpc` is an endpoint with a budget of its own (Ponder's
 * documented load balancing), so listing the loopback URL LOCAL_RPC_ENDPOINTS times is its own way to raise the
 * limit. Measured with `npm run bench -- backfill` on a busy 2-core machine: 1 entry 104–110 s to /ready, 8 entries
 * 63–65 s (docs/performance.md). Remote endpoints are used as given, throttled as Ponder sees fit.
 */
const LOCAL_RPC_ENDPOINTS = 8;
const rpc = local ? env.rpcUrls.flatMap((url) => Array<string>(LOCAL_RPC_ENDPOINTS).fill(url)) : env.rpcUrls;

export default createConfig({
  database: env.databaseUrl
    ? { kind: 'postgres', connectionString: env.databaseUrl }
    : { kind: 'pglite', directory: env.pgliteDir },
  chains: {
    // anvil restarts reuse block numbers with different contents: its RPC answers must never be cached.
    backstop: { id: env.chainId, rpc, disableCache: local },
  },
  contracts: {
    BackstopModule: { chain: 'backstop', abi: backstopModuleAbi, address: contracts.module, startBlock },
    // Every covered protocol's clearinghouse: protocol 0 first, then those the deployment lists.
    Clearinghouse: {
      chain: 'backstop',
      abi: clearinghouseAbi,
      address: [contracts.clearinghouse, ...(contracts.protocols ?? []).map((p) => p.clearinghouse)],
      startBlock,
    },
    TrancheVault: { chain: 'backstop', abi: trancheVaultAbi, address: [...contracts.tranches], startBlock },
    BackstopGovernor: { chain: 'backstop', abi: backstopGovernorAbi, address: contracts.governor, startBlock },
    // A deployment from before the steward has none: the zero address emits nothing, so nothing is read.
    RiskSteward: {
      chain: 'backstop',
      abi: riskStewardAbi,
      address: contracts.riskSteward ?? '0x0000000000000000000000000000000000000000',
      startBlock,
    },
  },
  blocks: {
    // Every block: the handler decides cheaply whether this one is worth a sample (hourly, or a loss happened).
    Sampler: { chain: 'backstop', startBlock, interval: 1 },
  },
});
