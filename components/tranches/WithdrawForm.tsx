'use client';

import { useState } from 'react';
import { TxButton } from '@/components/tx/TxButton';
import { useTransactionFlow } from '@/components/tx/useTransactionFlow';
import { trancheVaultAbi } from '@/lib/chain/abis.generated';
import { formatAmount } from '@/lib/format/amount';
import type { AmountLimit } from '@/lib/format/parseAmount';
import type { CooldownPhase } from '@/lib/tranches/cooldownPhase';
import { AmountField } from './AmountField';
import type { TrancheContext } from './trancheContext';
import { useAmountInput } from './useAmountInput';
import { useVaultPreview } from './usePreview';
import { TRANCHE_QUERY_KEYS } from './useUserDashboard';
import { UnitToggle, type AmountUnit } from './UnitToggle';

/**
 * Withdraw (assets) or redeem (shares) under the exit request. Inside the window Max and the field's limit follow
 * maxWithdraw / maxRedeem; outside it the vault's refusal (cooldown not over, window lapsed) is decoded and shown
 * before any wallet opens, so nothing is sent.
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
    : [inAssets ? { max: position.assets, label: 'the value of your shares' } : { max: position.shares, label: 'your shares' }];
  const amount = useAmountInput(decimals, symbol, limits);
  const other = useVaultPreview(tranche.vault, inAssets ? 'previewWithdraw' : 'previewRedeem', amount.value);

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
            {amount.value !== null && other.data !== undefined ? (
              <>
                {' · '}
                {inAssets ? 'burns about ' : 'pays about '}
                <span className="figure text-slate-300">
                  {inAssets
                    ? formatAmount(other.data, tranche.shareDecimals, { fractionDigits: 4, unit: tranche.symbol })
                    : formatAmount(other.data, module.assetDecimals, { unit: module.assetSymbol })}
                </span>
              </>
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
