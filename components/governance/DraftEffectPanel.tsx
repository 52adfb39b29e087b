'use client';

import { useEffect, useMemo, useState } from 'react';
import type { Address, Hex } from 'viem';
import { useRiskInputs } from '@/components/risk/useRiskInputs';
import type { Dashboard } from '@/lib/chain/readDashboard';
import { proposalEffectToJson } from '@/lib/governance/effectJson';
import { effectSkeleton } from '@/lib/governance/effectRows';
import { effectAccountFrom, effectStateFrom } from '@/lib/governance/effectState';
import type { Targets } from '@/lib/governance/encode';
import { proposalEffect } from '@/lib/governance/proposalEffect';
import { EffectTable } from './EffectTable';

/** Typing pauses this long before the figures are computed again. */
export const DRAFT_EFFECT_DEBOUNCE_MS = 300;

type Call = { target: Address; calldata: Hex };

/** `value` once it has stopped changing for `ms`. */
function useDebounced(value: string, ms: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * The draft's "Effect if executed", computed in the browser as its fields change (lib/governance/proposalEffect on
 * the lens read and GET /api/risk/inputs' model inputs), the same computation as GET /api/proposals/:id/effect.
 * Loaded lazily: the risk model is not in the form's first load.
 */
export default function DraftEffectPanel({
  actions,
  dashboard,
  account,
  targets,
}: {
  actions: readonly Call[];
  dashboard: Dashboard;
  account: Address | undefined;
  targets: Targets;
}) {
  const { model, error } = useRiskInputs();
  const { module, clearinghouse, steward } = targets;
  // The form builds a new targets object on every render: the figures depend on the addresses only.
  const stableTargets = useMemo(() => ({ module, clearinghouse, steward }), [module, clearinghouse, steward]);
  const key = useDebounced(JSON.stringify(actions.map((a) => [a.target, a.calldata])), DRAFT_EFFECT_DEBOUNCE_MS);
  const computed = useMemo(() => {
    const calls = (JSON.parse(key) as [Address, Hex][]).map(([target, calldata]) => ({ target, calldata }));
    try {
      const effect = proposalEffect({
        state: effectStateFrom(dashboard),
        model: model?.inputs ?? null,
        actions: calls,
        targets: stableTargets,
        account: account ? effectAccountFrom(dashboard.user, account) : null,
      });
      return { effect: proposalEffectToJson(effect), problem: null };
    } catch (e) {
      return {
        effect: null,
        problem: `The figures could not be computed: ${e instanceof Error ? e.message : String(e)}`,
      };
    }
  }, [key, dashboard, model, account, stableTargets]);
  const skeleton = useMemo(() => effectSkeleton(dashboard.tranches, account !== undefined), [dashboard, account]);
  return (
    <EffectTable
      effect={computed.effect}
      skeleton={skeleton}
      refresh="recomputed as you type and on each new block"
      problem={computed.problem ?? (error ? `Risk model inputs: ${error}` : null)}
    />
  );
}
