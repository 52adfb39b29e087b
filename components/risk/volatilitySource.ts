import type { ModelInputs } from './useRiskInputs';

/**
 * Where the model's volatility comes from, for the line under a quote: the EWMA of the indexed price returns, or the
 * default and why; `note` flags a history that was used but is not the whole story (a stale oracle, a catching-up indexer).
 */
export function volatilitySource(model: ModelInputs): { text: string; note: string | null } {
  const { dynamics, payload } = model;
  if (!dynamics.estimated) return { text: `default: ${payload.historyProblem ?? 'too little history'}`, note: null };
  return { text: `EWMA of ${dynamics.returnsUsed} hourly returns`, note: payload.historyProblem };
}
