import { ScrollRegion } from '@/components/ui/ScrollRegion';

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
      <summary className="cursor-pointer select-none hover:text-slate-200">
        Data table<span className="sr-only">: {caption}</span> ({rows.length} rows)
      </summary>
      <ScrollRegion label={caption} className="mt-2 max-h-72 overflow-y-auto rounded border border-slate-800">
        {/* Cell styles sit on the table, not on each of the hundreds of cells: the page's HTML stays small. */}
        <table
          className="figure w-full [&_td]:px-2 [&_td]:py-0.5 [&_td]:text-right [&_td:first-child]:text-left"
          data-testid={testId}
        >
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
                  <td key={j}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </details>
  );
}
