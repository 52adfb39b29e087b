import Link from 'next/link';
import { RANGES, type HealthRange } from '@/lib/health/range';

const LABEL: Record<HealthRange, string> = { '7d': '7 days', '30d': '30 days', '90d': '90 days', all: 'All' };

/** Plain links (?range=…), so picking a range works without JavaScript; `path` may carry a query of its own. */
export function RangeLinks({ current, path = '/health' }: { current: HealthRange; path?: string }) {
  return (
    <nav
      aria-label="Chart range"
      className="inline-flex rounded-lg border border-slate-800 bg-slate-900/60 p-1 text-sm"
    >
      {RANGES.map((range) => (
        <Link
          key={range}
          href={`${path}${path.includes('?') ? '&' : '?'}range=${range}`}
          scroll={false}
          aria-current={range === current ? 'page' : undefined}
          data-testid={`range-${range}`}
          className={`rounded-md px-3 py-1 ${
            range === current ? 'bg-slate-700 text-slate-50' : 'text-slate-400 hover:bg-slate-800 hover:text-slate-200'
          }`}
        >
          {LABEL[range]}
        </Link>
      ))}
    </nav>
  );
}
