import { analyticQuote, riskInputsFromChain } from '../risk';
import {
  buildRiskInputsPayload,
  chainStateFromPayload,
  type LensForRisk,
  type SampleForRisk,
} from '../risk/worker/inputsPayload';

/**
 * Each tranche's fair premium APR from the risk model's analytic quote, on the lens's markets and tranches and the
 * indexed price history: what the app's quote computes first, and what the risk keeper steers the chain toward.
 * Indexed by tranche id.
 */
export function fairAprs(lens: LensForRisk, samples: readonly SampleForRisk[] | null): number[] {
  const payload = buildRiskInputsPayload(lens, samples, { failure: samples ? null : 'no price history' });
  const { inputs } = riskInputsFromChain(chainStateFromPayload(payload));
  const quote = analyticQuote(inputs);
  return [...lens.tranches]
    .sort((a, b) => a.id - b.id)
    .map((t) => quote.tranches.find((q) => q.id === t.id)?.fairPremiumApr ?? 0);
}
