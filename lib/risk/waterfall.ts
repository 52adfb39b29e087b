import type { TrancheRiskInput } from './types';

/**
 * The loss waterfall: tranche j (Junior = 0) attaches once the losses exceed the capital of every tranche before it
 *   Aⱼ = Σ_{i<j} Cᵢ,   Dⱼ = Aⱼ + Cⱼ,   lossⱼ(S) = min((S − Aⱼ)⁺, Cⱼ),
 * exactly as BackstopModule.cover pays Junior, then Mezzanine, then Senior; S above Σ Cᵢ is the deficit.
 * Each tranche loss is a non-decreasing function of the shortfall S, which the tail statistics rely on.
 */
export interface TrancheLayer {
  tranche: TrancheRiskInput;
  attachment: number;
  detachment: number;
}

export function trancheLayers(tranches: readonly TrancheRiskInput[]): TrancheLayer[] {
  let attachment = 0;
  return tranches.map((tranche) => {
    if (!(tranche.capital >= 0)) throw new RangeError(`tranche ${tranche.name} capital must be ≥ 0`);
    const layer = { tranche, attachment, detachment: attachment + tranche.capital };
    attachment = layer.detachment;
    return layer;
  });
}

export function trancheLoss(shortfall: number, attachment: number, capital: number): number {
  const excess = shortfall - attachment;
  return excess <= 0 ? 0 : excess < capital ? excess : capital;
}
