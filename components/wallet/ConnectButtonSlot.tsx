'use client';

import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useAccount } from 'wagmi';
import { useConnectUi, type ConnectButtonProps } from './ConnectUi';

/**
 * RainbowKit's button in a slot that holds its room (40 px high, as wide as "Connect Wallet") from the first paint.
 * Until RainbowKit has loaded (ConnectUi.tsx), a button of ours stands in: a click on it loads RainbowKit and opens
 * the connect modal, and focus moves to RainbowKit's button when it takes over, so keyboard users lose nothing.
 */
export function ConnectButtonSlot(props: ConnectButtonProps) {
  const id = useId();
  const ui = useConnectUi();
  const { register, ready } = ui;
  const [element, setElement] = useState<HTMLElement | null>(null);
  const placeholderFocused = useRef(false);
  // A press in progress keeps the stand-in: swapping the button between pointerdown and pointerup (RainbowKit
  // arriving right then) would lose the click, since neither button would get both halves of it.
  const [pressed, setPressed] = useState(false);
  const swapped = ready && !pressed;
  const key = JSON.stringify(props);
  const stableProps = useMemo(() => JSON.parse(key) as ConnectButtonProps, [key]);

  useEffect(
    () => (element ? register({ id, element, props: stableProps }) : undefined),
    [register, id, element, stableProps],
  );

  useLayoutEffect(() => {
    if (!swapped || !placeholderFocused.current) return;
    placeholderFocused.current = false;
    element?.querySelector('button')?.focus();
  }, [swapped, element]);

  useEffect(() => {
    if (!pressed) return;
    // After the click that the release dispatches, in the same task, has reached the stand-in.
    const release = () => window.setTimeout(() => setPressed(false), 0);
    window.addEventListener('pointerup', release);
    window.addEventListener('pointercancel', release);
    return () => {
      window.removeEventListener('pointerup', release);
      window.removeEventListener('pointercancel', release);
    };
  }, [pressed]);

  return (
    <div className="min-h-10 min-w-36">
      {/* data-rk: RainbowKit scopes its styles and theme variables to [data-rk]; its button is portalled here, outside
          the provider's own element, and would otherwise draw unstyled. The attribute sits on an inner element: the
          header's [data-rk] rule (display: contents, globals.css) would otherwise override `hidden` and show
          RainbowKit's button beside the stand-in, moving the stand-in under a click in progress. */}
      <div className={swapped ? 'contents' : 'hidden'}>
        <div ref={setElement} data-rk="" className="contents" />
      </div>
      {swapped ? null : (
        <PendingConnectButton
          pending={ui.pending}
          onPointerDown={() => setPressed(true)}
          onClick={ui.openConnectModal}
          onPointerEnter={ui.prefetch}
          onFocus={() => {
            placeholderFocused.current = true;
            ui.prefetch();
          }}
          onBlur={() => {
            placeholderFocused.current = false;
          }}
        />
      )}
    </div>
  );
}

/**
 * Stands in for RainbowKit's button. A returning wallet's address shows from the first paint (wagmi knows it from
 * its state cookie), so the header never says "Connect Wallet" to someone who is connected.
 */
function PendingConnectButton({
  pending,
  ...handlers
}: {
  pending: boolean;
  onPointerDown: () => void;
  onClick: () => void;
  onPointerEnter: () => void;
  onFocus: () => void;
  onBlur: () => void;
}) {
  const { address } = useAccount();
  return (
    <button
      type="button"
      aria-busy={pending || undefined}
      className={`h-10 min-w-36 rounded-xl bg-amber-500 px-3.5 font-semibold text-ink ${pending ? 'animate-pulse cursor-progress' : ''}`}
      data-testid="wallet-button-loading"
      {...handlers}
    >
      {address ? `${address.slice(0, 6)}…${address.slice(-4)}` : 'Connect Wallet'}
    </button>
  );
}
