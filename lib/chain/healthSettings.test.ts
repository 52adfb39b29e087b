import { describe, expect, it } from 'vitest';
import { healthSettings } from './healthSettings';

describe('healthSettings', () => {
  it('reads the refresh interval and the indexer URL', () => {
    expect(
      healthSettings({ BACKSTOP_REFRESH_SECONDS: '12', BACKSTOP_INDEXER_URL: 'https://indexer.example/' }),
    ).toEqual({
      refreshSeconds: 12,
      indexerUrl: 'https://indexer.example',
    });
  });

  it('uses the defaults when both are unset', () => {
    expect(healthSettings({})).toEqual({ refreshSeconds: 5, indexerUrl: 'http://127.0.0.1:42069' });
  });

  it('refuses a bad value instead of falling back to the default', () => {
    expect(() => healthSettings({ BACKSTOP_REFRESH_SECONDS: '0' })).toThrow(
      /BACKSTOP_REFRESH_SECONDS: must be a whole number of seconds/,
    );
    expect(() => healthSettings({ BACKSTOP_INDEXER_URL: 'indexer:42069' })).toThrow(
      /BACKSTOP_INDEXER_URL: must be an http/,
    );
  });
});
