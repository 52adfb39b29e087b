/** What an account alert is about (docs/interfaces.md, "GET /api/alerts"). Apart, so the bell loads only this. */
export const ALERT_KINDS = [
  'window-open',
  'window-closing',
  'request-lapsed',
  'loss-hit-my-tranche',
  'proposal-voting',
  'proposal-queued',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** One reminder or alert for one account. */
export interface AccountAlert {
  /** Stable for the same fact: the bell's read state and the webhook sender's cursor key on it. */
  id: string;
  kind: AlertKind;
  /** Unix seconds (the chain's clock): when it happened or falls due. */
  time: number;
  title: string;
  text: string;
  /** A path on the app. */
  path: string;
}
