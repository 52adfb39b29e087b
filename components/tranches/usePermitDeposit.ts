'use client';

import { useRef, useState } from 'react';
import type { Address } from 'viem';
import { useConfig } from 'wagmi';
import { getAccount } from 'wagmi/actions';
import { describeTxErrorLazily, loadWalletActions } from '@/components/tx/loadWalletActions';
import type { TransactionFlow } from '@/components/tx/useTransactionFlow';
import { usePublicConfig } from '@/components/ui/PublicConfigProvider';
import { trancheVaultAbi } from '@/lib/chain/abis.generated';
import type { PermitDomain } from '@/lib/chain/liveReads';
import { loadLiveReads } from '@/lib/chain/loadLiveReads';
import type { ErrorContext } from '@/lib/tx/errorMessages';
import { walletChainProblem } from '@/lib/tx/walletChain';

export type { PermitDomain };

const PERMIT_LIFETIME_SECONDS = 30 * 60;

export type SignState =
  { status: 'idle' | 'signing' | 'signed' } | { status: 'failed'; message: string; calm: boolean };

/**
 * Deposit by EIP-2612 permit: step 1 signs a permit for exactly the amount (off-chain, no gas), step 2 sends
 * depositWithPermit through the shared transaction flow. One transaction in all.
 */
export function usePermitDeposit(opts: {
  account: Address;
  asset: Address;
  vault: Address;
  domain: PermitDomain | null | undefined;
  chainNow: number;
  flow: TransactionFlow;
  errorContext: ErrorContext;
}) {
  const config = usePublicConfig();
  const wagmiConfig = useConfig();
  const [sign, setSign] = useState<SignState>({ status: 'idle' });
  const busy = useRef(false);

  async function signAndDeposit(assets: bigint) {
    const { domain, account, vault, flow } = opts;
    if (!domain || busy.current || flow.busy) return;
    // Before anything is signed, not only before the deposit is sent: a permit signed on another network is useless
    // and the wallet should not be asked. Read now, not from the last render: the wallet may have just switched.
    const wrongChain = walletChainProblem(getAccount(wagmiConfig).chainId, config);
    if (wrongChain) {
      setSign({ status: 'failed', message: wrongChain.message, calm: false });
      return;
    }
    busy.current = true;
    try {
      setSign({ status: 'signing' });
      const { parseSignature, signTypedData } = await loadWalletActions();
      const nonce = await (await loadLiveReads()).readPermitNonce(config, opts.asset, account);
      // Deadline on the chain's clock, which a local time warp moves ahead of ours.
      const deadline = BigInt(opts.chainNow + PERMIT_LIFETIME_SECONDS);
      const signature = await signTypedData(wagmiConfig, {
        account,
        domain,
        types: {
          Permit: [
            { name: 'owner', type: 'address' },
            { name: 'spender', type: 'address' },
            { name: 'value', type: 'uint256' },
            { name: 'nonce', type: 'uint256' },
            { name: 'deadline', type: 'uint256' },
          ],
        },
        primaryType: 'Permit',
        message: { owner: account, spender: vault, value: assets, nonce, deadline },
      });
      const { r, s, v, yParity } = parseSignature(signature);
      setSign({ status: 'signed' });
      await flow.send({
        address: vault,
        abi: trancheVaultAbi,
        functionName: 'depositWithPermit',
        args: [assets, account, deadline, Number(v ?? BigInt(yParity + 27)), r, s],
        account,
      });
    } catch (error) {
      const problem = await describeTxErrorLazily(error, opts.errorContext);
      setSign({ status: 'failed', message: problem.message, calm: problem.kind === 'rejected' });
    } finally {
      busy.current = false;
    }
  }

  return { sign, signAndDeposit, reset: () => setSign({ status: 'idle' }) };
}
