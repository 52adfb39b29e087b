import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/** Delivered event keys kept at most; the app's feed lists its newest 100 entries, so old keys never come back. */
export const MAX_CURSOR_KEYS = 10_000;

/** What the sender has delivered: the keys of the events a receiver acknowledged, oldest first. */
export interface Cursor {
  delivered: string[];
}

/**
 * The state file, or an empty cursor if there is none yet. A file that is there but unreadable stops the sender:
 * starting over would send every event again.
 */
export async function loadCursor(file: string): Promise<Cursor> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { delivered: [] };
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(
      `${file} is not the sender's state (not JSON). Move it away to start over (everything is sent again).`,
    );
  }
  const delivered = (parsed as { version?: unknown; delivered?: unknown }).delivered;
  if (
    (parsed as { version?: unknown }).version !== 1 ||
    !Array.isArray(delivered) ||
    !delivered.every((k) => typeof k === 'string')
  ) {
    throw new Error(`${file} is not the sender's state (version 1 with a list of delivered keys).`);
  }
  return { delivered: delivered as string[] };
}

/**
 * Writes the cursor atomically: a temporary file beside it, flushed to disk, then renamed over it. A crash leaves
 * either the old state or the new one, never half of one.
 */
export async function saveCursor(file: string, cursor: Cursor): Promise<void> {
  const dir = path.dirname(file);
  await mkdir(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const body = `${JSON.stringify({ version: 1, delivered: cursor.delivered.slice(-MAX_CURSOR_KEYS) }, null, 1)}\n`;
  const handle = await open(temp, 'w', 0o600);
  try {
    await handle.writeFile(body, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
