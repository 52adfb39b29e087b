import { EVENT_ID_HEADER, SIGNATURE_HEADER, signDelivery, TIMESTAMP_HEADER } from './signature';

export interface RetryPolicy {
  /** Tries per event, the first included. */
  attempts: number;
  /** Wait before the second try; doubled before each next one. */
  baseDelayMs: number;
}

export type DeliveryResult = { ok: true; tries: number } | { ok: false; tries: number; reason: string };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * POSTs one event's JSON to the webhook, signed afresh on each try (a new timestamp). A network error, a timeout,
 * 429 or a 5xx is tried again after an exponential backoff, at most `attempts` times; any other non-2xx answer is
 * final (the receiver refuses it, and would again).
 */
export async function deliver(
  webhook: string,
  secret: string,
  eventKey: string,
  body: string,
  policy: RetryPolicy,
): Promise<DeliveryResult> {
  let reason = '';
  for (let tries = 1; tries <= policy.attempts; tries += 1) {
    if (tries > 1) await sleep(policy.baseDelayMs * 2 ** (tries - 2));
    const timestamp = Math.floor(Date.now() / 1000);
    try {
      const response = await fetch(webhook, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': 'backstop-alerts/1',
          [TIMESTAMP_HEADER]: String(timestamp),
          [SIGNATURE_HEADER]: signDelivery(secret, timestamp, body),
          [EVENT_ID_HEADER]: eventKey,
        },
        body,
        signal: AbortSignal.timeout(10_000),
      });
      await response.body?.cancel();
      if (response.ok) return { ok: true, tries };
      reason = `the webhook answered ${response.status}`;
      if (response.status !== 429 && response.status < 500) return { ok: false, tries, reason };
    } catch (error) {
      reason = `the webhook did not answer: ${(error as Error).message}`;
    }
  }
  return { ok: false, tries: policy.attempts, reason };
}
