import { createKernelScratch, simulateBlock, type KernelScratch, type KernelSetup } from './blockKernel';

/**
 * A run cut into blocks of BLOCK_SIZE scenarios, block b on the random stream (seed, b): the run depends only on the
 * seed and the scenario count, whichever thread simulates which block. Outputs are merged in block order, so a pool
 * of any size gives the single thread's numbers bit for bit (the per-market sums are added block by block in the
 * same order either way).
 */
export const BLOCK_SIZE = 4096;

export function blockCount(scenarios: number): number {
  return Math.ceil(scenarios / BLOCK_SIZE);
}

/** The scenarios [start, end) of block `block` in a run of `scenarios`. */
export function blockScenarios(block: number, scenarios: number): { start: number; end: number } {
  const start = block * BLOCK_SIZE;
  return { start, end: Math.min(scenarios, start + BLOCK_SIZE) };
}

/** What a range of blocks [firstBlock, endBlock) produced: shortfalls in scenario order, per-market sums per block. */
export interface BlockRun {
  firstBlock: number;
  endBlock: number;
  /** The shortfall of each scenario of the range, unsorted. */
  shortfalls: Float64Array;
  /** (endBlock − firstBlock) × markets: row k is block firstBlock + k's sum of each market's shortfall. */
  byMarket: Float64Array;
}

export function runBlocks(
  setup: KernelSetup,
  seed: number,
  scenarios: number,
  firstBlock: number,
  endBlock: number,
  scratch: KernelScratch = createKernelScratch(setup.markets.count),
): BlockRun {
  const m = setup.markets.count;
  const start = blockScenarios(firstBlock, scenarios).start;
  const end = blockScenarios(endBlock - 1, scenarios).end;
  const run: BlockRun = {
    firstBlock,
    endBlock,
    shortfalls: new Float64Array(end - start),
    byMarket: new Float64Array((endBlock - firstBlock) * m),
  };
  for (let b = firstBlock; b < endBlock; b++) {
    const range = blockScenarios(b, scenarios);
    simulateBlock(
      setup,
      seed,
      b,
      range.end - range.start,
      run.shortfalls,
      range.start - start,
      run.byMarket,
      (b - firstBlock) * m,
      scratch,
    );
  }
  return run;
}

/**
 * Splits the blocks of a run into `parts` contiguous ranges of near-equal size (the first ranges one block longer),
 * for a pool of workers; empty ranges are left out.
 */
export function splitBlocks(scenarios: number, parts: number): { firstBlock: number; endBlock: number }[] {
  const blocks = blockCount(scenarios);
  const ranges: { firstBlock: number; endBlock: number }[] = [];
  let first = 0;
  for (let p = 0; p < parts; p++) {
    const size = Math.floor(blocks / parts) + (p < blocks % parts ? 1 : 0);
    if (size > 0) ranges.push({ firstBlock: first, endBlock: first + size });
    first += size;
  }
  return ranges;
}

/**
 * Puts block runs covering a whole run back together in block order: every scenario's shortfall in place, and each
 * market's shortfall summed block after block from zero, as simulateShortfalls sums it.
 */
export function mergeBlockRuns(
  runs: readonly BlockRun[],
  scenarios: number,
  markets: number,
  into: { shortfalls: Float64Array; byMarket: Float64Array },
): void {
  const sorted = [...runs].sort((a, b) => a.firstBlock - b.firstBlock);
  const { shortfalls, byMarket } = into;
  for (let i = 0; i < markets; i++) byMarket[i] = 0;
  let next = 0;
  for (const run of sorted) {
    if (run.firstBlock !== next) throw new RangeError(`block runs leave a gap or overlap at block ${next}`);
    shortfalls.set(run.shortfalls, blockScenarios(run.firstBlock, scenarios).start);
    for (let k = 0; k < run.endBlock - run.firstBlock; k++) {
      for (let i = 0; i < markets; i++)
        byMarket[i] = (byMarket[i] as number) + (run.byMarket[k * markets + i] as number);
    }
    next = run.endBlock;
  }
  if (next !== blockCount(scenarios))
    throw new RangeError(`block runs end at block ${next} of ${blockCount(scenarios)}`);
}
