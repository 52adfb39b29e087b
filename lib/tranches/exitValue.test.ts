import { describe, expect, it } from 'vitest';
import { exitNote, exitNoteSentence } from './exitValue';

const fmt = (v: bigint) => `${(Number(v) / 1e6).toFixed(2)} tUSD`;

describe('exitNote', () => {
  it('holds back nothing when the shares are worth no more than at request', () => {
    expect(exitNote({ paid: 500_000_000n, valueNow: 500_000_000n })).toEqual({ kind: 'none' });
    expect(exitNoteSentence(exitNote({ paid: 500_000_000n, valueNow: 500_000_000n }), fmt)).toBeNull();
  });

  it('names what is withheld when the shares gained since the request', () => {
    const note = exitNote({ paid: 500_000_000n, valueNow: 512_345_678n });
    expect(note).toEqual({ kind: 'withheld', withheld: 12_345_678n });
    expect(exitNoteSentence(note, fmt)).toBe(
      "You get the value your shares had when you requested the exit, less the tranche's losses since: shares waiting " +
        "to leave earn no premium. The 12.35 tUSD they earned since stays with the tranche's other holders.",
    );
  });
});
