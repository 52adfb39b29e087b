import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from './csv';

describe('CSV', () => {
  it('quotes only fields that need it and doubles quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });
  it('writes numbers, bigints and null', () => {
    expect(csvField(12n)).toBe('12');
    expect(csvField(1.5)).toBe('1.5');
    expect(csvField(null)).toBe('');
  });
  it('joins a header and rows with CRLF and ends with one', () => {
    expect(toCsv(['time', 'capital (tUSD)'], [['2026-01-01', '1,000.5']])).toBe(
      'time,capital (tUSD)\r\n2026-01-01,"1,000.5"\r\n',
    );
  });
});
