import type { TrancheQuote } from '@/lib/risk';
import { positionRisk } from '@/lib/risk/positionRisk';
import { formatPct } from './format';

const wholeUnits = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const cents = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Whole units for large figures; a small holder's figures keep their cents rather than reading 0. */
function formatLoss(value: number, symbol: string): string {
  if (!Number.isFinite(value)) return '—';
  return `${(Math.abs(value) >= 1_000 ? wholeUnits : cents).format(value)} ${symbol}`;
}

const LEVEL_NAMES: Record<number, string> = { 0.95: '95 %', 0.99: '99 %', 0.999: '99.9 %' };

/**
 * What one horizon of the tranche's loss distribution costs the whole tranche and a holder of `share` of it:
 * expected loss, then VaR and ES at each tail level. The holder's column is the tranche's times the share, since a
 * loss lowers every share's price alike.
 */
export function PositionRiskTable({
  quote,
  share,
  symbol,
  caption,
}: {
  quote: Pick<TrancheQuote, 'id' | 'name' | 'expectedLoss' | 'tails'>;
  /** null: no holder to show (no wallet, or not read yet): the tranche's column alone. */
  share: number | null;
  symbol: string;
  caption: string;
}) {
  const mine = share === null ? null : positionRisk(quote, share);
  const rows = [
    { id: 'el', label: 'Expected loss', tranche: quote.expectedLoss, position: mine?.expectedLoss ?? null },
    ...quote.tails.flatMap((t, i) => {
      const level = LEVEL_NAMES[t.level] ?? formatPct(t.level, 1);
      const key = String(Math.round(t.level * 1000));
      const own = mine?.tails[i];
      return [
        { id: `var-${key}`, label: `VaR ${level}`, tranche: t.valueAtRisk, position: own?.valueAtRisk ?? null },
        {
          id: `es-${key}`,
          label: `ES ${level}`,
          tranche: t.expectedShortfall,
          position: own?.expectedShortfall ?? null,
        },
      ];
    }),
  ];
  return (
    <table className="w-full text-sm" data-testid={`position-risk-${quote.id}`} data-share={share ?? 'none'}>
      <caption className="mb-1 text-left text-xs text-slate-400">{caption}</caption>
      <thead>
        <tr className="text-left text-xs text-slate-400">
          <th scope="col" className="py-1 font-normal">
            Loss over one horizon
          </th>
          <th scope="col" className="py-1 text-right font-normal">
            {quote.name} tranche
          </th>
          {share === null ? null : (
            <th scope="col" className="py-1 text-right font-normal">
              Your position ({formatPct(share, share > 0 && share < 0.0001 ? 4 : 2)} of its shares)
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} className="border-t border-slate-800/60">
            <th scope="row" className="py-1 text-left font-normal text-slate-400">
              {row.label}
            </th>
            <td
              className="figure py-1 text-right text-slate-200"
              data-testid={`tranche-${row.id}`}
              data-value={row.tranche}
            >
              {formatLoss(row.tranche, symbol)}
            </td>
            {row.position === null ? null : (
              <td
                className="figure py-1 text-right text-slate-100"
                data-testid={`position-${row.id}`}
                data-value={row.position}
              >
                {formatLoss(row.position, symbol)}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
