import { connection } from 'next/server';
import { processWide } from './processWide';
import { TurnGate } from './turnGate';

/**
 * API responses served per turn of the event loop. Each costs about 1–1.5 ms of Next's routing and streaming on
 * this machine's class of CPU, so a turn stays near 10 ms and about a hundred waiting connections are accepted per
 * second under any load.
 */
const API_REQUESTS_PER_TURN = 8;

// One gate per process: each route bundle may load this module, and all of them share the one thread.
const gate = processWide('apiTurnGate', () => new TurnGate(API_REQUESTS_PER_TURN));

/** An API route's first step: marks it dynamic and waits for its turn (lib/server/turnGate.ts says why). */
export async function admitApiRequest(): Promise<void> {
  await connection();
  await gate.admit();
}
