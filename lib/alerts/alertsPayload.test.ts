import { describe, expect, it } from 'vitest';
import { parseAlertsPayload } from './alertsPayload';

const alert = {
  id: 'window-open-1-100',
  kind: 'window-open',
  time: 100,
  title: 'Mezzanine: your cooldown ended',
  text: 'You can withdraw…',
  path: '/tranches/mezzanine',
};
const payload = {
  account: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
  chainId: 31337,
  chainTime: 200,
  blockNumber: '42',
  incomplete: null,
  alerts: [alert],
};

describe('parseAlertsPayload', () => {
  it('accepts the route’s answer as it is', () => {
    expect(parseAlertsPayload(JSON.parse(JSON.stringify(payload)))).toEqual(payload);
  });

  it('refuses anything off: unknown kinds, links off the app, missing fields', () => {
    const withAlert = (over: object) => ({ ...payload, alerts: [{ ...alert, ...over }] });
    expect(parseAlertsPayload(withAlert({ kind: 'party' }))).toBeNull();
    expect(parseAlertsPayload(withAlert({ path: 'https://evil.example/' }))).toBeNull();
    expect(parseAlertsPayload(withAlert({ path: '//evil.example/' }))).toBeNull();
    expect(parseAlertsPayload(withAlert({ path: '/\\evil.example/' }))).toBeNull();
    expect(parseAlertsPayload(withAlert({ time: -1 }))).toBeNull();
    expect(parseAlertsPayload({ ...payload, alerts: 'none' })).toBeNull();
    expect(parseAlertsPayload({ error: 'nope' })).toBeNull();
    expect(parseAlertsPayload(null)).toBeNull();
  });
});
