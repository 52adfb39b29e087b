'use client';

import dynamic from 'next/dynamic';
import { useEffect, useId, useRef, useState } from 'react';
import { useAccount } from 'wagmi';
import { unreadCount } from '@/lib/alerts/readState';
import { usePublicConfig } from '@/components/ui/PublicConfigProvider';
import { useAccountAlerts } from './useAccountAlerts';
import { useReadAlerts } from './useReadAlerts';

// The list loads on first open: the header carries only the button and its count.
const AlertPanel = dynamic(() => import('./AlertPanel'), {
  ssr: false,
  loading: () => <p className="p-4 text-sm text-slate-400">Loading alerts…</p>,
});

/**
 * The header's bell: the connected account's reminders and alerts (GET /api/alerts), with how many are unread. Its
 * box is fixed, so the count appearing moves nothing. Escape or a click outside closes the list, focus returns here.
 */
export function AlertBell() {
  const config = usePublicConfig();
  const { address } = useAccount();
  const alerts = useAccountAlerts(config.chainId, address);
  const { read, markRead } = useReadAlerts(config.chainId, address);
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const root = useRef<HTMLDivElement>(null);
  const panelId = useId();

  const list = address ? (alerts.data?.alerts ?? []) : [];
  const unread = unreadCount(list, read);
  const label = !address ? 'Alerts (connect a wallet)' : `Alerts, ${unread === 0 ? 'none' : unread} unread`;

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  return (
    <div
      ref={root}
      className="relative h-10 w-10"
      data-testid="alert-bell"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          close();
        }
      }}
    >
      <button
        ref={button}
        type="button"
        aria-label={label}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen((o) => !o)}
        className="flex h-10 w-10 items-center justify-center rounded-xl border border-slate-700 text-slate-300 hover:text-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-400"
        data-testid="alert-bell-button"
        data-unread={address && alerts.data ? unread : undefined}
      >
        <svg
          aria-hidden="true"
          viewBox="0 0 24 24"
          className="h-5 w-5"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
        >
          <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
        {unread > 0 ? (
          <span
            aria-hidden="true"
            className="figure absolute -top-1 -right-1 min-w-5 rounded-full bg-amber-500 px-1 text-center text-xs leading-5 font-semibold text-ink"
            data-testid="alert-bell-count"
          >
            {unread > 99 ? '99+' : unread}
          </span>
        ) : null}
      </button>
      {open ? (
        <div
          id={panelId}
          className="absolute top-12 right-0 z-40 w-[min(24rem,calc(100vw-2rem))] rounded-xl border border-slate-700 bg-slate-950 shadow-xl"
          data-testid="alert-panel"
        >
          <AlertPanel
            account={address ?? null}
            payload={alerts.data ?? null}
            error={alerts.error ? alerts.error.message : null}
            loading={alerts.isPending && Boolean(address)}
            read={read}
            onMarkRead={markRead}
            onClose={close}
          />
        </div>
      ) : null}
    </div>
  );
}
