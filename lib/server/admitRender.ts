import { after, connection } from 'next/server';
import { processWide } from './processWide';
import { RenderSlots } from './renderSlots';

/** Renders at once: the server has one JavaScript thread, so a few keep it busy while reads are awaited. */
const CONCURRENT_RENDERS = 4;
/** Longest a slot is held once the render has started (a slow client reading the response, a stuck read). */
const MAX_HOLD_MS = 5_000;

// One queue per process: route bundles can each load this module, and every render shares the same thread.
const slots = processWide('renderSlots', () => new RenderSlots(CONCURRENT_RENDERS, MAX_HOLD_MS));

/**
 * The root layout's first step: marks the render dynamic (it reads live chain data) and waits for its turn among
 * the document renders in flight, in arrival order. The slot is returned once the response has been sent.
 */
export async function admitRender(): Promise<void> {
  await connection();
  const release = await slots.acquire();
  after(release);
}
