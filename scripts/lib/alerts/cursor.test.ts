import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCursor, MAX_CURSOR_KEYS, saveCursor } from './cursor';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'backstop-cursor-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('sender cursor', () => {
  it('starts empty, and reads back what was saved, leaving no temporary file behind', async () => {
    const file = path.join(dir, 'nested', 'state.json');
    expect(await loadCursor(file)).toEqual({ delivered: [] });
    await saveCursor(file, { delivered: ['protocol:loss-1', 'account:0xab:window-open-1-5'] });
    expect(await loadCursor(file)).toEqual({ delivered: ['protocol:loss-1', 'account:0xab:window-open-1-5'] });
    await saveCursor(file, { delivered: ['protocol:loss-1', 'account:0xab:window-open-1-5', 'protocol:loss-2'] });
    expect((await loadCursor(file)).delivered).toHaveLength(3);
    expect(await readdir(path.dirname(file))).toEqual(['state.json']);
    expect(JSON.parse(await readFile(file, 'utf8')).version).toBe(1);
  });

  it('keeps the newest keys when there are too many', async () => {
    const file = path.join(dir, 'state.json');
    const keys = Array.from({ length: MAX_CURSOR_KEYS + 5 }, (_, i) => `protocol:e-${i}`);
    await saveCursor(file, { delivered: keys });
    const { delivered } = await loadCursor(file);
    expect(delivered).toHaveLength(MAX_CURSOR_KEYS);
    expect(delivered[0]).toBe('protocol:e-5');
  });

  it('refuses a state file it does not understand rather than sending everything again', async () => {
    const file = path.join(dir, 'state.json');
    await writeFile(file, 'not json');
    await expect(loadCursor(file)).rejects.toThrow(/not the sender's state/);
    await writeFile(file, JSON.stringify({ version: 2, delivered: [] }));
    await expect(loadCursor(file)).rejects.toThrow(/version 1/);
    await writeFile(file, JSON.stringify({ version: 1, delivered: [1] }));
    await expect(loadCursor(file)).rejects.toThrow(/version 1/);
  });
});
