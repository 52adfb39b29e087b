'use client';

import { useEffect, useMemo, useRef, useState } from 'react';
import {
  analyticQuote,
  type AnalyticResult,
  type ModelParams,
  type MonteCarloResult,
  type RiskInputs,
} from '@/lib/risk';
import { withDefaults } from '@/lib/risk/defaults';
import { ratingParams, rateQuotes, type LossRecord } from '@/lib/risk/experience';
import { DEFAULT_SCENARIOS, DEFAULT_SEED } from '@/lib/risk/protocol';
import { createRiskWorker } from '@/lib/risk/worker/createRiskWorker';
import { RiskClient } from '@/lib/risk/worker/riskClient';
import { poolSize, RiskPool } from '@/lib/risk/worker/riskPool';

export const MONTE_CARLO_DEBOUNCE_MS = 150;

export interface Stress {
  volatilityMultiplier: number;
  correlationStress: number;
  liquidityDepthMultiplier: number;
}

export interface MonteCarloQuote {
  result: MonteCarloResult;
  /** Time of the run in the worker (a pool: from posting the shares to the summary), and the round trip. */
  workerMs: number;
  roundTripMs: number;
  /** The inputs and stress it was computed for. */
  inputs: RiskInputs;
  stress: Stress;
}

/**
 * Two-speed quotes: the analytic fast path synchronously on every change (well under a millisecond), and the
 * seeded Monte Carlo in a pool of Web Workers (RiskPool, sized to the cores), debounced, latest request wins
 * (RiskClient). The last Monte Carlo answer stays on screen, flagged `refining`, until the answer for the current
 * inputs arrives. Both engines' tranche quotes are then rated on the chain's loss record (lib/risk/experience.ts)
 * alike: `analyticTranches`, `monteCarloTranches`.
 */
export function useRiskQuotes(
  inputs: RiskInputs | null,
  stress: Stress,
  options: { scenarios?: number; seed?: number; params?: Partial<ModelParams>; record?: LossRecord | null } = {},
) {
  const scenarios = options.scenarios ?? DEFAULT_SCENARIOS;
  const seed = options.seed ?? DEFAULT_SEED;
  const { params, record = null } = options;
  const { volatilityMultiplier: vol, correlationStress: corr, liquidityDepthMultiplier: depth } = stress;

  const analytic = useMemo((): { value: AnalyticResult | null; error: string | null } => {
    if (!inputs) return { value: null, error: null };
    try {
      return {
        value: analyticQuote(
          inputs,
          { volatilityMultiplier: vol, correlationStress: corr, liquidityDepthMultiplier: depth },
          params,
        ),
        error: null,
      };
    } catch (error) {
      return { value: null, error: error instanceof Error ? error.message : String(error) };
    }
  }, [inputs, vol, corr, depth, params]);

  const clientRef = useRef<RiskClient | null>(null);
  const [workerError, setWorkerError] = useState<string | null>(null);
  const [monteCarlo, setMonteCarlo] = useState<MonteCarloQuote | null>(null);
  const [mcError, setMcError] = useState<string | null>(null);

  useEffect(() => {
    const workers: Worker[] = [];
    try {
      for (let i = 0; i < poolSize(navigator.hardwareConcurrency); i++) workers.push(createRiskWorker());
    } catch (error) {
      for (const worker of workers) worker.terminate();
      // The workers are the external system this effect connects to; their failure to start is state to show.
      // eslint-disable-next-line react-hooks/set-state-in-effect
      setWorkerError(`Web Worker unavailable: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    for (const worker of workers) {
      worker.onerror = (event) => setWorkerError(`the Monte Carlo worker failed: ${event.message || 'unknown error'}`);
    }
    clientRef.current = new RiskClient(new RiskPool(workers));
    return () => {
      clientRef.current?.cancel();
      clientRef.current = null;
      for (const worker of workers) worker.terminate();
    };
  }, []);

  useEffect(() => {
    if (!inputs) return;
    const current: Stress = { volatilityMultiplier: vol, correlationStress: corr, liquidityDepthMultiplier: depth };
    let live = true;
    const timer = setTimeout(() => {
      const client = clientRef.current;
      if (!client) return;
      void client.request({ inputs, stress: current, scenarios, seed, params }).then((outcome) => {
        if (!live) return;
        if (outcome.status === 'result') {
          setMcError(null);
          setMonteCarlo({
            result: outcome.response.result,
            workerMs: outcome.response.ms,
            roundTripMs: outcome.roundTripMs,
            inputs,
            stress: current,
          });
        } else if (outcome.status === 'error') setMcError(outcome.message);
      });
    }, MONTE_CARLO_DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [inputs, vol, corr, depth, scenarios, seed, params]);

  const rating = useMemo(() => {
    try {
      return ratingParams(withDefaults(params));
    } catch {
      return null; // the analytic error already says what is wrong with the parameters
    }
  }, [params]);
  const analyticTranches = useMemo(
    () => (analytic.value && rating ? rateQuotes(analytic.value.tranches, record, rating) : null),
    [analytic.value, record, rating],
  );
  const monteCarloTranches = useMemo(
    () => (monteCarlo && rating ? rateQuotes(monteCarlo.result.tranches, record, rating) : null),
    [monteCarlo, record, rating],
  );

  const refining =
    !!inputs &&
    (!monteCarlo ||
      monteCarlo.inputs !== inputs ||
      monteCarlo.stress.volatilityMultiplier !== vol ||
      monteCarlo.stress.correlationStress !== corr ||
      monteCarlo.stress.liquidityDepthMultiplier !== depth);

  return {
    analytic: analytic.value,
    analyticError: analytic.error,
    analyticTranches,
    monteCarlo,
    monteCarloTranches,
    monteCarloError: workerError ?? mcError,
    refining,
    scenarios,
    seed,
  };
}
