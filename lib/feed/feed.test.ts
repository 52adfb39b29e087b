import { describe, expect, it } from 'vitest';
import { atomFeed, jsonFeed, xmlEscape } from './formats';
import { protocolEvents, type FeedInput } from './protocolEvents';

const WAD = 10n ** 18n;
const usd = (n: number) => (BigInt(n) * 10n ** 6n).toString();

const input: FeedInput = {
  now: 8_000,
  asset: { decimals: 6, symbol: 'tUSD' },
  solvencyThreshold: WAD,
  losses: [
    {
      lossId: '7',
      market: 'ETH',
      timestamp: 5_000,
      shortfall: usd(1_200),
      covered: usd(1_000),
      deficit: usd(200),
      paid: [usd(700), usd(300), '0'],
    },
  ],
  proposals: [
    {
      proposalId: '42',
      description: '# Raise <caps> & more\n\nbody',
      voteStart: 5_500,
      canceled: false,
      queuedAt: 6_000,
      executedAt: 7_000,
    },
    {
      proposalId: '43',
      description: 'Pending one',
      voteStart: 8_000,
      canceled: false,
      queuedAt: null,
      executedAt: null,
    },
    {
      proposalId: '44',
      description: 'Cancelled one',
      voteStart: 1_500,
      canceled: true,
      queuedAt: null,
      executedAt: null,
    },
  ],
  samples: [
    { timestamp: 1_000, solvencyRatio: (2n * WAD).toString(), requiredCapital: '1' },
    { timestamp: 2_000, solvencyRatio: ((12n * WAD) / 10n).toString(), requiredCapital: '1' },
    { timestamp: 3_000, solvencyRatio: ((9n * WAD) / 10n).toString(), requiredCapital: '1' },
    { timestamp: 4_000, solvencyRatio: '0', requiredCapital: '0' },
  ],
};

describe('protocolEvents', () => {
  const entries = protocolEvents(input);

  it('names the covered protocol of a loss when the indexer gives it, cleaned as untrusted text', () => {
    const named = protocolEvents({
      ...input,
      losses: [{ ...input.losses[0]!, protocolId: 1, protocol: 'Meridian\u0007 Perps' }],
    }).find((e) => e.id === 'loss-7')!;
    expect(named.title).toBe('Loss #7 on Meridian Perps ETH: 1,200.00 tUSD shortfall');
    expect(named.text).toMatch(/^A liquidation on Meridian Perps ETH left/);
  });

  it('lists losses with each tranche’s part, solvency crossings, proposals voting (once past voteStart), queued and executed, newest first', () => {
    expect(entries.map((e) => e.id)).toEqual([
      'proposal-42-executed',
      'proposal-42-queued',
      'proposal-42-voting',
      'loss-7',
      'solvency-4000-healthy',
      'solvency-3000-critical',
      'solvency-2000-warning',
    ]);
    const loss = entries.find((e) => e.id === 'loss-7')!;
    expect(loss.title).toBe('Loss #7 on ETH: 1,200.00 tUSD shortfall');
    expect(loss.text).toContain('Junior 700.00 tUSD, Mezzanine 300.00 tUSD, Senior 0.00 tUSD');
    expect(loss.text).toContain('200.00 tUSD was left uncovered');
    expect(entries.find((e) => e.id === 'proposal-42-voting')!.title).toBe(
      'Proposal open for voting: Raise <caps> & more',
    );
    expect(entries.find((e) => e.id === 'solvency-3000-critical')!.title).toBe(
      'Solvency critical: 90.0 % of required capital',
    );
  });

  it('writes well-formed Atom with every text escaped, and the same entries as JSON Feed', () => {
    const meta = { title: 'Backstop events', origin: 'http://localhost:3000', selfPath: '/feed.atom' };
    const xml = atomFeed(entries, meta);
    expect(xml).toContain('<title>Proposal executed: Raise &lt;caps&gt; &amp; more</title>');
    expect(xml).not.toMatch(/<caps>/);
    expect(xml.match(/<entry>/g)).toHaveLength(entries.length);
    const json = jsonFeed(entries, { ...meta, selfPath: '/feed.json' });
    expect(json.items.map((i) => i.id)).toEqual(entries.map((e) => `http://localhost:3000/feed#${e.id}`));
    expect(json.items[0]!.date_published).toBe('1970-01-01T01:56:40Z');
  });

  it('names a strategy loss as one, on the tranche that held the strategy, without a market', () => {
    const [entry] = protocolEvents({
      ...input,
      losses: [
        {
          lossId: '9',
          market: '',
          source: 'strategy',
          timestamp: 6_000,
          shortfall: usd(50),
          covered: usd(50),
          deficit: '0',
          paid: ['0', usd(50), '0'],
        },
      ],
      proposals: [],
      samples: [],
    });
    expect(entry!.title).toBe("Loss #9 in a tranche's strategy: 50.00 tUSD");
    expect(entry!.text).toContain('Mezzanine 50.00 tUSD');
    expect(entry!.text).not.toContain('liquidation');
  });

  it('drops what XML cannot carry', () => {
    expect(xmlEscape('a\u0000b\u001fc\n"\'')).toBe('abc\n&quot;&apos;');
  });
});
