import { ScrollRegion } from '@/components/ui/ScrollRegion';
import type { ProposalEffectJson } from '@/lib/governance/effectJson';
import { effectRows, type EffectRow } from '@/lib/governance/effectRows';
import type { ActionKind } from '@/lib/governance/proposalEffect';
import { LocalTime } from '@/components/ui/LocalTime';

const KIND_WORDS: Record<ActionKind, string> = {
  modelled: 'in the figures',
  noModelledEffect: 'no modelled effect',
  notModelled: 'not modelled',
  unknown: 'unknown call',
};

export type EffectView = Omit<ProposalEffectJson, 'actions'> & {
  actions: (ProposalEffectJson['actions'][number] & { words?: string })[];
  historyProblem?: string | null;
  accountProblem?: string | null;
};

/** Consecutive rows under the same heading. */
function sectionsOf(rows: EffectRow[]): { section: string; rows: EffectRow[] }[] {
  const sections: { section: string; rows: EffectRow[] }[] = [];
  for (const row of rows) {
    const last = sections.at(-1);
    if (last?.section === row.section) last.rows.push(row);
    else sections.push({ section: row.section, rows: [row] });
  }
  return sections;
}

/**
 * "Effect if executed": every figure before → after and the change, by group, with the block it was measured on.
 * `effect` null draws the same rows with "…" (from `skeleton`) so the block keeps its height while it is read.
 */
export function EffectTable({
  effect,
  skeleton,
  refresh,
  problem,
}: {
  effect: EffectView | null;
  /** The rows to hold the place while `effect` is not there. */
  skeleton: EffectRow[];
  /** How the figures are kept current, in words ("re-read every 10 s"). */
  refresh: string;
  /** Why the figures are missing or old, said above the table. */
  problem: string | null;
}) {
  const rows = effect ? effectRows(effect) : skeleton;
  const flagged = effect?.actions.filter((a) => a.kind === 'notModelled' || a.kind === 'unknown') ?? [];
  const notes = [problem, effect?.modelError ? `Risk model: ${effect.modelError}.` : null, effect?.accountProblem]
    .concat(effect?.historyProblem ? [`Price history: ${effect.historyProblem}.`] : [])
    .filter((x): x is string => !!x);
  return (
    <div className="space-y-3" data-testid="effect-block" data-block={effect?.blockNumber ?? ''}>
      {/* The time upgrades to the reader's zone after hydration: it ends a short line of its own, so the longer local
          text cannot rewrap the explanation below it. */}
      <p className="text-xs text-slate-400" data-testid="effect-freshness">
        {effect ? (
          <>
            Block <span className="figure">#{effect.blockNumber}</span>, <LocalTime unix={effect.timestamp} seconds />;{' '}
            {refresh}.
          </>
        ) : (
          'Reading the chain and the risk model’s inputs…'
        )}
      </p>
      <p className="text-xs text-slate-400">
        Measured as if executed at that block. Backstop figures follow the contracts&apos; arithmetic (solvency ratio =
        capital ÷ required capital; new positions open while it is at least the threshold). P(loss), expected loss and
        fair APR are the risk model&apos;s (analytic), per {effect ? `${effect.horizonHours} h ` : ''}liquidation
        horizon.
      </p>
      {notes.length > 0 ? (
        <ul className="space-y-1 text-xs text-amber-200" data-testid="effect-problems">
          {notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}
      {flagged.length > 0 ? (
        <p role="note" className="text-sm text-amber-200" data-testid="effect-incomplete">
          The figures leave out {flagged.length === 1 ? 'action' : 'actions'}{' '}
          {flagged.map((a) => a.index + 1).join(', ')}: their effect is not modelled.
        </p>
      ) : null}
      <ScrollRegion label="Effect if executed, before and after">
        <table className="w-full text-sm" data-testid="effect-table">
          <caption className="sr-only">
            Each figure now (before), if the proposal were executed (after), and the change.
          </caption>
          <thead>
            <tr className="text-left text-xs text-slate-400">
              <th scope="col" className="py-1 pr-3 font-normal">
                Figure
              </th>
              <th scope="col" className="py-1 pr-3 text-right font-normal">
                Before
              </th>
              <th scope="col" className="py-1 pr-3 text-right font-normal">
                After
              </th>
              <th scope="col" className="py-1 text-right font-normal">
                Change
              </th>
            </tr>
          </thead>
          {sectionsOf(rows).map(({ section, rows: inSection }, i) => (
            <tbody key={`${i}:${section}`}>
              <tr>
                <th scope="rowgroup" colSpan={4} className="pt-3 pb-1 text-left text-xs font-medium text-slate-300">
                  {section}
                </th>
              </tr>
              {inSection.map((r) => (
                <tr
                  key={r.key}
                  className="border-t border-slate-800/60"
                  data-testid={`effect-${r.key}`}
                  data-before={r.before ?? ''}
                  data-after={r.after ?? ''}
                  data-changed={effect ? String(r.changed) : ''}
                >
                  <th scope="row" className="whitespace-nowrap py-1 pr-3 text-left font-normal text-slate-300">
                    {r.label}
                  </th>
                  <td className="figure whitespace-nowrap py-1 pr-3 text-right text-slate-300">{r.beforeText}</td>
                  <td className="figure whitespace-nowrap py-1 pr-3 text-right text-slate-100">{r.afterText}</td>
                  <td
                    className={`figure whitespace-nowrap py-1 text-right ${effect && r.changed ? 'text-amber-200' : 'text-slate-400'}`}
                  >
                    {r.changeText}
                  </td>
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </ScrollRegion>
      {effect ? (
        <ol className="list-decimal space-y-1 pl-6 text-xs text-slate-400" data-testid="effect-actions">
          {effect.actions.map((a) => (
            <li key={a.index} data-testid="effect-action" data-kind={a.kind}>
              <span className="text-slate-300">{KIND_WORDS[a.kind]}</span>
              {a.words ? ` — ${a.words}` : ''}: {a.note}
            </li>
          ))}
        </ol>
      ) : null}
    </div>
  );
}
