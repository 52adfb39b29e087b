import { loadCursor, saveCursor } from './cursor';
import { deliver, type RetryPolicy } from './deliver';
import { eventKey, fetchAccountEvents, fetchProtocolEvents, type WebhookEvent } from './events';

export interface SenderOptions {
  /** The running app, e.g. http://127.0.0.1:3000. */
  appUrl: string;
  webhook: string;
  secret: string;
  /** Also the account's own alerts (/api/alerts). */
  account: string | null;
  stateFile: string;
  retry: RetryPolicy;
  log: (line: string) => void;
}

export interface PassResult {
  delivered: number;
  /** Set when a delivery failed: the pass stopped there, the cursor not moved past it. */
  failed: string | null;
}

/** The events to consider, oldest first: the protocol's and, with an account, its own. */
async function currentEvents(options: SenderOptions): Promise<WebhookEvent[]> {
  const [protocol, mine] = await Promise.all([
    fetchProtocolEvents(options.appUrl),
    options.account ? fetchAccountEvents(options.appUrl, options.account) : Promise.resolve([]),
  ]);
  // A stable sort: each source's own order is kept among events of the same second.
  return [...protocol, ...mine].sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
}

/**
 * One pass: every event not in the state file is posted, oldest first, and recorded in the state file (atomically)
 * as soon as the receiver acknowledges it. The first event that cannot be delivered stops the pass, so nothing after
 * it is sent before it and nothing is skipped; the next pass starts from it again.
 */
export async function sendPass(options: SenderOptions): Promise<PassResult> {
  const cursor = await loadCursor(options.stateFile);
  const done = new Set(cursor.delivered);
  const events = await currentEvents(options);
  let delivered = 0;
  for (const event of events) {
    const key = eventKey(event);
    if (done.has(key)) continue;
    const result = await deliver(options.webhook, options.secret, key, JSON.stringify(event), options.retry);
    if (!result.ok) {
      return { delivered, failed: `${key} was not delivered after ${result.tries} tries (${result.reason})` };
    }
    cursor.delivered.push(key);
    done.add(key);
    await saveCursor(options.stateFile, cursor);
    delivered += 1;
    options.log(`→ ${key}${result.tries > 1 ? ` (after ${result.tries} tries)` : ''}`);
  }
  return { delivered, failed: null };
}
