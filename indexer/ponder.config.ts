import { createConfig } from 'ponder';
import { backstopGovernorAbi, backstopModuleAbi, clearinghouseAbi, trancheVaultAbi } from '../lib/chain/abis.generated';
import { LOCAL_CHAIN_ID, readIndexerEnv } from './lib/env';

const env = readIndexerEnv();
const { contracts, deployBlock } = env.deployment;
const startBlock = deployBlock;
const local = env.chainId === LOCAL_CHAIN_ID;

/**
 * Ponder throttles each RPC endpoint to 20 requests/s at first and raises that slowly; the every-block sampler needs
 * every block, so a fresh local chain's ~1,400 blocks would take a minute. anvil has no rate limit: listing it
 * several times gives Ponder that many independent budgets. Remote endpoints are used as given.
 */
const LOCAL_RPC_FAN_OUT = 8;
const rpc = local ? env.rpcUrls.flatMap((url) => Array<string>(LOCAL_RPC_FAN_OUT).fill(url)) : env.rpcUrls;

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
    Clearinghouse: { chain: 'backstop', abi: clearinghouseAbi, address: contracts.clearinghouse, startBlock },
    TrancheVault: { chain: 'backstop', abi: trancheVaultAbi, address: [...contracts.tranches], startBlock },
    BackstopGovernor: { chain: 'backstop', abi: backstopGovernorAbi, address: contracts.governor, startBlock },
  },
  blocks: {
    // Every block: the handler decides cheaply whether this one is worth a sample (hourly, or a loss happened).
    Sampler: { chain: 'backstop', startBlock, interval: 1 },
  },
});
