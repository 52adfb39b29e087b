import { describe, expect, it } from 'vitest';
import { coveredProtocols } from './format';

describe('coveredProtocols', () => {
  it('counts the protocols summed and names the assets not modelled', () => {
    expect(coveredProtocols({ protocols: 2, unmodelled: [] })).toBe('2 covered protocols, summed per asset');
    expect(coveredProtocols({ protocols: 1, unmodelled: ['DOGE', 'XRP'] })).toBe(
      '1 covered protocol, summed per asset (not modelled: DOGE, XRP)',
    );
    expect(coveredProtocols(undefined)).toBe('1 covered protocol, summed per asset');
  });
});
