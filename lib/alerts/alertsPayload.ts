import { ALERT_KINDS, type AccountAlert, type AlertKind } from './kinds';

/** What GET /api/alerts answers (docs/interfaces.md, "Account alerts"). */
export interface AlertsPayload {
  account: string;
  chainId: number;
  /** The chain's latest block time the alerts were derived at, unix seconds. */
  chainTime: number;
  blockNumber: string;
  /** Why losses and proposals may be missing (the indexer could not be read), or null. */
  incomplete: string | null;
  alerts: AccountAlert[];
}

const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/**
 * The route's answer checked by hand (the bell ships no schema library): null if anything is off. Paths must be
 * the app's own (one leading slash), so a link in the list cannot lead elsewhere.
 */
export function parseAlertsPayload(json: unknown): AlertsPayload | null {
  if (typeof json !== 'object' || json === null) return null;
  const p = json as Record<string, unknown>;
  if (!isText(p.account, 42) || !isTime(p.chainId) || !isTime(p.chainTime) || !isText(p.blockNumber, 80)) return null;
  if (p.incomplete !== null && !isText(p.incomplete, 2_000)) return null;
  if (!Array.isArray(p.alerts)) return null;
  const alerts: AccountAlert[] = [];
  for (const a of p.alerts as unknown[]) {
    if (typeof a !== 'object' || a === null) return null;
    const r = a as Record<string, unknown>;
    if (
      !isText(r.id, 200) ||
      !ALERT_KINDS.includes(r.kind as AlertKind) ||
      !isTime(r.time) ||
      !isText(r.title, 1_000) ||
      !isText(r.text, 4_000) ||
      !isText(r.path, 200) ||
      !/^\/(?![/\\])/.test(r.path)
    )
      return null;
    alerts.push({ id: r.id, kind: r.kind as AlertKind, time: r.time, title: r.title, text: r.text, path: r.path });
  }
  return {
    account: p.account,
    chainId: p.chainId,
    chainTime: p.chainTime,
    blockNumber: p.blockNumber,
    incomplete: p.incomplete,
    alerts,
  };
}
