import { ScrollRegion } from '@/components/ui/ScrollRegion';

interface DataTableProps {
  caption: string;
  header: readonly string[];
  rows: readonly (readonly string[])[];
  testId: string;
}

/** The text alternative of a chart, collapsed under its chart: readable by screen readers and without JavaScript. */
export function DataTable(props: DataTableProps) {
  return (
    <details className="mt-3 text-xs text-slate-400">
      <summary className="cursor-pointer select-none hover:text-slate-200">
        Data table<span className="sr-only">: {props.caption}</span> ({props.rows.length} rows)
      </summary>
      <ScrollRegion label={props.caption} className="mt-2 max-h-72 overflow-y-auto rounded border border-slate-800">
        <Table {...props} />
      </ScrollRegion>
    </details>
  );
}

/** The same table open on a page of its own (/health/data/<chart>), its caption visible. */
export function FullDataTable(props: DataTableProps) {
  return (
    <ScrollRegion
      label={props.caption}
      className="rounded-xl border border-slate-800 bg-slate-900/40 text-sm text-slate-300"
    >
      <Table {...props} visibleCaption />
    </ScrollRegion>
  );
}

function Table({
  caption,
  header,
  rows,
  testId,
  visibleCaption = false,
}: DataTableProps & { visibleCaption?: boolean }) {
  return (
    // Cell styles sit on the table, not on each of the hundreds of cells: the HTML stays small.
    <table
      className="figure w-full [&_td]:px-2 [&_td]:py-0.5 [&_td]:text-right [&_td:first-child]:text-left"
      data-testid={testId}
    >
      <caption className={visibleCaption ? 'p-3 text-left text-xs text-slate-400' : 'sr-only'}>{caption}</caption>
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
  );
}
