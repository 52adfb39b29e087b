/**
 * An oracle that did not update says nothing about that hour: an hour whose price repeats the last one is not a zero
 * return. A change after k flat hours is read as one hourly return ln(P/P′)/√k — the same variance per hour — so
 * neither the EWMA nor the Hill estimate takes a daily step for an hourly jump (docs/risk-model.md, "On the chain").
 */
export interface FoldedHours {
  /** One hourly-equivalent log return per price change. */
  returns: Float64Array;
  /** For each hour of the input, how many changes happened up to and including it. */
  changesThrough: Int32Array;
}

export function foldFlatHours(hourly: ArrayLike<number>): FoldedHours {
  const returns: number[] = [];
  const changesThrough = new Int32Array(hourly.length);
  let previous = hourly[0] as number;
  let hours = 0;
  for (let i = 1; i < hourly.length; i++) {
    const price = hourly[i] as number;
    hours++;
    if (price !== previous) {
      returns.push(Math.log(price / previous) / Math.sqrt(hours));
      previous = price;
      hours = 0;
    }
    changesThrough[i] = returns.length;
  }
  return { returns: Float64Array.from(returns), changesThrough };
}

/** Closes whose returns are the folded returns of `hourly`, starting from its first price. */
export function hourlyEquivalentCloses(hourly: readonly number[]): number[] {
  const first = hourly[0];
  if (first === undefined) return [];
  const closes = [first];
  for (const r of foldFlatHours(hourly).returns) closes.push((closes[closes.length - 1] as number) * Math.exp(r));
  return closes;
}
