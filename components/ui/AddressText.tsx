'use client';

import { useState } from 'react';
import { explorerAddressUrl } from '@/lib/tx/explorerLink';
import { usePublicConfig } from './PublicConfigProvider';

type CopyState = 'idle' | 'copied' | 'failed';

/**
 * An address as text, with a copy button and, when an explorer is configured, a link to its page there. Both
 * controls are icons with accessible names, so the element's text is the address alone.
 */
export function AddressText({
  address,
  className = '',
  testId,
}: {
  /** Checksummed by the caller where it matters (the chain's strings are not trusted to be). */
  address: string;
  className?: string;
  testId?: string;
}) {
  const { explorerUrl } = usePublicConfig();
  const [copy, setCopy] = useState<CopyState>('idle');
  const href = explorerAddressUrl(explorerUrl, address);

  const copyAddress = async () => {
    try {
      await navigator.clipboard.writeText(address);
      setCopy('copied');
    } catch {
      // A browser without clipboard permission (or an insecure origin): say so rather than pretend.
      setCopy('failed');
    }
    window.setTimeout(() => setCopy('idle'), 2_000);
  };

  return (
    <span className="inline-flex items-center gap-1 align-baseline">
      <span className={`font-mono break-all ${className}`} data-testid={testId}>
        {address}
      </span>
      <button
        type="button"
        onClick={copyAddress}
        className="-my-1 rounded p-[5px] text-slate-400 hover:text-slate-100 focus-visible:ring-1 focus-visible:ring-sky-400 focus-visible:outline-none"
        aria-label={copy === 'copied' ? `Copied ${address}` : `Copy address ${address}`}
        data-testid="copy-address"
        data-copy={copy}
      >
        {copy === 'copied' ? <CheckIcon /> : <CopyIcon />}
      </button>
      {href ? (
        <a
          href={href}
          target="_blank"
          rel="noopener noreferrer"
          className="-my-1 rounded p-[5px] text-slate-400 hover:text-slate-100 focus-visible:ring-1 focus-visible:ring-sky-400 focus-visible:outline-none"
          aria-label={`${address} on the block explorer (opens in a new tab)`}
          data-testid="address-explorer-link"
        >
          <ExternalIcon />
        </a>
      ) : null}
      <span className="sr-only" aria-live="polite">
        {copy === 'copied' ? 'Address copied.' : copy === 'failed' ? 'The browser did not allow copying.' : ''}
      </span>
    </span>
  );
}

const iconProps = {
  width: 14,
  height: 14,
  viewBox: '0 0 24 24',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 2,
  'aria-hidden': true,
} as const;

function CopyIcon() {
  return (
    <svg {...iconProps}>
      <rect x="9" y="9" width="12" height="12" rx="2" />
      <path d="M5 15V5a2 2 0 0 1 2-2h10" />
    </svg>
  );
}

function CheckIcon() {
  return (
    <svg {...iconProps}>
      <path d="M5 12l5 5L20 7" />
    </svg>
  );
}

function ExternalIcon() {
  return (
    <svg {...iconProps}>
      <path d="M14 4h6v6M20 4l-9 9M18 14v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h5" />
    </svg>
  );
}
