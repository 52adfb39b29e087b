'use client';

import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useChainPath } from '@/components/chains/useChainPath';
import { usePublicConfig } from '@/components/ui/PublicConfigProvider';
import { riskInputsFromChain, type MarketDynamics, type RiskInputs } from '@/lib/risk';
import type { LossRecord } from '@/lib/risk/experience';
import { lossRecordFromChain } from '@/lib/risk/lossRecordFromChain';
import { chainStateFromPayload, type RiskInputsPayload } from '@/lib/risk/worker/inputsPayload';
import { chainLossRecordFromPayload } from '@/lib/risk/worker/lossRecordPayload';

export const RISK_INPUTS_REFRESH_MS = 5_000;

export interface ModelInputs {
  payload: RiskInputsPayload;
  inputs: RiskInputs;
  dynamics: MarketDynamics;
  /** The chain's loss record for experience rating; null when it could not be read (payload.lossRecord.problem). */
  record: LossRecord | null;
}

/**
 * The model's inputs from GET /api/risk/inputs, refetched every few seconds; the conversion (and so every quote)
 * re-runs only when the payload actually changes (a new block or oracle answer): TanStack Query keeps the same
 * object when the JSON is unchanged.
 */
export function useRiskInputs() {
  const { chainId } = usePublicConfig();
  const onChain = useChainPath();
  const query = useQuery({
    queryKey: ['risk', 'inputs', chainId],
    queryFn: async (): Promise<RiskInputsPayload> => {
      const response = await fetch(onChain('/api/risk/inputs'));
      const body = (await response.json()) as RiskInputsPayload | { error: string };
      if ('error' in body) throw new Error(body.error);
      return body;
    },
    refetchInterval: RISK_INPUTS_REFRESH_MS,
    staleTime: RISK_INPUTS_REFRESH_MS,
    placeholderData: (previous) => previous,
  });
  const model = useMemo((): { value: ModelInputs | null; error: string | null } => {
    if (!query.data) return { value: null, error: null };
    try {
      const { inputs, dynamics } = riskInputsFromChain(chainStateFromPayload(query.data));
      const view = chainLossRecordFromPayload(query.data.lossRecord);
      const record = view ? lossRecordFromChain(view, query.data.assetDecimals) : null;
      return { value: { payload: query.data, inputs, dynamics, record }, error: null };
    } catch (error) {
      return { value: null, error: error instanceof Error ? error.message : String(error) };
    }
  }, [query.data]);
  return { model: model.value, error: model.error ?? query.error?.message ?? null, loading: query.isPending };
}
