import { Amount } from '@/components/ui/Amount';
import { Stat } from '@/components/ui/Stat';
import { formatWadPercent } from '@/lib/format/ratio';
import type { ModuleView } from '@/lib/chain/readDashboard';

/** Backstop capital against what the risk parameters require. */
export function CapitalSummary({ module }: { module: ModuleView }) {
  const money = (v: bigint) => <Amount value={v} decimals={module.assetDecimals} unit={module.assetSymbol} />;
  const solvent = module.solvencyRatio >= module.solvencyThreshold;
  return (
    <dl className="grid gap-4 sm:grid-cols-3">
      <Stat
        label="Total backstop capital"
        value={money(module.totalCapital)}
        testId="total-capital"
        raw={module.totalCapital}
      />
      <Stat
        label="Required capital"
        value={money(module.requiredCapital)}
        testId="required-capital"
        raw={module.requiredCapital}
        detail="Σ open interest × stress loss rate"
      />
      <Stat
        label="Solvency ratio"
        value={formatWadPercent(module.solvencyRatio)}
        testId="solvency-ratio"
        raw={module.solvencyRatio}
        tone={solvent ? 'good' : 'bad'}
        detail={`threshold ${formatWadPercent(module.solvencyThreshold)} · ${solvent ? 'above' : 'below'}`}
      />
    </dl>
  );
}
