// The sampler: every block is offered, at most one per hour of chain time is read (plus every block with a loss).
// The other handlers live beside this file (losses, premiums, governance, flows, markets); ponder loads all of src/.
import { ponder } from 'ponder:registry';
import { sample } from 'ponder:schema';
import { backstopLensAbi } from '../../lib/chain/abis.generated';
import { readIndexerEnv } from '../lib/env';
import { toSample } from '../lib/sample';
import { readState, writeState } from '../lib/state';

const SAMPLE_EVERY_SECONDS = 3_600;
const ZERO_ADDRESS = '0x0000000000000000000000000000000000000000';
const lens = readIndexerEnv().deployment.contracts.lens;

ponder.on('Sampler:block', async ({ event, context }) => {
  const { number: blockNumber, timestamp } = event.block;
  const time = Number(timestamp);
  // Ponder's indexing cache keeps this one row in memory: a block that is not sampled costs no RPC call.
  const state = { ...(await readState(context.db)), headBlock: blockNumber, headTime: time };
  const due = state.lastSampleTime === null || time >= state.lastSampleTime + SAMPLE_EVERY_SECONDS;
  if (!due && state.lossBlock !== blockNumber) return writeState(context.db, state);

  // The deploy block comes before the lens exists; until the first sample, make sure there is code to call.
  if (state.lastSampleTime === null) {
    const code = await context.client.getCode({ address: lens });
    if (!code || code === '0x') return writeState(context.db, state);
  }

  const dashboard = await context.client.readContract({
    abi: backstopLensAbi,
    address: lens,
    functionName: 'getDashboard',
    args: [ZERO_ADDRESS],
  });
  const values = toSample(dashboard, state.peakSharePrices);
  await context.db.insert(sample).values({
    blockNumber,
    timestamp: time,
    totalCapital: values.totalCapital,
    requiredCapital: values.requiredCapital,
    solvencyRatio: values.solvencyRatio,
    tranches: values.tranches,
    markets: values.markets,
    premium: values.premium,
    protocols: values.protocols,
  });
  await writeState(context.db, { ...state, lastSampleTime: time, peakSharePrices: values.peakSharePrices });
});
