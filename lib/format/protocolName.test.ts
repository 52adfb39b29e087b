import { describe, expect, it } from 'vitest';
import { assetClassOf, plainLabel, protocolLabel } from './protocolName';

describe('protocolLabel', () => {
  it('keeps a plain name as it is', () => {
    expect(protocolLabel('Meridian Perps', 1)).toBe('Meridian Perps');
  });

  it('drops control and non-ASCII characters, collapses whitespace and cuts to 32 characters', () => {
    expect(protocolLabel('Evil\u202e\nPerps\t\u0000', 2)).toBe('Evil Perps');
    expect(protocolLabel('x'.repeat(40), 2)).toHaveLength(32);
    // markup stays text: React escapes it, nothing here interprets it
    expect(protocolLabel('<img src=x onerror=1>', 3)).toBe('<img src=x onerror=1>');
  });

  it('names an empty, blank or non-string name by its id', () => {
    expect(protocolLabel('', 0)).toBe('Protocol #0');
    expect(protocolLabel(' \u200b ', 4)).toBe('Protocol #4');
    expect(protocolLabel(undefined, 5)).toBe('Protocol #5');
  });
});

describe('assetClassOf', () => {
  it('groups markets by their first symbol, whatever the decoration', () => {
    expect(assetClassOf('ETH')).toBe('ETH');
    expect(assetClassOf('eth-perp')).toBe('ETH');
    expect(assetClassOf('BTC / USD')).toBe('BTC');
  });

  it('bounds hostile names and falls back to Other', () => {
    expect(assetClassOf('ABCDEFGHIJKLMNOP')).toBe('ABCDEFGHIJ');
    expect(assetClassOf('—/—')).toBe('Other');
    expect(assetClassOf(42)).toBe('Other');
  });
});

describe('plainLabel', () => {
  it('cleans and cuts any untrusted label, and answers empty rather than inventing one', () => {
    expect(plainLabel(' SOL\u0007 ', 16)).toBe('SOL');
    expect(plainLabel('a'.repeat(20), 16)).toBe('a'.repeat(16));
    expect(plainLabel('\u0000', 16)).toBe('');
    expect(plainLabel(null, 16)).toBe('');
  });
});
