/**
 * Hourly close series as CSV text: header `ts,close`, `ts` in Unix seconds (the hour's start, a multiple of 3600),
 * strictly increasing; a missing hour is simply absent (gaps stay gaps). Anything else is refused with the line.
 */
export interface HourlySeries {
  /** Unix seconds of each close, increasing. */
  timestamps: number[];
  closes: number[];
}

const HOUR = 3_600;

export function parseHourlyCsv(text: string, label = 'CSV'): HourlySeries {
  const lines = text.split(/\r?\n/);
  const header = (lines[0] ?? '').trim().toLowerCase();
  if (header !== 'ts,close')
    throw new Error(`${label}: line 1 must be the header "ts,close", got "${header.slice(0, 40)}"`);
  const timestamps: number[] = [];
  const closes: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = (lines[i] as string).trim();
    if (line === '') continue;
    const [tsText, closeText, extra] = line.split(',');
    const ts = Number(tsText);
    const close = Number(closeText);
    const where = `${label}: line ${i + 1}`;
    if (extra !== undefined || tsText === undefined || closeText === undefined) {
      throw new Error(`${where}: expected two fields "ts,close"`);
    }
    if (!(Number.isSafeInteger(ts) && ts % HOUR === 0))
      throw new Error(`${where}: ts must be Unix seconds on the hour`);
    if (!(Number.isFinite(close) && close > 0)) throw new Error(`${where}: close must be a positive number`);
    const previous = timestamps[timestamps.length - 1];
    if (previous !== undefined && ts <= previous) throw new Error(`${where}: ts must increase`);
    timestamps.push(ts);
    closes.push(close);
  }
  if (closes.length < 2) throw new Error(`${label}: needs at least two closes`);
  return { timestamps, closes };
}

/** Whether the hours from index `from` to `from + hours` are all present (no gap inside). */
export function isContiguous(series: HourlySeries, from: number, hours: number): boolean {
  const start = series.timestamps[from];
  const end = series.timestamps[from + hours];
  return start !== undefined && end !== undefined && end - start === hours * HOUR;
}
