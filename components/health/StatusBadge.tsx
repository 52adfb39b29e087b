import type { SolvencyStatus } from '@/lib/health/status';

const STYLE: Record<SolvencyStatus, string> = {
  healthy: 'border-emerald-700/70 bg-emerald-950/50 text-emerald-300',
  warning: 'border-amber-700/70 bg-amber-950/50 text-amber-300',
  critical: 'border-rose-700/70 bg-rose-950/50 text-rose-300',
};

export function StatusBadge({ status }: { status: SolvencyStatus }) {
  return (
    <span
      className={`inline-flex items-center gap-2 rounded-full border px-3 py-1 text-sm font-semibold uppercase tracking-wide ${STYLE[status]}`}
      data-testid="health-status"
      data-status={status}
    >
      <span aria-hidden className="h-2 w-2 rounded-full bg-current" />
      {status}
    </span>
  );
}
