import type { IndexedStewardUpdate } from '@/lib/indexer/schema';
import { LocalTime } from '@/components/ui/LocalTime';

const PARAMETERS = [
  'Junior risk multiplier',
  'Mezzanine risk multiplier',
  'Senior risk multiplier',
  'Premium volatility',
];
const SHOWN = 12;

/** A wad as a plain number: 3.3e18 → "3.3". */
function wadText(raw: string): string {
  const value = BigInt(raw);
  const whole = value / 10n ** 18n;
  const fraction = (value % 10n ** 18n).toString().padStart(18, '0').replace(/0+$/, '').slice(0, 4);
  return fraction ? `${whole}.${fraction}` : whole.toString();
}

/**
 * The risk steward's updates, newest first: what the keeper moved, from what to what, when. On a tranche's page,
 * that tranche's multiplier and the volatility (which moves every tranche's premium).
 */
export function StewardHistory({
  updates,
  hasSteward,
  trancheId,
}: {
  updates: IndexedStewardUpdate[] | null;
  hasSteward: boolean;
  trancheId?: number;
}) {
  if (!hasSteward) {
    return (
      <p className="mt-4 text-sm text-slate-400" data-testid="steward-history">
        This deployment has no risk steward: only governance moves the premium parameters.
      </p>
    );
  }
  const relevant = (updates ?? []).filter((u) => trancheId === undefined || u.param === trancheId || u.param === 3);
  return (
    <div className="mt-4" data-testid="steward-history">
      <h3 className="text-sm font-semibold text-slate-200">Risk steward&apos;s updates</h3>
      {updates === null ? (
        <p className="text-sm text-slate-400">The indexer has not answered: the history is not available.</p>
      ) : relevant.length === 0 ? (
        <p className="text-sm text-slate-400">No update yet.</p>
      ) : (
        <table className="mt-1 w-full text-left text-sm">
          <caption className="sr-only">The risk steward&apos;s updates, newest first</caption>
          <thead className="text-xs text-slate-400">
            <tr>
              <th scope="col" className="py-1 pr-3 font-normal">
                When
              </th>
              <th scope="col" className="py-1 pr-3 font-normal">
                Parameter
              </th>
              <th scope="col" className="py-1 text-right font-normal">
                From → to
              </th>
            </tr>
          </thead>
          <tbody>
            {relevant.slice(0, SHOWN).map((u) => (
              <tr
                key={`${u.transactionHash}-${u.param}`}
                className="border-t border-slate-800"
                data-testid="steward-update"
                data-param={u.param}
                data-new-value={u.newValue}
              >
                <td className="py-1 pr-3 text-slate-300">
                  <LocalTime unix={u.timestamp} />
                </td>
                <td className="py-1 pr-3 text-slate-200">{PARAMETERS[u.param] ?? `#${u.param}`}</td>
                <td className="figure py-1 text-right text-slate-100">
                  {wadText(u.oldValue)} → {wadText(u.newValue)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
