import { afterEach, describe, expect, it } from 'vitest';
import { Supervisor } from './processes';

const EVENTS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'uncaughtException', 'unhandledRejection'];
// The plain emitter's signature: process's own overloads take one event name at a time.
const emitter: NodeJS.EventEmitter = process;

describe('Supervisor', () => {
  const before = new Map(EVENTS.map((event) => [event, emitter.listeners(event)]));
  afterEach(() => {
    // Leave the test process as it was: drop whatever handlers the supervisor under test added.
    for (const event of EVENTS) {
      for (const listener of emitter.listeners(event)) {
        if (!before.get(event)!.includes(listener)) emitter.off(event, listener as () => void);
      }
    }
  });
  const added = (event: string) => emitter.listenerCount(event) - before.get(event)!.length;

  it('handles SIGINT, SIGTERM, SIGHUP and uncaught errors by default', () => {
    new Supervisor(() => {});
    expect(EVENTS.map(added)).toEqual([1, 1, 1, 1, 1]);
  });

  it('leaves SIGINT and uncaught errors to a host process that handles them itself', () => {
    new Supervisor(() => {}, { signals: ['SIGTERM', 'SIGHUP'], exitOnUncaughtError: false });
    expect(EVENTS.map(added)).toEqual([0, 1, 1, 0, 0]);
  });
});
