'use client';

import type { ConnectButton } from '@rainbow-me/rainbowkit';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ComponentProps,
  type ReactNode,
} from 'react';
import { useLoaded } from '@/components/ui/useLoaded';
import { loadOnce } from '@/lib/loadOnce';

export type ConnectButtonProps = ComponentProps<typeof ConnectButton>;

/** Where RainbowKit's button is to appear: a slot's element and the button's props. */
export interface ButtonSlot {
  id: string;
  element: HTMLElement;
  props: ConnectButtonProps;
}

interface ConnectUi {
  /** RainbowKit is loaded and draws the buttons: the slots' placeholders give way. */
  ready: boolean;
  /** The visitor asked for the connect modal and RainbowKit is still loading. */
  pending: boolean;
  /** Opens RainbowKit's connect modal, loading RainbowKit first if it is not yet. */
  openConnectModal: () => void;
  /** Starts loading RainbowKit, e.g. when the pointer nears a connect button. */
  prefetch: () => void;
  register: (slot: ButtonSlot) => () => void;
}

const ConnectUiContext = createContext<ConnectUi | null>(null);

export function useConnectUi(): ConnectUi {
  const ui = useContext(ConnectUiContext);
  if (!ui) throw new Error('useConnectUi needs a ConnectUiProvider (WalletProviders) above it');
  return ui;
}

const loadRainbowKitHost = loadOnce(() => import('./RainbowKitHost'));

/** How long after the page's load event RainbowKit loads anyway, when the main thread has been busy since. */
const IDLE_TIMEOUT_MS = 3_000;

/**
 * RainbowKit (its modal, button and CSS: the largest part of the wallet code) loads after the first paint, when the
 * browser is idle, or at once when the visitor reaches for a connect button. wagmi stays outside, at the root of the
 * wallet pages: reads, the account and a returning wallet's reconnection need no RainbowKit. RainbowKit's buttons
 * are portalled into the slots that ConnectButtonSlot renders, so loading it re-renders nothing of the page.
 */
export function ConnectUiProvider({ children }: { children: ReactNode }) {
  const [ready, setReady] = useState(false);
  const [requested, setRequested] = useState(false);
  const [openRequests, setOpenRequests] = useState(0);
  const [slots, setSlots] = useState<ButtonSlot[]>([]);

  const Host = useLoaded(loadRainbowKitHost, requested)?.default;

  useEffect(() => whenIdleAfterLoad(() => setRequested(true)), []);

  const prefetch = useCallback(() => setRequested(true), []);
  const openConnectModal = useCallback(() => {
    setRequested(true);
    setOpenRequests((n) => n + 1);
  }, []);
  const register = useCallback((slot: ButtonSlot) => {
    setSlots((current) => [...current, slot]);
    return () => setSlots((current) => current.filter((s) => s !== slot));
  }, []);
  const onReady = useCallback(() => setReady(true), []);

  const value = useMemo(
    () => ({ ready, pending: !ready && openRequests > 0, openConnectModal, prefetch, register }),
    [ready, openRequests, openConnectModal, prefetch, register],
  );

  return (
    <ConnectUiContext.Provider value={value}>
      {children}
      {Host ? <Host slots={slots} openRequests={openRequests} onReady={onReady} /> : null}
    </ConnectUiContext.Provider>
  );
}

/** Runs `task` once the page has loaded and the main thread is idle; returns the cancel. */
function whenIdleAfterLoad(task: () => void): () => void {
  let cancel = () => {};
  const schedule = () => {
    if (typeof window.requestIdleCallback === 'function') {
      const handle = window.requestIdleCallback(task, { timeout: IDLE_TIMEOUT_MS });
      cancel = () => window.cancelIdleCallback(handle);
    } else {
      const handle = window.setTimeout(task, 1);
      cancel = () => window.clearTimeout(handle);
    }
  };
  if (document.readyState === 'complete') {
    schedule();
  } else {
    window.addEventListener('load', schedule, { once: true });
    cancel = () => window.removeEventListener('load', schedule);
  }
  return () => cancel();
}
