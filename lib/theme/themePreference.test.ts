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
  const host = 'localhost:3000';

  it('returns to the same-site page the form was posted from, with its query', () => {
    expect(themeReturnPath('http://localhost:3000/health?range=30d', host)).toBe('/health?range=30d');
  });

  it('compares with the host the request was sent to, not a name of the server', () => {
    expect(themeReturnPath('https://backstop.example/governance', 'backstop.example')).toBe('/governance');
    expect(themeReturnPath('http://127.0.0.1:3000/tranches/1', '127.0.0.1:3000')).toBe('/tranches/1');
    expect(themeReturnPath('http://127.0.0.1:3000/tranches/1', host)).toBe('/');
  });

  it('never redirects off the site', () => {
    expect(themeReturnPath('https://evil.example/phish', host)).toBe('/');
    expect(themeReturnPath('http://localhost:3001/health', host)).toBe('/');
    expect(themeReturnPath('http://localhost:3000//evil.example/x', host)).toBe('/');
    expect(themeReturnPath('http://localhost:3000/\\evil.example/x', host)).toBe('/');
    expect(themeReturnPath('javascript://localhost:3000/%0aalert(1)', host)).toBe('/');
    expect(themeReturnPath('not a url', host)).toBe('/');
    expect(themeReturnPath(null, host)).toBe('/');
    expect(themeReturnPath('http://localhost:3000/health', null)).toBe('/');
  });
});
