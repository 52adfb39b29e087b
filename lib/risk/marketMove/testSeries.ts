import { Random } from '../random';
import { Sampler } from '../sampling';

/**
 * A deterministic hourly close series for tests: Student-like returns (normal over a random scale) whose volatility
 * switches between a calm and a stormy regime, starting at 1000 at hour 0.
 */
export function syntheticCloses(hours: number, seed = 7, hourlyVolatility = 0.01): number[] {
  const sampler = new Sampler(new Random(seed));
  const closes = [1000];
  let stormy = false;
  for (let i = 1; i < hours; i++) {
    if (sampler.uniform() < 0.01) stormy = !stormy;
    const scale = hourlyVolatility * (stormy ? 3 : 1) * Math.sqrt(4 / sampler.chiSquare(4) / 2);
    closes.push((closes[i - 1] as number) * Math.exp(scale * sampler.normal()));
  }
  return closes;
}
