import { describe, expect, it } from 'vitest';
import { incrementalHistory } from './incrementalHistory';

interface Row {
  timestamp: number;
  value: string;
}

/** A stand-in indexer answering `timestamp ≥ from`, as /api/samples does, and recording what it was asked. */
function fakeIndexer(rows: Row[]) {
  const asked: number[] = [];
  return {
    rows,
    asked,
    readFrom: async (from: number) => {
      asked.push(from);
      return rows.filter((row) => row.timestamp >= from);
    },
  };
}

const row = (timestamp: number, value = `v${timestamp}`): Row => ({ timestamp, value });

describe('incrementalHistory', () => {
  it('reads everything once, then only from the overlap before its newest row, and appends what is new', async () => {
    const indexer = fakeIndexer([row(100), row(5_000), row(9_000)]);
    const read = incrementalHistory(indexer.readFrom, {
      overlapSeconds: 3_600,
      fullReadEveryMs: 300_000,
      now: () => 0,
    });
    expect(await read()).toEqual([row(100), row(5_000), row(9_000)]);
    indexer.rows.push(row(9_500), row(12_000));
    expect(await read()).toEqual([row(100), row(5_000), row(9_000), row(9_500), row(12_000)]);
    expect(indexer.asked).toEqual([0, 9_000 - 3_600]);
  });

  it('replaces the rows of the overlap the indexer rewrote (a reorg), without holding any twice', async () => {
    const indexer = fakeIndexer([row(100), row(5_000), row(9_000)]);
    const read = incrementalHistory(indexer.readFrom, {
      overlapSeconds: 3_600,
      fullReadEveryMs: 300_000,
      now: () => 0,
    });
    await read();
    indexer.rows.splice(2, 1, row(8_000, 'new branch'), row(8_500, 'new branch'));
    expect(await read()).toEqual([row(100), row(5_000), row(8_000, 'new branch'), row(8_500, 'new branch')]);
  });

  it('reads the whole history again once the full read is older than its period', async () => {
    let clock = 0;
    const indexer = fakeIndexer([row(100), row(9_000)]);
    const read = incrementalHistory(indexer.readFrom, { overlapSeconds: 60, fullReadEveryMs: 1_000, now: () => clock });
    await read();
    clock = 999;
    await read();
    indexer.rows.splice(0, 1); // something the overlap cannot see: gone only from a full read
    clock = 1_000;
    expect(await read()).toEqual([row(9_000)]);
    expect(indexer.asked).toEqual([0, 9_000 - 60, 0]);
  });

  it('keeps reading from zero while the history is empty', async () => {
    const indexer = fakeIndexer([]);
    const read = incrementalHistory(indexer.readFrom, { overlapSeconds: 60, fullReadEveryMs: 300_000, now: () => 0 });
    expect(await read()).toEqual([]);
    indexer.rows.push(row(50));
    expect(await read()).toEqual([row(50)]);
    expect(indexer.asked).toEqual([0, 0]);
  });

  it('keeps what it holds when a read fails, and hands out a new array instead of changing one it gave before', async () => {
    const indexer = fakeIndexer([row(100), row(9_000)]);
    let fail = false;
    const read = incrementalHistory(
      async (from) => (fail ? Promise.reject(new Error('down')) : indexer.readFrom(from)),
      {
        overlapSeconds: 60,
        fullReadEveryMs: 300_000,
        now: () => 0,
      },
    );
    const first = await read();
    fail = true;
    await expect(read()).rejects.toThrow('down');
    fail = false;
    indexer.rows.push(row(9_100));
    const second = await read();
    expect(second).toEqual([row(100), row(9_000), row(9_100)]);
    expect(first).toEqual([row(100), row(9_000)]);
    expect(indexer.asked).toEqual([0, 9_000 - 60]); // the failed read never reached it
  });
});
