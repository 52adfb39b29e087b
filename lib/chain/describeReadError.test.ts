import { createPublicClient, custom, http, zeroAddress } from 'viem';
import { describe, expect, it } from 'vitest';
import { backstopLensAbi } from './abis.generated';
import { describeReadError } from './describeReadError';

const LENS = '0x5FbDB2315678afecb367f032d93F642f64180aa3';

async function failedRead(transport: Parameters<typeof createPublicClient>[0]['transport']) {
  const client = createPublicClient({ transport });
  try {
    await client.readContract({
      address: LENS,
      abi: backstopLensAbi,
      functionName: 'getDashboard',
      args: [zeroAddress],
    });
  } catch (error) {
    return error;
  }
  throw new Error('expected the read to fail');
}

describe('describeReadError', () => {
  it('says the node did not answer, naming the URL', async () => {
    const error = await failedRead(http('http://127.0.0.1:9/', { retryCount: 0 }));
    expect(describeReadError(error, LENS)).toBe(
      "The chain's RPC node at http://127.0.0.1:9/ did not answer. Is it running? The page retries on its own.",
    );
  });

  it('says when no contract answers at the lens address', async () => {
    const error = await failedRead(custom({ request: async () => '0x' }));
    expect(describeReadError(error, LENS)).toMatch(
      /^No BackstopLens contract answers at 0x5FbDB2315678afecb367f032d93F642f64180aa3/,
    );
  });

  it('passes plain errors through', () => {
    expect(describeReadError(new Error('boom'), LENS)).toBe('boom');
  });
});
