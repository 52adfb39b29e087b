import type { ModelParams, StressScenario } from './types';

/** Every default in one place; docs/risk-model.md explains each. */
export const DEFAULT_PARAMS: ModelParams = {
  horizonDays: 1 / 24,
  stallProbability: 0.005,
  stallHours: 6,
  degreesOfFreedom: 4,
  costOfCapital: 0.1,
  unexpectedLossLevel: 0.99,
  returns: 'log',
  positionsPerBook: 20,
  maxSlippage: 0.5,
  daysPerYear: 365,
  histogramBins: 50,
};

export const NO_STRESS: StressScenario = {
  volatilityMultiplier: 1,
  correlationStress: 0,
  liquidityDepthMultiplier: 1,
};

/** The confidence levels reported for VaR and ES. */
export const TAIL_LEVELS = [0.95, 0.99, 0.999] as const;

/** EWMA decay (RiskMetrics daily). */
export const DEFAULT_EWMA_LAMBDA = 0.94;

export function withDefaults(params?: Partial<ModelParams>): ModelParams {
  const merged = { ...DEFAULT_PARAMS, ...params };
  if (!(merged.horizonDays > 0)) throw new RangeError(`horizonDays must be positive, got ${merged.horizonDays}`);
  if (!(merged.degreesOfFreedom > 2)) {
    throw new RangeError(`degreesOfFreedom must exceed 2 (finite variance), got ${merged.degreesOfFreedom}`);
  }
  if (!(merged.unexpectedLossLevel > 0 && merged.unexpectedLossLevel < 1)) {
    throw new RangeError(`unexpectedLossLevel must be in (0, 1), got ${merged.unexpectedLossLevel}`);
  }
  if (!(merged.stallProbability >= 0 && merged.stallProbability < 1)) {
    throw new RangeError(`stallProbability must be in [0, 1), got ${merged.stallProbability}`);
  }
  if (!(merged.stallHours >= merged.horizonDays * 24 && Number.isFinite(merged.stallHours))) {
    throw new RangeError(`stallHours must be finite and at least the horizon, got ${merged.stallHours}`);
  }
  if (!(merged.positionsPerBook >= 1)) throw new RangeError('positionsPerBook must be at least 1');
  if (!(merged.histogramBins >= 1)) throw new RangeError(`histogramBins must be at least 1`);
  return merged;
}
