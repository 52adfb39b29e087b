'use client';

import { useState } from 'react';
import { DEFAULT_PARAMS, NO_STRESS } from '@/lib/risk';
import { coveredProtocolsText } from '@/lib/risk/coveredExposure';
import { formatMs, formatPct } from './format';
import { LazyLossHistogram } from './LazyLossHistogram';
import { StressPosition } from './StressPosition';
import { StressSliders } from './StressSliders';
import { TailTable } from './TailTable';
import { TrancheRiskTable } from './TrancheRiskTable';
import { useRiskInputs } from './useRiskInputs';
import { volatilitySource } from './volatilitySource';
import { useRiskQuotes, type Stress } from './useRiskQuotes';

/** /health's what-if panel: stress sliders, tail figures from both engines, the loss histogram, tranche quotes. */
export default function StressPanel() {
  const { model, error, loading } = useRiskInputs();
  const [stress, setStress] = useState<Stress>(NO_STRESS);
  const quotes = useRiskQuotes(model?.inputs ?? null, stress, { record: model?.record ?? null });
  const symbol = model?.payload.assetSymbol ?? 'asset units';
  const mc = quotes.monteCarlo;
  const mcHeader = mc
    ? `Monte Carlo (${mc.result.scenarios.toLocaleString('en-US')} scenarios, ${formatMs(mc.workerMs)})${quotes.refining ? ' · refining…' : ''}`
    : quotes.monteCarloError
      ? 'Monte Carlo unavailable'
      : 'Monte Carlo (running…)';

  if (!model) {
    return (
      <p className="text-sm text-slate-400" data-testid="stress-panel-waiting">
        {error ? `Model inputs unavailable: ${error}` : loading ? 'Loading model inputs…' : 'No model inputs.'}
      </p>
    );
  }
  const volatility = volatilitySource(model);
  return (
    <div className="space-y-5" data-testid="stress-panel" data-mc-state={quotes.refining ? 'refining' : 'done'}>
      <p className="text-xs text-slate-400" data-testid="risk-inputs-line">
        Block #{model.payload.blockNumber} · open interest of {coveredProtocolsText(model.payload.exposure)} ·
        volatility {model.inputs.markets.map((m) => `${m.name} ${formatPct(m.volatility, 0)}`).join(', ')} (
        {volatility.text}) · keeper delay {DEFAULT_PARAMS.horizonDays * 24} h, a{' '}
        {formatPct(DEFAULT_PARAMS.stallProbability, 1)} chance that liquidations stall {DEFAULT_PARAMS.stallHours} h ·
        moves from the fitted market-move model
        {model.inputs.markets.some((m) => !m.moveModel) ? ' (Student-t where history is short)' : ''} · t copula ν ={' '}
        {DEFAULT_PARAMS.degreesOfFreedom} · seed fixed, so the same inputs give the same Monte Carlo figures.
        {volatility.note ? <span className="text-amber-200"> Note: {volatility.note}.</span> : null}
      </p>
      <StressSliders stress={stress} onChange={setStress} />
      {quotes.analyticError ? (
        <p className="text-sm text-rose-300">Analytic quote failed: {quotes.analyticError}</p>
      ) : null}
      {quotes.monteCarloError ? (
        <p className="text-sm text-amber-300" data-testid="mc-error">
          Monte Carlo: {quotes.monteCarloError}
        </p>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <TailTable
          analytic={quotes.analytic?.portfolio ?? null}
          monteCarlo={mc?.result.portfolio ?? null}
          mcHeader={mcHeader}
          symbol={symbol}
        />
        <div>
          <h3 className="mb-1 text-sm text-slate-300">Loss distribution · Monte Carlo</h3>
          <LazyLossHistogram
            histogram={mc?.result.histogram ?? null}
            scenarios={mc?.result.scenarios ?? 0}
            pendingScenarios={quotes.scenarios}
            symbol={symbol}
          />
          {mc ? (
            <p
              className="mt-1 text-xs text-slate-400"
              data-testid="mc-timing"
              data-worker-ms={mc.workerMs.toFixed(1)}
              data-round-trip-ms={mc.roundTripMs.toFixed(1)}
            >
              Worker run {formatMs(mc.workerMs)}, round trip {formatMs(mc.roundTripMs)} (seed {mc.result.seed}).
            </p>
          ) : null}
        </div>
      </div>
      <TrancheRiskTable analytic={quotes.analyticTranches} monteCarlo={quotes.monteCarloTranches} symbol={symbol} />
      <StressPosition
        quotes={
          (mc && !quotes.refining ? quotes.monteCarloTranches : quotes.analyticTranches)?.map((q) => ({
            ...q,
            expectedLoss: q.model.expectedLoss,
          })) ?? null
        }
        scenario={`${mc && !quotes.refining ? 'Monte Carlo' : 'analytic'}, ${describeStress(stress)}`}
        symbol={symbol}
      />
    </div>
  );
}

function describeStress(stress: Stress): string {
  if (
    stress.volatilityMultiplier === NO_STRESS.volatilityMultiplier &&
    stress.correlationStress === NO_STRESS.correlationStress &&
    stress.liquidityDepthMultiplier === NO_STRESS.liquidityDepthMultiplier
  ) {
    return 'no stress';
  }
  return `volatility × ${stress.volatilityMultiplier}, correlation stress ${stress.correlationStress}, liquidity depth × ${stress.liquidityDepthMultiplier}`;
}
