import type { ConfigProblem } from '@/lib/chain/config';
import { envHelp } from '@/lib/chain/env';

/** Shown instead of the app when the runtime configuration is invalid: what is wrong, where, and how to fix it. */
export function ConfigErrorPage({ problems }: { problems: ConfigProblem[] }) {
  return (
    <main className="mx-auto max-w-3xl px-4 py-16" data-testid="config-error">
      <h1 className="text-2xl font-semibold text-slate-50">Backstop is not configured correctly</h1>
      <p className="mt-3 text-slate-400">
        The server checked its configuration and found{' '}
        {problems.length === 1 ? 'a problem' : `${problems.length} problems`}. A fixed deployment file is picked up on
        reload; a changed environment variable needs a server restart. No rebuild is needed either way.
      </p>
      <ul className="mt-8 space-y-4">
        {problems.map((p, i) => (
          <li key={i} className="rounded-lg border border-rose-900/60 bg-rose-950/30 p-4">
            <p className="font-mono text-sm break-all text-rose-300">{p.source}</p>
            <p className="mt-1 text-slate-100">{p.problem}</p>
            <p className="mt-2 text-sm text-slate-400">
              <span className="font-medium text-slate-300">How to fix: </span>
              {p.fix}
            </p>
          </li>
        ))}
      </ul>
      <p className="mt-8 text-sm text-slate-400">Variables: {Object.keys(envHelp).join(', ')}.</p>
    </main>
  );
}
