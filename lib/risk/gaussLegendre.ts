/**
 * Gauss–Legendre quadrature rules on [−1, 1], computed once at load: the nodes are the roots of the Legendre
 * polynomial Pₙ found by Newton's method from Tricomi's initial guesses cos(π(i − ¼)/(n + ½)), with Pₙ and Pₙ′
 * from the three-term recurrence; the weights are 2 / ((1 − x²) Pₙ′(x)²).
 */
export interface QuadratureRule {
  readonly nodes: Float64Array;
  readonly weights: Float64Array;
}

export function gaussLegendre(n: number): QuadratureRule {
  const nodes = new Float64Array(n);
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let x = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let derivative = 0;
    for (let iteration = 0; iteration < 100; iteration++) {
      let p0 = 1;
      let p1 = x;
      for (let k = 2; k <= n; k++) {
        const p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
        p0 = p1;
        p1 = p2;
      }
      derivative = (n * (x * p1 - p0)) / (x * x - 1);
      const step = p1 / derivative;
      x -= step;
      if (Math.abs(step) < 1e-16) break;
    }
    nodes[i] = x;
    weights[i] = 2 / ((1 - x * x) * derivative * derivative);
  }
  return { nodes, weights };
}

/** ∫ₐᵇ f with an n-point rule. */
export function integrate(rule: QuadratureRule, a: number, b: number, f: (x: number) => number): number {
  const half = 0.5 * (b - a);
  const mid = 0.5 * (a + b);
  let sum = 0;
  for (let i = 0; i < rule.nodes.length; i++)
    sum += (rule.weights[i] as number) * f(mid + half * (rule.nodes[i] as number));
  return sum * half;
}
