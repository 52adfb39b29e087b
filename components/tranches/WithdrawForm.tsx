'use client';

import { useState } from 'react';
import { TxButton } from '@/components/tx/TxButton';
import { useTransactionFlow } from '@/components/tx/useTransactionFlow';
import { trancheVaultAbi } from '@/lib/chain/abis.generated';
import { formatAmount } from '@/lib/format/amount';
import type { AmountLimit } from '@/lib/format/parseAmount';
import type { CooldownPhase } from '@/lib/tranches/cooldownPhase';
import { exitNote, exitNoteSentence } from '@/lib/tranches/exitValue';
import { AmountField } from './AmountField';
import type { TrancheContext } from './trancheContext';
import { useAmountInput } from './useAmountInput';
import { useExitPreview } from './useExitPreview';
import { TRANCHE_QUERY_KEYS } from './useUserDashboard';
import { UnitToggle, type AmountUnit } from './UnitToggle';

/**
 * Withdraw (assets) or redeem (shares) under the exit request. Inside the window Max and the field's limit follow
 * maxWithdraw / maxRedeem; outside it the vault's refusal (cooldown not over, window lapsed) is decoded and shown
 * before any wallet opens, so nothing is sent. The preview is the owner's own (the lower of the value at request and
 * now), and when that rule holds something back the form says how much and why.
 */
export function WithdrawForm({ ctx, phase }: { ctx: TrancheContext; phase: CooldownPhase }) {
  const { module, tranche, position, account, errorContext } = ctx;
  const [unit, setUnit] = useState<AmountUnit>('assets');
  const inAssets = unit === 'assets';
  const open = phase.kind === 'open';
  const decimals = inAssets ? module.assetDecimals : tranche.shareDecimals;
  const symbol = inAssets ? module.assetSymbol : tranche.symbol;
  const max = inAssets ? position.maxWithdraw : position.maxRedeem;
  const limits: AmountLimit[] = open
    ? [{ max, label: inAssets ? 'what you can withdraw now (maxWithdraw)' : 'what you can redeem now (maxRedeem)' }]
    : [
        inAssets
          ? { max: position.assets, label: 'the value of your shares' }
          : { max: position.shares, label: 'your shares' },
      ];
  const amount = useAmountInput(decimals, symbol, limits);
  const preview = useExitPreview(tranche.vault, account, unit, amount.value);
  const note =
    phase.kind !== 'none' && amount.value !== null && preview.data
      ? exitNoteSentence(exitNote(preview.data), (v) =>
          formatAmount(v, module.assetDecimals, { unit: module.assetSymbol }),
        )
      : null;

  const flow = useTransactionFlow({
    request:
      amount.value === null
        ? undefined
        : {
            address: tranche.vault,
            abi: trancheVaultAbi,
            functionName: inAssets ? 'withdraw' : 'redeem',
            args: [amount.value, account, account],
            account,
          },
    description: `Withdraw from ${tranche.name}`,
    invalidate: TRANCHE_QUERY_KEYS,
    errorContext,
  });

  return (
    <div className="space-y-3" data-testid="withdraw-form">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="font-medium text-slate-100">Withdraw</h3>
        <UnitToggle
          unit={unit}
          onChange={(u) => {
            setUnit(u);
            amount.clear();
            flow.reset();
          }}
          assetSymbol={module.assetSymbol}
          shareSymbol={tranche.symbol}
          testId="withdraw-unit"
        />
      </div>
      <AmountField
        id="withdraw-amount"
        label={`Amount to ${inAssets ? 'withdraw' : 'redeem'} (${symbol})`}
        unit={symbol}
        value={amount.text}
        onChange={(text) => {
          amount.setText(text);
          flow.reset();
        }}
        onMax={open ? () => amount.setMax(max) : undefined}
        error={amount.error}
        hint={
          <>
            Available now:{' '}
            <span className="figure" data-testid="withdraw-max" data-raw={max.toString()}>
              {inAssets
                ? formatAmount(max, module.assetDecimals, { unit: module.assetSymbol })
                : formatAmount(max, tranche.shareDecimals, { fractionDigits: 4, unit: tranche.symbol })}
            </span>
            {open ? '' : ' (only inside the window)'}
            {amount.value !== null && preview.data !== undefined ? (
              <>
                {' · '}
                {inAssets ? 'burns about ' : 'pays '}
                <span
                  className="figure text-slate-300"
                  data-testid="withdraw-preview"
                  data-raw={(inAssets ? preview.data.shares : preview.data.paid).toString()}
                >
                  {inAssets
                    ? formatAmount(preview.data.shares, tranche.shareDecimals, {
                        fractionDigits: 4,
                        unit: tranche.symbol,
                      })
                    : formatAmount(preview.data.paid, module.assetDecimals, { unit: module.assetSymbol })}
                </span>
              </>
            ) : null}
            {note ? (
              <span className="mt-1 block text-slate-400" data-testid="withdraw-exit-note">
                {note}
              </span>
            ) : null}
          </>
        }
      />
      <TxButton
        flow={flow}
        testId="withdraw-submit"
        label={inAssets ? 'Withdraw' : 'Redeem'}
        blocked={amount.value === null}
        onSend={() => {
          if (amount.attempt() !== null) void flow.send();
        }}
      />
    </div>
  );
}
