/** The text alternative of a chart: a collapsed table, readable by screen readers and without JavaScript. */
export function DataTable({
  caption,
  header,
  rows,
  testId,
}: {
  caption: string;
  header: readonly string[];
  rows: readonly (readonly string[])[];
  testId: string;
}) {
  return (
    <details className="mt-3 text-xs text-slate-400">
      <summary className="cursor-pointer select-none hover:text-slate-200">Data table ({rows.length} rows)</summary>
      <div className="mt-2 max-h-72 overflow-auto rounded border border-slate-800">
        <table className="w-full" data-testid={testId}>
          <caption className="sr-only">{caption}</caption>
          <thead className="sticky top-0 bg-slate-900 text-slate-300">
            <tr>
              {header.map((h) => (
                <th key={h} scope="col" className="px-2 py-1 text-right font-medium first:text-left">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-800/60">
            {rows.map((row, i) => (
              <tr key={i}>
                {row.map((cell, j) => (
                  <td key={j} className="figure px-2 py-0.5 text-right first:text-left">
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
