'use client';

import { useMemo } from 'react';
import { NO_STRESS } from '@/lib/risk';
import { coveredProtocolsText } from '@/lib/risk/coveredExposure';
import { PRIOR_WEIGHT_YEARS } from '@/lib/risk/experience';
import { ratedPremiumVerdict, VERDICT_RULE } from '@/lib/risk/worker/verdict';
import { formatSmallPercent } from '@/lib/format/smallPercent';
import { AccountTailRisk } from './AccountTailRisk';
import { formatMoney, formatMs, formatPct } from './format';
import { recordSummary } from './recordSummary';
import { QuoteWaiting, TrancheQuoteFrame, type RealisedAprSummary } from './TrancheQuoteFrame';
import { useRiskInputs } from './useRiskInputs';
import { useRiskQuotes } from './useRiskQuotes';
import { volatilitySource } from './volatilitySource';

/**
 * A tranche's quote beside what it actually earned: fair APR and P(loss) rated on the chain's loss record, with the
 * model's own figures beside them (Monte Carlo once it arrives, the analytic quote until then), a verdict with its
 * rule, expected loss, attachment and detachment.
 */
export default function TrancheQuoteCard({ trancheId, realised }: { trancheId: number; realised: RealisedAprSummary }) {
  const { model, error } = useRiskInputs();
  const quotes = useRiskQuotes(model?.inputs ?? null, NO_STRESS, { record: model?.record ?? null });
  const mc = quotes.monteCarlo && !quotes.refining ? quotes.monteCarlo : null;
  const quote = ((mc ? quotes.monteCarloTranches : null) ?? quotes.analyticTranches)?.find((t) => t.id === trancheId);
  const source = mc
    ? `Monte Carlo (${mc.result.scenarios.toLocaleString('en-US')} scenarios, ${formatMs(mc.workerMs)})`
    : 'analytic (instant) · Monte Carlo refining…';
  const symbol = model?.payload.assetSymbol ?? 'asset units';
  const volatility = model ? volatilitySource(model) : null;
  const rated = useMemo(
    () => (quote && realised.ok ? ratedPremiumVerdict(realised.apr, quote) : null),
    [quote, realised],
  );
  const verdict = rated?.verdict ?? null;
  const record = quote ? recordSummary(quote.experience, model?.payload.lossRecord.problem ?? null) : null;

  return (
    <TrancheQuoteFrame source={mc ? 'monte-carlo' : 'analytic'}>
      {!quote ? (
        <QuoteWaiting>
          {error ? `Model inputs unavailable: ${error}` : (quotes.analyticError ?? 'Loading the risk model…')}
        </QuoteWaiting>
      ) : (
        <>
          {/* Two short lines, not one long one: a long line rendered this late becomes the page's Largest Contentful Paint. */}
          <p className="text-xs text-slate-400" data-testid="tranche-quote-source">
            {source}; one liquidation horizon = 1 h; open interest of {coveredProtocolsText(model?.payload.exposure)}.
          </p>
          <p className="mb-3 text-xs text-slate-400" data-testid="tranche-quote-volatility">
            Volatility: {volatility?.text}.
            {volatility?.note ? (
              <span className="text-amber-200" data-testid="tranche-quote-note">
                {' '}
                Note: {volatility.note}.
              </span>
            ) : null}
          </p>
          <dl className="grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
            <Row
              label="Fair premium APR, with the chain's record"
              id="fair-apr"
              value={formatSmallPercent(quote.fairPremiumApr)}
            />
            <Row
              label="Fair premium APR, model alone"
              id="fair-apr-model"
              value={formatSmallPercent(quote.model.fairPremiumApr)}
            />
            <Row
              label="Realised APR (trailing 30 d)"
              id="realised-apr"
              value={realised.ok ? formatPct(realised.apr) : `— (${realised.reason})`}
            />
            <Row
              label="Probability of loss per horizon, with the record"
              id="p-loss"
              value={formatSmallPercent(quote.probabilityOfLoss)}
            />
            <Row
              label="Probability of loss per horizon, model alone"
              id="p-loss-model"
              value={formatSmallPercent(quote.model.probabilityOfLoss)}
            />
            <Row
              label="Expected loss per horizon, with the record"
              id="expected-loss"
              value={formatMoney(quote.expectedLoss, symbol)}
            />
            <Row
              label="Attachment"
              id="attachment"
              value={`${formatMoney(quote.attachment, symbol)} (${formatPct(quote.attachmentOfOpenInterest)} of open interest)`}
            />
            <Row
              label="Detachment"
              id="detachment"
              value={`${formatMoney(quote.detachment, symbol)} (${formatPct(quote.detachmentOfOpenInterest)} of open interest)`}
            />
          </dl>
          <AccountTailRisk quote={{ ...quote, expectedLoss: quote.model.expectedLoss }} symbol={symbol} />
          <p
            className="mt-3 text-xs text-slate-400"
            data-testid="tranche-quote-record"
            data-events={quote.experience?.observed.events ?? 'unknown'}
          >
            {record}
          </p>
          <p className="mt-3 text-sm" data-testid="tranche-verdict" data-verdict={verdict ?? 'none'}>
            {verdict ? (
              <>
                Verdict: <strong className="text-slate-50">{verdict}</strong>
                <span className="text-slate-400">
                  {' '}
                  (realised {realised.ok ? formatPct(realised.apr) : ''} vs fair{' '}
                  {formatSmallPercent(rated?.fairApr ?? Number.NaN)}, {rated?.basis})
                </span>
              </>
            ) : (
              <span className="text-slate-400">
                No verdict: the realised APR is not available ({realised.ok ? '' : realised.reason}).
              </span>
            )}
          </p>
          <p className="mt-1 text-xs text-slate-400">
            Rule: {VERDICT_RULE}. Model fair APR = expected-loss rate × horizons per year + 10 % × unexpected loss ÷
            capital; the model assumes every position sits at maintenance margin, so it is a conservative upper bound.
            With the chain&apos;s record, the model&apos;s loss-event rate and expected-loss rate count as{' '}
            {PRIOR_WEIGHT_YEARS} year of evidence beside the indexed losses (docs/risk-model.md).
          </p>
        </>
      )}
    </TrancheQuoteFrame>
  );
}

function Row({ label, id, value }: { label: string; id: string; value: string }) {
  return (
    <div className="flex justify-between gap-4 border-b border-slate-800/60 py-1">
      <dt className="text-slate-400">{label}</dt>
      <dd className="figure text-right text-slate-100" data-testid={`quote-${id}`}>
        {value}
      </dd>
    </div>
  );
}
