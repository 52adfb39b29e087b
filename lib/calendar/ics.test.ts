import { describe, expect, it } from 'vitest';
import { buildCalendar, escapeText, foldLine, icsTime, parseCalendar } from './ics';
import { withdrawalWindowCalendar } from './withdrawalWindow';

describe('the iCalendar writer', () => {
  it('writes UTC times in the basic form', () => {
    expect(icsTime(0)).toBe('19700101T000000Z');
    expect(icsTime(1_700_000_000)).toBe('20231114T221320Z');
  });

  it('escapes what TEXT values must escape', () => {
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
  });

  it('folds long lines at 75 octets without splitting a character, and unfolds back', () => {
    const line = `DESCRIPTION:${'€'.repeat(60)}`;
    const folded = foldLine(line);
    for (const part of folded.split('\r\n')) expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });

  it('ends every line with CRLF and nests its components', () => {
    const text = buildCalendar(
      {
        uid: 'x@y',
        start: 100,
        end: 200,
        summary: 's',
        description: 'd',
        alarms: [{ secondsBefore: 90_061, text: 'a' }],
      },
      50,
    );
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
    const names = parseCalendar(text).map((l) => l.name);
    expect(names.slice(0, 1)).toEqual(['BEGIN']);
    expect(parseCalendar(text).find((l) => l.name === 'TRIGGER')?.value).toBe('-P1DT1H1M1S');
  });
});

describe('withdrawalWindowCalendar', () => {
  const base = {
    chainId: 31337,
    vault: '0xABCDEF0000000000000000000000000000000001',
    account: '0x00000000000000000000000000000000000000A1',
    trancheName: 'Backstop Mezzanine',
    cooldownEnd: 1_796_000_000,
    windowEnd: 1_796_000_000 + 2 * 86_400,
    now: 1_795_400_000,
    pageUrl: 'http://localhost:3000/tranches/mezzanine',
  };

  it("runs from the cooldown's end to the window's end, exactly, with a reminder a day before it closes", () => {
    const lines = parseCalendar(withdrawalWindowCalendar(base));
    const value = (name: string) => lines.find((l) => l.name === name)?.value;
    expect(value('DTSTART')).toBe(icsTime(base.cooldownEnd));
    expect(value('DTEND')).toBe(icsTime(base.windowEnd));
    expect(value('DTSTAMP')).toBe(icsTime(base.now));
    expect(value('SUMMARY')).toBe('Withdrawal window: Backstop Mezzanine');
    expect(value('UID')).toBe(
      'window-31337-0xabcdef0000000000000000000000000000000001-0x00000000000000000000000000000000000000a1-1796000000@backstop',
    );
    const triggers = lines.filter((l) => l.name === 'TRIGGER');
    expect(triggers.map((t) => [t.params, t.value])).toEqual([
      ['', '-PT0S'],
      ['RELATED=END', '-P1D'],
    ]);
  });

  it('reminds at once for a window shorter than a day', () => {
    const short = parseCalendar(withdrawalWindowCalendar({ ...base, windowEnd: base.cooldownEnd + 3_600 }));
    expect(short.filter((l) => l.name === 'TRIGGER').map((t) => t.value)).toEqual(['-PT0S', '-PT1H']);
  });
});
