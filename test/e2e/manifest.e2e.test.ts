import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './harness';
import { KNOWN_SITE_MATCHES } from '../../lib/sites';

/**
 * The reviewed permission list. A permission that is not here fails the build's review: add it only with a
 * reason, and say in PRIVACY.md what it lets Ajar do.
 */
const REVIEWED_API_PERMISSIONS = new Set([
  'storage', // settings, per-tab state
  'scripting', // inject the content script into a site the user opted into
  'activeTab', // the popup reads the active tab's URL on click
]);
/** Required host permissions: the Hub (API lookups) and the known sites the content script reads. */
const REVIEWED_HOSTS = new Set(['https://huggingface.co/*', ...KNOWN_SITE_MATCHES]);
/** Everything else is optional, requested per site at the moment of use ("Scan this site"). */
const REVIEWED_OPTIONAL = new Set(['https://*/*', 'http://*/*']);

function manifest(dir: string): Record<string, any> {
  const file = path.join(ROOT, dir, 'manifest.json');
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run npm run build first`);
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

const isHost = (p: string) => p.includes('://') || p === '<all_urls>';

describe('built manifests ask only for reviewed permissions', () => {
  it('chrome-mv3', () => {
    const m = manifest('.output/chrome-mv3');
    expect(m.manifest_version).toBe(3);
    for (const p of m.permissions ?? []) expect(REVIEWED_API_PERMISSIONS, `permission ${p}`).toContain(p);
    for (const h of m.host_permissions ?? []) expect(REVIEWED_HOSTS, `host ${h}`).toContain(h);
    for (const o of m.optional_host_permissions ?? []) expect(REVIEWED_OPTIONAL, `optional host ${o}`).toContain(o);
    expect(m.optional_permissions ?? []).toEqual([]);
    // Content scripts run only on known sites; no match-all patterns in the required set.
    for (const cs of m.content_scripts ?? []) for (const match of cs.matches) expect(REVIEWED_HOSTS).toContain(match);
    expect(m.host_permissions).not.toContain('<all_urls>');
  });

  it('firefox-mv2', () => {
    const m = manifest('.output/firefox-mv2');
    expect(m.manifest_version).toBe(2);
    for (const p of m.permissions ?? []) {
      if (isHost(p)) expect(REVIEWED_HOSTS, `host ${p}`).toContain(p);
      else expect(REVIEWED_API_PERMISSIONS, `permission ${p}`).toContain(p);
    }
    for (const o of m.optional_permissions ?? []) expect(REVIEWED_OPTIONAL, `optional ${o}`).toContain(o);
    for (const cs of m.content_scripts ?? []) for (const match of cs.matches) expect(REVIEWED_HOSTS).toContain(match);
    expect(m.browser_specific_settings?.gecko?.id).toBe('ajar@ajar-extension.org');
  });

  it('ships no remote code and no web-accessible pages to arbitrary sites', () => {
    for (const dir of ['.output/chrome-mv3', '.output/firefox-mv2']) {
      const m = manifest(dir);
      const csp = JSON.stringify(m.content_security_policy ?? '');
      expect(csp).not.toMatch(/unsafe-eval|https?:\/\//);
      expect(JSON.stringify(m.web_accessible_resources ?? [])).not.toContain('<all_urls>');
    }
  });

  it('is store-ready: icons at the sizes the stores ask for, each file present and a PNG of that size', () => {
    for (const dir of ['.output/chrome-mv3', '.output/firefox-mv2']) {
      const m = manifest(dir);
      const icons: Record<string, string> = m.icons ?? {};
      // The toolbar button shows the same icon (not the browser's generic one).
      expect((m.action ?? m.browser_action)?.default_icon?.['16'], `${dir} toolbar icon`).toBe(icons['16']);
      for (const size of ['16', '32', '48', '128']) {
        expect(icons[size], `${dir} icon ${size}`).toBeTruthy();
        const png = fs.readFileSync(path.join(ROOT, dir, icons[size]!));
        expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
        // IHDR: width and height, big-endian, at bytes 16 and 20.
        expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([Number(size), Number(size)]);
      }
    }
  });

  it('Chromium only: the API anchor runs first, at document_start, on exactly the known sites (public/api-anchor.js)', () => {
    const m = manifest('.output/chrome-mv3');
    const anchor = (m.content_scripts ?? []).find((cs: { js?: string[] }) => cs.js?.includes('api-anchor.js'));
    expect(anchor?.run_at).toBe('document_start');
    expect([...anchor.matches].sort()).toEqual([...KNOWN_SITE_MATCHES].sort());
    expect(fs.readFileSync(path.join(ROOT, '.output/chrome-mv3/api-anchor.js'), 'utf8')).toMatch(/^\s*void 0;\s*$/m);
    const ff = manifest('.output/firefox-mv2');
    expect(JSON.stringify(ff.content_scripts)).not.toContain('api-anchor');
  });
});
