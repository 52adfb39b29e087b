'use client';

import { useState } from 'react';
import { TxButton } from '@/components/tx/TxButton';
import { useTransactionFlow } from '@/components/tx/useTransactionFlow';
import { trancheVaultAbi } from '@/lib/chain/abis.generated';
import { formatAmount } from '@/lib/format/amount';
import type { CooldownPhase } from '@/lib/tranches/cooldownPhase';
import { formatDuration } from '@/lib/tranches/duration';
import { AmountField } from './AmountField';
import type { TrancheContext } from './trancheContext';
import { useAmountInput } from './useAmountInput';
import { useVaultPreview } from './usePreview';
import { TRANCHE_QUERY_KEYS } from './useUserDashboard';
import { UnitToggle, type AmountUnit } from './UnitToggle';

/** Starts (or replaces) the exit request. The vault counts it in shares; the user may think in either unit. */
export function CooldownRequestForm({ ctx, phase }: { ctx: TrancheContext; phase: CooldownPhase }) {
  const { module, tranche, position, account, errorContext } = ctx;
  const replacing = phase.kind !== 'none';
  const forfeit = phase.kind === 'none' ? 0n : phase.forfeitable;
  const [unit, setUnit] = useState<AmountUnit>('assets');
  const inAssets = unit === 'assets';
  const decimals = inAssets ? module.assetDecimals : tranche.shareDecimals;
  const symbol = inAssets ? module.assetSymbol : tranche.symbol;
  const amount = useAmountInput(decimals, symbol, [
    inAssets
      ? { max: position.assets, label: 'the value of your shares' }
      : { max: position.shares, label: 'your shares' },
  ]);

  // Assets → the shares a withdrawal of them burns now (rounded up by the vault), never more than held.
  const sharesFor = useVaultPreview(tranche.vault, 'previewWithdraw', inAssets ? amount.value : null);
  const assetsFor = useVaultPreview(tranche.vault, 'previewRedeem', inAssets ? null : amount.value);
  const shares =
    amount.value === null
      ? null
      : inAssets
        ? sharesFor.data === undefined
          ? null
          : min(sharesFor.data, position.shares)
        : amount.value;

  const flow = useTransactionFlow({
    request:
      shares !== null
        ? { address: tranche.vault, abi: trancheVaultAbi, functionName: 'cooldownShares', args: [shares], account }
        : undefined,
    description: `Request a cooldown for ${tranche.name} shares`,
    invalidate: TRANCHE_QUERY_KEYS,
    errorContext,
  });

  const other =
    amount.value === null
      ? null
      : inAssets
        ? shares !== null && formatAmount(shares, tranche.shareDecimals, { fractionDigits: 4, unit: tranche.symbol })
        : assetsFor.data !== undefined &&
          formatAmount(assetsFor.data, module.assetDecimals, { unit: module.assetSymbol });

  return (
    <div className="space-y-3" data-testid="cooldown-form">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="font-medium text-slate-100">{replacing ? 'Request a new cooldown' : 'Request a cooldown'}</h3>
        <UnitToggle
          unit={unit}
          onChange={(u) => {
            setUnit(u);
            amount.clear();
            flow.reset();
          }}
          assetSymbol={module.assetSymbol}
          shareSymbol={tranche.symbol}
          testId="cooldown-unit"
        />
      </div>
      <AmountField
        id="cooldown-amount"
        label={`Amount to withdraw later (${symbol})`}
        unit={symbol}
        value={amount.text}
        onChange={(text) => {
          amount.setText(text);
          flow.reset();
        }}
        onMax={() => amount.setMax(inAssets ? position.assets : position.shares)}
        error={amount.error}
        hint={
          <>
            {other ? (
              <>
                That is{' '}
                <span className="figure text-slate-300" data-testid="cooldown-other-unit">
                  {other}
                </span>{' '}
                at today&apos;s share price.{' '}
              </>
            ) : null}
            Withdrawals open after {formatDuration(Number(tranche.cooldown))} and stay open for{' '}
            {formatDuration(Number(tranche.unstakeWindow))}.
            {replacing ? ' A new request replaces the current one and restarts the clock.' : ''}
          </>
        }
      />
      <p className="text-sm text-amber-200/90">
        Shares in cooldown still absorb losses: if the tranche pays for a loss before you withdraw, your shares are
        worth less when you do. A cooldown is not a way out of a loss you can see coming. The exit pays the lower of the
        shares&apos; value now, less the losses until you withdraw, and their value then: what they earn meanwhile stays
        with the tranche, and a request replaced, cancelled or lapsed gives it up too.
      </p>
      {forfeit > 0n ? (
        <p className="text-sm text-amber-200" data-testid="cooldown-forfeit">
          A new request first closes the current one, which forfeits{' '}
          <span className="figure" data-raw={forfeit.toString()}>
            {formatAmount(forfeit, module.assetDecimals, { unit: module.assetSymbol })}
          </span>{' '}
          (the premium its shares earned while it lived). The new one covers at most what you hold after that.
        </p>
      ) : null}
      <TxButton
        flow={flow}
        testId="cooldown-submit"
        label="Request cooldown"
        blocked={amount.value === null}
        onSend={() => {
          if (amount.attempt() !== null) void flow.send();
        }}
      />
    </div>
  );
}

const min = (a: bigint, b: bigint) => (a < b ? a : b);
