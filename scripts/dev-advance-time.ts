// `npm run dev:advance-time -- 7d`: moves the running local chain's clock forward and mines a block.
import { createTestClient, http, publicActions } from 'viem';
import { envSchema, requireEnv } from '../lib/chain/env';
import { LOCAL_CHAIN_ID } from '../lib/protocol/chain';
import { portFromEnv } from './lib/ports';

const USAGE = 'Usage: npm run dev:advance-time -- <duration>, e.g. 30m, 6h, 7d, 2w or 1d12h';
const UNIT_SECONDS = { s: 1, m: 60, h: 3_600, d: 86_400, w: 604_800 } as const;
const MAX_SECONDS = 10 * 365 * 86_400;

function parseDuration(text: string): number {
  const trimmed = text.trim().toLowerCase();
  if (!/^(\d+[smhdw])+$/.test(trimmed)) {
    throw new Error(`"${text}" is not a duration. ${USAGE}`);
  }
  let seconds = 0;
  for (const part of trimmed.match(/\d+[smhdw]/g) ?? []) {
    // The pattern above guarantees the last character is one of the units.
    const unit = part.slice(-1) as keyof typeof UNIT_SECONDS;
    seconds += Number(part.slice(0, -1)) * UNIT_SECONDS[unit];
  }
  if (seconds <= 0) throw new Error('The duration must be more than zero.');
  if (seconds > MAX_SECONDS) throw new Error('That is more than ten years: pick a shorter duration.');
  return seconds;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const [duration] = args;
  if (args.length !== 1 || !duration) throw new Error(USAGE);
  const seconds = parseDuration(duration);

  // BACKSTOP_RPC_URL may list fallbacks separated by commas (as the app reads it): the first one is the node.
  const configured = process.env.BACKSTOP_RPC_URL?.trim()
    ? requireEnv(envSchema.pick({ BACKSTOP_RPC_URL: true }), process.env).BACKSTOP_RPC_URL[0]
    : undefined;
  const rpcUrl = configured ?? `http://127.0.0.1:${portFromEnv('BACKSTOP_ANVIL_PORT', 8545)}`;
  const client = createTestClient({ mode: 'anvil', transport: http(rpcUrl, { retryCount: 0, timeout: 5_000 }) }).extend(
    publicActions,
  );

  let chainId: number;
  try {
    chainId = await client.getChainId();
  } catch {
    throw new Error(`No chain answers at ${rpcUrl}. Start the local chain first: npm start (or npm run chain).`);
  }
  if (chainId !== LOCAL_CHAIN_ID) {
    throw new Error(`${rpcUrl} is chain ${chainId}, not the local chain ${LOCAL_CHAIN_ID}: refusing to warp its time.`);
  }

  const before = await client.getBlock();
  await client.increaseTime({ seconds });
  await client.mine({ blocks: 1 });
  const after = await client.getBlock();
  console.log(
    `Advanced ${duration} (${seconds} s): block ${before.number} at ${isoTime(before.timestamp)} → ` +
      `block ${after.number} at ${isoTime(after.timestamp)}`,
  );
}

function isoTime(timestamp: bigint): string {
  return new Date(Number(timestamp) * 1000).toISOString().replace('.000Z', 'Z');
}

main().catch((error: unknown) => {
  console.error(`✗ ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
