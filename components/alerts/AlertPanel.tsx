'use client';

import { ChainLink } from '@/components/chains/ChainLink';
import { useEffect, useRef } from 'react';
import type { AlertsPayload } from '@/lib/alerts/alertsPayload';
import { LocalTime } from '@/components/ui/LocalTime';

/** The bell's list: each alert with its time on the chain's clock, a link to where to act, and "Mark read". */
export default function AlertPanel({
  account,
  payload,
  error,
  loading,
  read,
  onMarkRead,
  onClose,
}: {
  account: string | null;
  payload: AlertsPayload | null;
  error: string | null;
  loading: boolean;
  read: readonly string[];
  onMarkRead: (ids: readonly string[]) => void;
  onClose: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const alerts = payload?.alerts ?? [];
  const unread = alerts.filter((a) => !read.includes(a.id));

  return (
    <section aria-labelledby="alert-panel-heading" className="p-4 text-sm">
      <div className="flex items-center justify-between gap-2">
        <h2
          id="alert-panel-heading"
          ref={heading}
          tabIndex={-1}
          className="font-semibold text-slate-100 focus:outline-none"
        >
          Alerts
        </h2>
        {unread.length > 0 ? (
          <button
            type="button"
            onClick={() => onMarkRead(unread.map((a) => a.id))}
            className="rounded-md px-2 py-1 text-amber-300 underline hover:text-amber-200 focus-visible:outline-2 focus-visible:outline-amber-400"
            data-testid="alert-mark-all-read"
          >
            Mark all read
          </button>
        ) : null}
      </div>
      {!account ? (
        <p className="mt-2 text-slate-400">
          Connect a wallet to be reminded here when your cooldown ends, your window is about to close or lapses, a loss
          hits a tranche you hold, or a proposal on it is voting or queued.
        </p>
      ) : loading ? (
        <p className="mt-2 text-slate-400">Loading alerts…</p>
      ) : error && !payload ? (
        <p className="mt-2 text-amber-200" role="alert">
          {error}
        </p>
      ) : alerts.length === 0 ? (
        <p className="mt-2 text-slate-400" data-testid="alert-empty">
          Nothing yet. Reminders show here when your cooldown ends, your window has less than 24 hours left or lapses, a
          loss hits a tranche you hold, or a proposal on it is voting or queued.
        </p>
      ) : (
        <ul className="mt-2 max-h-96 space-y-2 overflow-y-auto" data-testid="alert-list">
          {alerts.map((alert) => {
            const isRead = read.includes(alert.id);
            return (
              <li
                key={alert.id}
                className={`rounded-lg border p-2 ${isRead ? 'border-slate-800 text-slate-400' : 'border-amber-500/40 text-slate-200'}`}
                data-testid="alert-item"
                data-alert-id={alert.id}
                data-kind={alert.kind}
                data-read={isRead}
              >
                <ChainLink
                  href={alert.path}
                  onClick={onClose}
                  className="font-medium text-slate-50 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-amber-400"
                >
                  {isRead ? null : <span className="sr-only">Unread: </span>}
                  {alert.title}
                </ChainLink>
                <p className="mt-1">{alert.text}</p>
                <div className="mt-1 flex items-center justify-between gap-2 text-xs text-slate-400">
                  <LocalTime unix={alert.time} />
                  {isRead ? null : (
                    <button
                      type="button"
                      onClick={() => onMarkRead([alert.id])}
                      className="rounded-md px-2 py-1 text-amber-300 underline hover:text-amber-200 focus-visible:outline-2 focus-visible:outline-amber-400"
                      data-testid="alert-mark-read"
                    >
                      Mark read<span className="sr-only">: {alert.title}</span>
                    </button>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {payload ? (
        <p className="mt-3 text-xs text-slate-400" data-testid="alert-freshness">
          As of block {payload.blockNumber} (<LocalTime unix={payload.chainTime} />, chain time); checked every 10 s.
          {payload.incomplete ? ` Losses and proposals may be missing: ${payload.incomplete}` : null}
          {error ? ` The last check failed: ${error}` : null}
        </p>
      ) : null}
    </section>
  );
}
