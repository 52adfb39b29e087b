'use client';

import type { Address, Hex } from 'viem';
import { usePublicConfig } from '@/components/ui/PublicConfigProvider';
import type { Dashboard } from '@/lib/chain/readDashboard';
import { chainParamsFrom } from '@/lib/governance/chainParams';
import { decodeAction } from '@/lib/governance/decode';
import { useClearinghouseExtras } from './useClearinghouseExtras';

/** Every action of a proposal in words, measured against the value on chain now. */
export function ActionList({
  targets,
  calldatas,
  dashboard,
}: {
  targets: string[];
  calldatas: string[];
  dashboard: Dashboard | undefined;
}) {
  const config = usePublicConfig();
  const extras = useClearinghouseExtras(dashboard?.markets.length ?? 0);
  if (!dashboard) return <p className="text-sm text-slate-400">Reading current values…</p>;
  const params = chainParamsFrom(dashboard, extras.data);
  const addresses = {
    module: config.contracts.module,
    clearinghouse: config.contracts.clearinghouse,
    steward: config.contracts.riskSteward,
  };
  return (
    <>
      <ol className="list-decimal space-y-1 pl-6 text-slate-200" data-testid="proposal-actions">
        {targets.map((target, i) => (
          <li key={i} data-testid="proposal-action">
            {
              decodeAction({ target: target as Address, calldata: (calldatas[i] ?? '0x') as Hex }, params, addresses)
                .words
            }
          </li>
        ))}
      </ol>
      <p className="mt-1 text-xs text-slate-400">Left of the arrow: the value on chain now.</p>
    </>
  );
}
