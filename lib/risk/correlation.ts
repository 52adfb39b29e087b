/**
 * Correlation stress and the Cholesky factor the scenario generator multiplies by.
 *
 * Stress: ρ′ᵢⱼ = (1 − s)·ρᵢⱼ + s for i ≠ j, s ∈ [0, 1]. This is the convex combination (1 − s)·R + s·J of the
 * correlation matrix R and the all-ones matrix J, both positive semi-definite, so ρ′ stays PSD with unit diagonal;
 * s = 1 moves every market together.
 *
 * Cholesky: a semi-definite factorisation R = L·Lᵀ (lower triangular). A pivot that is zero to rounding gets a zero
 * column (valid for a PSD matrix: that market is a combination of the earlier ones, as with s = 1). If a pivot is
 * clearly negative (an estimate that is not PSD, e.g. from hand-entered correlations), the matrix is nudged to
 * (R + εI)/(1 + ε) with ε = 1e-10, 1e-8, …, 1e-1 until it factorises; the ε used is reported.
 */

export function validateCorrelation(correlation: readonly (readonly number[])[], size: number): void {
  if (correlation.length !== size) throw new RangeError(`correlation must be ${size} × ${size}`);
  correlation.forEach((row, i) => {
    if (row.length !== size) throw new RangeError(`correlation row ${i} must have ${size} entries`);
    row.forEach((value, j) => {
      if (!(value >= -1 && value <= 1)) throw new RangeError(`correlation[${i}][${j}] = ${value} is not in [-1, 1]`);
      if (i === j && value !== 1) throw new RangeError(`correlation[${i}][${i}] must be 1`);
      if (Math.abs(value - (correlation[j]?.[i] ?? Number.NaN)) > 1e-12) {
        throw new RangeError(`correlation is not symmetric at [${i}][${j}]`);
      }
    });
  });
}

export function stressCorrelation(correlation: readonly (readonly number[])[], stress: number): number[][] {
  if (!(stress >= 0 && stress <= 1)) throw new RangeError(`correlation stress must be in [0, 1], got ${stress}`);
  return correlation.map((row, i) => row.map((value, j) => (i === j ? 1 : (1 - stress) * value + stress)));
}

export interface CholeskyFactor {
  size: number;
  /** Row-major lower-triangular L (size × size; entries above the diagonal are 0). */
  lower: Float64Array;
  /** The ε that had to be added to the diagonal (0 when the matrix factorised as given). */
  jitter: number;
}

const ZERO_PIVOT = 1e-12;
const RESIDUAL = 1e-9;

function tryFactor(matrix: readonly (readonly number[])[], jitter: number): Float64Array | null {
  const n = matrix.length;
  const lower = new Float64Array(n * n);
  const scale = 1 / (1 + jitter);
  const entry = (i: number, j: number): number => ((matrix[i]?.[j] ?? 0) + (i === j ? jitter : 0)) * scale;
  for (let j = 0; j < n; j++) {
    let pivot = entry(j, j);
    for (let k = 0; k < j; k++) pivot -= (lower[j * n + k] as number) ** 2;
    if (pivot < -ZERO_PIVOT) return null;
    if (pivot <= ZERO_PIVOT) {
      // Zero pivot: the rest of the column must be (numerically) zero as well.
      for (let i = j + 1; i < n; i++) {
        let residual = entry(i, j);
        for (let k = 0; k < j; k++) residual -= (lower[i * n + k] as number) * (lower[j * n + k] as number);
        if (Math.abs(residual) > RESIDUAL) return null;
      }
      continue;
    }
    const diagonal = Math.sqrt(pivot);
    lower[j * n + j] = diagonal;
    for (let i = j + 1; i < n; i++) {
      let sum = entry(i, j);
      for (let k = 0; k < j; k++) sum -= (lower[i * n + k] as number) * (lower[j * n + k] as number);
      lower[i * n + j] = sum / diagonal;
    }
  }
  return lower;
}

export function choleskyFactor(correlation: readonly (readonly number[])[]): CholeskyFactor {
  const size = correlation.length;
  for (const jitter of [0, 1e-10, 1e-8, 1e-6, 1e-4, 1e-3, 1e-2, 1e-1]) {
    const lower = tryFactor(correlation, jitter);
    if (lower) return { size, lower, jitter };
  }
  throw new RangeError('correlation matrix is not positive semi-definite even after jitter');
}
