import { createHmac, timingSafeEqual } from 'node:crypto';

/** The headers a webhook delivery carries (docs/alerts-webhook.md). */
export const SIGNATURE_HEADER = 'X-Backstop-Signature';
export const TIMESTAMP_HEADER = 'X-Backstop-Timestamp';
export const EVENT_ID_HEADER = 'X-Backstop-Event-Id';

/** `sha256=` and the hex HMAC-SHA256, keyed with the shared secret, of `<timestamp>.<body>` (the exact bytes sent). */
export function signDelivery(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * What a receiver checks: the signature matches (in constant time) and the timestamp is within `toleranceSeconds` of
 * its clock, so a captured delivery cannot be replayed later.
 */
export function verifyDelivery(
  secret: string,
  headers: { timestamp: string | undefined; signature: string | undefined },
  body: string,
  nowSeconds: number,
  toleranceSeconds = 300,
): boolean {
  const timestamp = Number(headers.timestamp);
  if (!/^\d{1,12}$/.test(headers.timestamp ?? '') || Math.abs(nowSeconds - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(signDelivery(secret, timestamp, body));
  const given = Buffer.from(headers.signature ?? '');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
