import { describe, expect, it } from 'vitest';
import { dataThemeAttribute, parseThemePreference, themeReturnPath } from './themePreference';

describe('parseThemePreference', () => {
  it('keeps explicit light and dark choices', () => {
    expect(parseThemePreference('light')).toBe('light');
    expect(parseThemePreference('dark')).toBe('dark');
  });

  it('falls back to the system setting for anything else', () => {
    for (const value of [undefined, null, '', 'system', 'Dark', 'light ', '<script>']) {
      expect(parseThemePreference(value)).toBe('system');
    }
  });
});

describe('dataThemeAttribute', () => {
  it('is absent for the system setting so the media query decides', () => {
    expect(dataThemeAttribute('system')).toBeUndefined();
    expect(dataThemeAttribute('light')).toBe('light');
    expect(dataThemeAttribute('dark')).toBe('dark');
  });
});

describe('themeReturnPath', () => {
  const origin = 'http://localhost:3000';

  it('returns to the same-site page the form was posted from, with its query', () => {
    expect(themeReturnPath('http://localhost:3000/health?range=30d', origin)).toBe('/health?range=30d');
  });

  it('never redirects off the site', () => {
    expect(themeReturnPath('https://evil.example/phish', origin)).toBe('/');
    expect(themeReturnPath('http://localhost:3001/health', origin)).toBe('/');
    expect(themeReturnPath('not a url', origin)).toBe('/');
    expect(themeReturnPath(null, origin)).toBe('/');
  });
});
