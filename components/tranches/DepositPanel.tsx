'use client';

import { useState } from 'react';
import { TxButton } from '@/components/tx/TxButton';
import { stepStateOf, TxStep } from '@/components/tx/TxStep';
import { useTransactionFlow } from '@/components/tx/useTransactionFlow';
import { testStablecoinAbi, trancheVaultAbi } from '@/lib/chain/abis.generated';
import { formatAmount } from '@/lib/format/amount';
import { DEPOSIT_CLOSED_LIMITS, DEPOSIT_CLOSED_SENTENCES, depositClosedReason } from '@/lib/tranches/depositClosed';
import { AmountField } from './AmountField';
import { DepositModeToggle, type DepositMode } from './DepositModeToggle';
import type { TrancheContext } from './trancheContext';
import { useAmountInput } from './useAmountInput';
import { usePermitDeposit } from './usePermitDeposit';
import { usePermitDomain } from './usePermitSupport';
import { useVaultPreview } from './usePreview';
import { TRANCHE_QUERY_KEYS } from './useUserDashboard';

/** Deposit into one tranche: by permit (1 tx) or by exact approve then deposit (2 tx). Never an unlimited approval. */
export function DepositPanel({ ctx }: { ctx: TrancheContext }) {
  const { module, tranche, user, position, account, errorContext } = ctx;
  const unit = module.assetSymbol;
  const decimals = module.assetDecimals;
  const room = position.maxDeposit;
  const maxAmount = user.assetBalance < room ? user.assetBalance : room;
  const closed = depositClosedReason({
    maxDeposit: room,
    depositsPaused: module.depositsPaused,
    totalAssets: tranche.totalAssets,
    depositCap: tranche.depositCap,
  });

  const amount = useAmountInput(decimals, unit, [
    { max: user.assetBalance, label: 'your wallet balance' },
    { max: room, label: closed ? DEPOSIT_CLOSED_LIMITS[closed] : 'the room left under the tranche cap' },
  ]);
  const value = amount.value;
  const preview = useVaultPreview(tranche.vault, 'previewDeposit', value);
  const domain = usePermitDomain(module.asset);
  const [chosenMode, setMode] = useState<DepositMode>('permit');
  const mode: DepositMode = domain.data ? chosenMode : 'approve';
  const allowanceCovers = value !== null && position.allowance >= value;
  const amountText = value !== null ? formatAmount(value, decimals, { unit }) : `the amount`;

  const approveFlow = useTransactionFlow({
    request:
      mode === 'approve' && value !== null && !allowanceCovers
        ? {
            address: module.asset,
            abi: testStablecoinAbi,
            functionName: 'approve',
            args: [tranche.vault, value],
            account,
          }
        : undefined,
    description: `Allow the ${tranche.name} vault to take exactly ${amountText}`,
    invalidate: TRANCHE_QUERY_KEYS,
    errorContext,
  });
  const depositFlow = useTransactionFlow({
    request:
      mode === 'approve' && value !== null && allowanceCovers
        ? { address: tranche.vault, abi: trancheVaultAbi, functionName: 'deposit', args: [value, account], account }
        : undefined,
    description: `Deposit ${amountText} into ${tranche.name}`,
    invalidate: TRANCHE_QUERY_KEYS,
    errorContext,
  });
  const permit = usePermitDeposit({
    account,
    asset: module.asset,
    vault: tranche.vault,
    domain: domain.data,
    chainNow: ctx.now,
    flow: depositFlow,
    errorContext,
  });

  const onAmountChange = (apply: () => void) => {
    apply();
    approveFlow.reset();
    depositFlow.reset();
    permit.reset();
  };

  const approveDone = allowanceCovers || approveFlow.state.status === 'confirmed';
  const depositDone = depositFlow.state.status === 'confirmed';

  return (
    <section
      className="space-y-4 rounded-xl border border-slate-800 bg-slate-900/60 p-5"
      aria-labelledby="deposit-title"
    >
      <h2 id="deposit-title" className="text-lg font-medium text-slate-50">
        Deposit
      </h2>
      {closed ? (
        <p className="text-sm text-amber-200/90" data-testid="deposit-closed" data-reason={closed}>
          {DEPOSIT_CLOSED_SENTENCES[closed]}
        </p>
      ) : null}
      <AmountField
        id="deposit-amount"
        label={`Amount to deposit (${unit})`}
        unit={unit}
        value={amount.text}
        onChange={(text) => onAmountChange(() => amount.setText(text))}
        onMax={() => onAmountChange(() => amount.setMax(maxAmount))}
        error={amount.error}
        hint={
          <>
            Wallet:{' '}
            <span className="figure" data-testid="wallet-balance" data-raw={user.assetBalance.toString()}>
              {formatAmount(user.assetBalance, decimals, { unit })}
            </span>
            {' · '}room under the cap:{' '}
            <span className="figure" data-testid="deposit-room" data-raw={room.toString()}>
              {formatAmount(room, decimals, { unit })}
            </span>
            {value !== null && preview.data !== undefined ? (
              <>
                <br />
                You receive about{' '}
                <span
                  className="figure text-slate-300"
                  data-testid="deposit-preview-shares"
                  data-raw={preview.data.toString()}
                >
                  {formatAmount(preview.data, tranche.shareDecimals, { fractionDigits: 4, unit: tranche.symbol })}
                </span>{' '}
                (the vault&apos;s previewDeposit now; the exact count is fixed when the deposit is mined).
              </>
            ) : null}
          </>
        }
      />

      {domain.data ? (
        <DepositModeToggle mode={mode} onChange={(m) => onAmountChange(() => setMode(m))} />
      ) : (
        <p className="text-sm text-slate-400">
          This token does not support permits: approve the exact amount, then deposit.
        </p>
      )}

      {mode === 'permit' ? (
        <ol className="space-y-2">
          <TxStep
            number={1}
            title="Sign a permit for exactly this amount (no gas)"
            testId="step-permit-sign"
            state={
              permit.sign.status === 'signed'
                ? 'done'
                : permit.sign.status === 'signing'
                  ? 'working'
                  : permit.sign.status === 'failed'
                    ? 'failed'
                    : 'ready'
            }
          >
            {permit.sign.status === 'failed' ? (
              <p
                role={permit.sign.calm ? 'status' : 'alert'}
                className="text-sm text-slate-300"
                data-testid="permit-sign-status"
              >
                {permit.sign.message}
              </p>
            ) : null}
          </TxStep>
          <TxStep
            number={2}
            title="Deposit (1 transaction)"
            testId="step-permit-deposit"
            state={permit.sign.status === 'signed' ? stepStateOf(depositFlow.state.status, depositDone) : 'waiting'}
          >
            <TxButton
              flow={depositFlow}
              testId="deposit-submit"
              label="Sign permit and deposit"
              blocked={value === null}
              onSend={() => {
                const assets = amount.attempt();
                if (assets !== null) void permit.signAndDeposit(assets);
              }}
            />
          </TxStep>
        </ol>
      ) : (
        <ol className="space-y-2">
          <TxStep
            number={1}
            title={`Approve exactly ${amountText}`}
            testId="step-approve"
            state={stepStateOf(approveFlow.state.status, approveDone)}
          >
            {approveDone ? (
              <p className="text-sm text-slate-400" data-testid="approve-covered">
                The vault may take{' '}
                <span className="figure">{formatAmount(position.allowance, decimals, { unit })}</span>: enough for this
                deposit.
              </p>
            ) : (
              <TxButton
                flow={approveFlow}
                testId="approve-submit"
                label="Approve exact amount"
                blocked={value === null}
                onSend={() => {
                  if (amount.attempt() !== null) void approveFlow.send();
                }}
              />
            )}
          </TxStep>
          <TxStep
            number={2}
            title="Deposit"
            testId="step-deposit"
            state={approveDone ? stepStateOf(depositFlow.state.status, depositDone) : 'waiting'}
          >
            {approveDone ? (
              <TxButton
                flow={depositFlow}
                testId="deposit-submit"
                label="Deposit"
                blocked={value === null}
                onSend={() => {
                  if (amount.attempt() !== null) void depositFlow.send();
                }}
              />
            ) : (
              <p className="text-sm text-slate-400">After the approval is confirmed.</p>
            )}
          </TxStep>
        </ol>
      )}
    </section>
  );
}
