import { describe, expect, it } from 'vitest';
import { explorerAddressUrl, explorerTxUrl, shortHash } from './explorerLink';

const hash = '0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060' as const;

describe('explorerTxUrl', () => {
  it('joins the explorer base and the hash under /tx/', () => {
    expect(explorerTxUrl('https://etherscan.io', hash)).toBe(`https://etherscan.io/tx/${hash}`);
    expect(explorerTxUrl('https://explorer.example/base/', hash)).toBe(`https://explorer.example/base/tx/${hash}`);
  });

  it('is null without an explorer', () => {
    expect(explorerTxUrl(null, hash)).toBeNull();
    expect(explorerTxUrl('', hash)).toBeNull();
  });
});

describe('shortHash', () => {
  it('keeps the first 10 and last 6 characters', () => {
    expect(shortHash(hash)).toBe('0x5c504ed4…b22060');
  });

  it('leaves a short string alone', () => {
    expect(shortHash('0x1234')).toBe('0x1234');
  });
});

describe('explorerAddressUrl', () => {
  it('joins the explorer base and the address under /address/, and is null without an explorer', () => {
    const address = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
    expect(explorerAddressUrl('https://etherscan.io/', address)).toBe(`https://etherscan.io/address/${address}`);
    expect(explorerAddressUrl(null, address)).toBeNull();
  });
});
