import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signDelivery, verifyDelivery } from './signature';

const SECRET = 'a-test-secret-of-some-length';
const BODY = '{"id":"loss-7","title":"Loss #7"}';

describe('webhook signature', () => {
  it('is the documented recipe: hex HMAC-SHA256 of "<timestamp>.<body>", prefixed sha256=', () => {
    const independent = createHmac('sha256', SECRET).update(`1700000000.${BODY}`, 'utf8').digest('hex');
    expect(signDelivery(SECRET, 1_700_000_000, BODY)).toBe(`sha256=${independent}`);
  });

  it('verifies a genuine delivery and refuses a changed body, another secret, an old timestamp', () => {
    const signature = signDelivery(SECRET, 1_700_000_000, BODY);
    const headers = { timestamp: '1700000000', signature };
    expect(verifyDelivery(SECRET, headers, BODY, 1_700_000_100)).toBe(true);
    expect(verifyDelivery(SECRET, headers, BODY.replace('7', '8'), 1_700_000_100)).toBe(false);
    expect(verifyDelivery('another-secret-entirely', headers, BODY, 1_700_000_100)).toBe(false);
    expect(verifyDelivery(SECRET, headers, BODY, 1_700_000_301)).toBe(false);
    expect(verifyDelivery(SECRET, { timestamp: '1700000001', signature }, BODY, 1_700_000_100)).toBe(false);
    expect(verifyDelivery(SECRET, { timestamp: undefined, signature }, BODY, 1_700_000_100)).toBe(false);
    expect(verifyDelivery(SECRET, { timestamp: '1700000000', signature: undefined }, BODY, 1_700_000_100)).toBe(false);
  });
});
