'use client';

import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useChainPath } from '@/components/chains/useChainPath';
import { usePublicConfig } from '@/components/ui/PublicConfigProvider';
import type { TrancheQuote } from '@/lib/risk';
import { shareOfTranche } from '@/lib/risk/positionRisk';
import { parsePositionPayload } from '@/lib/tranches/positionPayload';
import { PositionRiskTable } from './PositionRiskTable';

/** Kept in this browser only, so a returning reader sees their position without typing it again. */
const STORAGE_KEY = 'backstop.stress-account';
const ADDRESS = /^0x[0-9a-fA-F]{40}$/;

function savedAccount(): string | null {
  const saved = window.localStorage.getItem(STORAGE_KEY);
  return saved && ADDRESS.test(saved) ? saved : null;
}

/**
 * The stress panel's "what does this cost me": an address (no wallet on this public page), its shares read by the
 * server's /api/position, and each held tranche's loss under the selected scenario beside the tranche's.
 */
export function StressPosition({
  quotes,
  scenario,
  symbol,
}: {
  quotes: readonly Pick<TrancheQuote, 'id' | 'name' | 'expectedLoss' | 'tails'>[] | null;
  /** The selected scenario in words, for the tables' captions. */
  scenario: string;
  symbol: string;
}) {
  // The panel renders in the browser only (LazyStressPanel), so storage can be read while rendering.
  const [account, setAccount] = useState<string | null>(savedAccount);
  const [draft, setDraft] = useState(() => savedAccount() ?? '');
  const [problem, setProblem] = useState<string | null>(null);

  const { chainId } = usePublicConfig();
  const onChain = useChainPath();
  const position = useQuery({
    queryKey: ['position', chainId, account],
    enabled: account !== null,
    queryFn: async () => {
      const response = await fetch(onChain(`/api/position?account=${account}`), { cache: 'no-store' });
      const body: unknown = await response.json().catch(() => null);
      if (!response.ok) {
        const reason = (body as { error?: unknown } | null)?.error;
        throw new Error(typeof reason === 'string' ? reason : `the server answered ${response.status}`);
      }
      return parsePositionPayload(body);
    },
    refetchInterval: 15_000,
    retry: false,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = draft.trim();
    if (value === '') {
      setAccount(null);
      setProblem(null);
      window.localStorage.removeItem(STORAGE_KEY);
      return;
    }
    if (!ADDRESS.test(value)) {
      setProblem('An address is 0x followed by 40 hexadecimal characters.');
      return;
    }
    setProblem(null);
    setAccount(value);
    window.localStorage.setItem(STORAGE_KEY, value);
  };

  const held = position.data?.tranches.filter((t) => t.shares > 0n) ?? [];
  return (
    <section aria-labelledby="stress-position-title" data-testid="stress-position">
      <h3 id="stress-position-title" className="mb-1 text-sm text-slate-300">
        What this scenario costs a position
      </h3>
      <form className="flex flex-wrap items-end gap-2" onSubmit={submit} noValidate>
        <label className="flex w-full flex-col text-xs text-slate-400 sm:w-auto">
          Depositor address (read from the chain; no wallet needed)
          <input
            className="mt-1 w-full rounded sm:w-[26rem] border border-slate-700 bg-slate-950 px-2 py-1 font-mono text-sm text-slate-100"
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            placeholder="0x…"
            spellCheck={false}
            autoComplete="off"
            aria-invalid={problem !== null}
            aria-describedby={problem ? 'stress-position-problem' : undefined}
            data-testid="stress-position-account"
          />
        </label>
        <button
          type="submit"
          className="rounded border border-slate-600 px-3 py-1 text-sm text-slate-100 hover:bg-slate-800"
          data-testid="stress-position-show"
        >
          Show
        </button>
      </form>
      {problem ? (
        <p
          id="stress-position-problem"
          role="alert"
          className="mt-1 text-xs text-rose-300"
          data-testid="stress-position-problem"
        >
          {problem}
        </p>
      ) : null}
      <div className="mt-2 space-y-3" aria-live="polite">
        {account === null ? null : position.error ? (
          <p className="text-xs text-amber-300" data-testid="stress-position-error">
            The position could not be read: {position.error.message}
          </p>
        ) : !position.data || !quotes ? (
          <p className="text-xs text-slate-400">Reading the position…</p>
        ) : held.length === 0 ? (
          <p className="text-xs text-slate-400" data-testid="stress-position-empty">
            {account} holds no tranche shares at block #{position.data.blockNumber}.
          </p>
        ) : (
          held.map((tranche) => {
            const quote = quotes.find((q) => q.id === tranche.id);
            if (!quote) return null;
            let share: number;
            try {
              share = shareOfTranche(tranche.shares, tranche.totalSupply);
            } catch (error) {
              return (
                <p key={tranche.id} className="text-xs text-rose-300">
                  {tranche.name}: the chain reported an impossible position ({(error as Error).message}).
                </p>
              );
            }
            return (
              <PositionRiskTable
                key={tranche.id}
                quote={quote}
                share={share}
                symbol={symbol}
                caption={`${tranche.name}: ${scenario}; shares as of block #${position.data?.blockNumber}.`}
              />
            );
          })
        )}
      </div>
    </section>
  );
}
