import { getAddress } from 'viem';
import { Amount } from '@/components/ui/Amount';
import { SUPPORT_LABELS } from '@/lib/governance/votes';
import type { IndexedVote } from '@/lib/indexer/proposalsSchema';
import { ScrollRegion } from '@/components/ui/ScrollRegion';
import { LocalTime } from '@/components/ui/LocalTime';
import { AddressText } from '@/components/ui/AddressText';

/** Who voted, with what weight, which way and why (from the indexer). */
export function VoterTable({ votes }: { votes: IndexedVote[] }) {
  if (votes.length === 0)
    return (
      <p className="text-sm text-slate-400" data-testid="voters-empty">
        No votes yet.
      </p>
    );
  const sorted = [...votes].sort((a, b) => (BigInt(b.weight) > BigInt(a.weight) ? 1 : -1));
  return (
    <ScrollRegion label="Voters">
      <table className="w-full text-left text-sm" data-testid="voter-table">
        <thead className="text-slate-400">
          <tr>
            <th scope="col" className="py-1 pr-3 font-normal">
              Voter
            </th>
            <th scope="col" className="py-1 pr-3 font-normal">
              Choice
            </th>
            <th scope="col" className="py-1 pr-3 text-right font-normal">
              Weight
            </th>
            <th scope="col" className="py-1 pr-3 font-normal">
              Reason
            </th>
            <th scope="col" className="py-1 font-normal">
              When
            </th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((v) => (
            <tr key={v.transactionHash} className="border-t border-slate-800 align-top" data-testid="voter-row">
              <td className="py-1 pr-3 text-xs text-slate-300">
                <AddressText address={getAddress(v.voter)} />
              </td>
              <td className="py-1 pr-3 text-slate-200">{SUPPORT_LABELS[v.support]}</td>
              <td className="figure py-1 pr-3 text-right text-slate-200">
                <Amount value={BigInt(v.weight)} decimals={18} fractionDigits={0} unit="BSG" />
              </td>
              <td className="py-1 pr-3 text-slate-300">{v.reason || <span className="text-slate-400">—</span>}</td>
              <td className="py-1 text-xs text-slate-400">
                <LocalTime unix={v.timestamp} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
