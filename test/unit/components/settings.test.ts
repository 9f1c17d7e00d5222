import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  autoScanEnabled,
  isOptedIn,
  isSiteEnabled,
  normalizeHost,
  readSettings,
  tokenForEndpoint,
} from '@/lib/settings/schema';
import { siteGroupOf } from '@/lib/settings/sites';

/* The settings the options page writes and the background and content scripts read. */

describe('settings', () => {
  it('read whatever is stored as complete settings; one bad field never resets the others', () => {
    expect(readSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(readSettings('garbage')).toEqual(DEFAULT_SETTINGS);
    const s = readSettings({
      language: 'de',
      cacheTtlHours: -5,
      badgeDensity: 'openwashing',
      disabledSites: ['ok.example', 'NOT A HOST'],
      extra: 1,
    });
    expect(s.language).toBe('de');
    expect(s.badgeDensity).toBe('openwashing');
    expect(s.cacheTtlHours).toBe(24);
    expect(s.disabledSites).toEqual([]); // an invalid entry invalidates that list only
    expect(DEFAULT_SETTINGS).toMatchObject({
      language: 'auto',
      badgeDensity: 'all',
      cacheTtlHours: 24,
      reportTarget: 'huggingface',
      reportRepo: '',
    });
  });

  it('per-site switches match the host and its subdomains', () => {
    const s = readSettings({
      disabledSites: ['example.com'],
      optInSites: ['blog.example.org'],
      autoScan: { github: false },
    });
    expect(isSiteEnabled(s, 'example.com')).toBe(false);
    expect(isSiteEnabled(s, 'www.example.com')).toBe(false);
    expect(isSiteEnabled(s, 'notexample.com')).toBe(true);
    expect(isOptedIn(s, 'blog.example.org')).toBe(true);
    expect(isOptedIn(s, 'example.org')).toBe(false);
    expect(autoScanEnabled(s, 'github')).toBe(false);
    expect(autoScanEnabled(s, 'huggingface')).toBe(true);
  });

  it('normalises what users type into host names', () => {
    expect(normalizeHost('https://www.Example.com:8080/a/b?c')).toBe('www.example.com');
    expect(normalizeHost('Example.com/path')).toBe('example.com');
    expect(normalizeHost('  news.example.org.  ')).toBe('news.example.org');
    expect(normalizeHost('not a host')).toBeNull();
    expect(normalizeHost('javascript:alert(1)')).toBeNull();
    expect(normalizeHost('')).toBeNull();
  });

  it('the Hugging Face token goes to https://huggingface.co only, never to a custom endpoint', () => {
    const token = 'hf_abcdefghijklmnop';
    expect(tokenForEndpoint('https://huggingface.co', token)).toBe(token);
    expect(tokenForEndpoint('https://huggingface.co:443', token)).toBe(token);
    expect(tokenForEndpoint('https://hf-mirror.com', token)).toBeUndefined();
    expect(tokenForEndpoint('http://huggingface.co', token)).toBeUndefined();
    expect(tokenForEndpoint('https://huggingface.co.evil.example', token)).toBeUndefined();
    expect(tokenForEndpoint('http://127.0.0.1:1234', token)).toBeUndefined();
    expect(tokenForEndpoint('https://huggingface.co', 'bad token\r\nX-Injected: 1')).toBeUndefined();
    expect(tokenForEndpoint('https://huggingface.co', null)).toBeUndefined();
  });

  it('known sites are switched per group, as the content script checks them', () => {
    expect(siteGroupOf('huggingface')).toBe('huggingface');
    expect(siteGroupOf('huggingface-blog')).toBe('huggingface');
    expect(siteGroupOf('vendor:llama.com')).toBe('vendors');
    expect(siteGroupOf('news:techcrunch.com')).toBe('news');
    expect(siteGroupOf('github')).toBe('github');
  });
});
