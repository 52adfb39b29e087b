'use client';

import { useState } from 'react';
import { getAddress, isAddress, type Address } from 'viem';
import { TxButton } from '@/components/tx/TxButton';
import { useTransactionFlow } from '@/components/tx/useTransactionFlow';
import { usePublicConfig } from '@/components/ui/PublicConfigProvider';
import { backstopTokenAbi } from '@/lib/chain/abis.generated';
import type { ErrorContext } from '@/lib/tx/errorMessages';
import { GOVERNANCE_QUERY_KEYS } from './useGovernanceSession';

/** Delegate your votes to yourself (to vote) or to another address; the address is checked and shown checksummed. */
export function DelegateForm({ account, errorContext }: { account: Address; errorContext: ErrorContext }) {
  const config = usePublicConfig();
  const [mode, setMode] = useState<'self' | 'other'>('self');
  const [text, setText] = useState('');
  const [touched, setTouched] = useState(false);
  const trimmed = text.trim();
  const valid = isAddress(trimmed, { strict: false });
  const delegatee = mode === 'self' ? account : valid ? getAddress(trimmed) : null;
  const error =
    mode === 'other' && !valid
      ? trimmed === ''
        ? 'Enter the address to delegate to.'
        : 'Not an address: expected 0x followed by 40 hex digits.'
      : null;

  const flow = useTransactionFlow({
    request: delegatee
      ? {
          address: config.contracts.governanceToken,
          abi: backstopTokenAbi,
          functionName: 'delegate',
          args: [delegatee],
          account,
        }
      : undefined,
    description: 'Delegate votes',
    invalidate: GOVERNANCE_QUERY_KEYS,
    errorContext,
  });

  return (
    <div className="space-y-3" data-testid="delegate-form">
      <div className="flex gap-4 text-sm text-slate-300">
        <label className="flex items-center gap-2">
          <input
            type="radio"
            name="delegate-mode"
            checked={mode === 'self'}
            onChange={() => {
              setMode('self');
              flow.reset();
            }}
            data-testid="delegate-self"
          />
          To myself
        </label>
        <label className="flex items-center gap-2">
          <input
            type="radio"
            name="delegate-mode"
            checked={mode === 'other'}
            onChange={() => {
              setMode('other');
              flow.reset();
            }}
            data-testid="delegate-other"
          />
          To another address
        </label>
      </div>
      {mode === 'other' ? (
        <div className="space-y-1">
          <label htmlFor="delegate-address" className="block text-sm text-slate-300">
            Delegate address
          </label>
          <input
            id="delegate-address"
            data-testid="delegate-address"
            className="w-full rounded-lg border border-slate-700 bg-slate-950 px-3 py-2 font-mono text-sm text-slate-100"
            value={text}
            spellCheck={false}
            autoComplete="off"
            placeholder="0x…"
            onChange={(e) => {
              setText(e.target.value);
              flow.reset();
            }}
            aria-invalid={touched && error !== null}
          />
          {valid ? (
            <p className="text-xs text-slate-400" data-testid="delegate-checksum">
              Checksummed: <span className="font-mono">{getAddress(trimmed)}</span>
            </p>
          ) : touched && error ? (
            <p role="alert" className="text-sm text-rose-300" data-testid="delegate-address-error">
              {error}
            </p>
          ) : null}
        </div>
      ) : null}
      <TxButton
        flow={flow}
        testId="delegate-submit"
        label="Delegate"
        blocked={delegatee === null}
        onSend={() => {
          setTouched(true);
          if (delegatee) void flow.send();
        }}
      />
    </div>
  );
}
