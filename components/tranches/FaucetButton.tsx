'use client';

import { parseUnits, type Address } from 'viem';
import { TxButton } from '@/components/tx/TxButton';
import { useTransactionFlow } from '@/components/tx/useTransactionFlow';
import { testStablecoinAbi } from '@/lib/chain/abis.generated';
import type { ErrorContext } from '@/lib/tx/errorMessages';
import { TRANCHE_QUERY_KEYS } from './useUserDashboard';

const FAUCET_AMOUNT = '10000';

/** Local chain only: mints test tUSD to the connected account so a newcomer can deposit at once. */
export function FaucetButton({
  asset,
  account,
  symbol,
  decimals,
  errorContext,
}: {
  asset: Address;
  account: Address;
  symbol: string;
  decimals: number;
  errorContext: ErrorContext;
}) {
  const flow = useTransactionFlow({
    request: {
      address: asset,
      abi: testStablecoinAbi,
      functionName: 'faucet',
      args: [parseUnits(FAUCET_AMOUNT, decimals)],
      account,
    },
    description: `Get ${FAUCET_AMOUNT} test ${symbol}`,
    invalidate: TRANCHE_QUERY_KEYS,
    errorContext,
  });
  return (
    <div className="flex flex-wrap items-center gap-3 rounded-xl border border-dashed border-slate-700 p-4 text-sm text-slate-400">
      <span>Local chain: test {symbol} is free.</span>
      <TxButton flow={flow} testId="faucet-submit" label={`Get ${FAUCET_AMOUNT} test ${symbol}`} />
    </div>
  );
}
