import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './harness';
import {
  REVIEWED_API_PERMISSIONS,
  REVIEWED_HUB_HOST,
  REVIEWED_OPTIONAL_HOSTS,
  REVIEWED_SITE_MATCHES,
} from './reviewed-permissions';

/**
 * The built manifests ask for exactly the reviewed permissions (./reviewed-permissions.ts, a list a person
 * updates): nothing missing, nothing more.
 */
const sorted = (xs: Iterable<string>) => [...new Set(xs)].sort();
const API = sorted(REVIEWED_API_PERMISSIONS);
/** Required host permissions: the Hub (API lookups) and the known sites the content script reads. */
const HOSTS = sorted([REVIEWED_HUB_HOST, ...REVIEWED_SITE_MATCHES]);
const SITES = sorted(REVIEWED_SITE_MATCHES);
/** Everything else is optional, requested per site at the moment of use ("Scan this site"). */
const OPTIONAL = sorted(REVIEWED_OPTIONAL_HOSTS);

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
    expect(sorted(m.permissions ?? []), 'permissions').toEqual(API);
    expect(sorted(m.host_permissions ?? []), 'host_permissions').toEqual(HOSTS);
    expect(sorted(m.optional_host_permissions ?? []), 'optional_host_permissions').toEqual(OPTIONAL);
    expect(m.optional_permissions ?? []).toEqual([]);
    // Content scripts run on exactly the known sites; no match-all patterns in the required set.
    expect(m.content_scripts?.length).toBeGreaterThan(0);
    for (const cs of m.content_scripts ?? []) expect(sorted(cs.matches), `content script ${cs.js}`).toEqual(SITES);
    expect(m.host_permissions).not.toContain('<all_urls>');
  });

  it('firefox-mv2', () => {
    const m = manifest('.output/firefox-mv2');
    expect(m.manifest_version).toBe(2);
    const perms: string[] = m.permissions ?? [];
    expect(sorted(perms.filter((p) => !isHost(p))), 'permissions').toEqual(API);
    expect(sorted(perms.filter(isHost)), 'host permissions').toEqual(HOSTS);
    expect(sorted(m.optional_permissions ?? []), 'optional_permissions').toEqual(OPTIONAL);
    expect(m.content_scripts?.length).toBeGreaterThan(0);
    for (const cs of m.content_scripts ?? []) expect(sorted(cs.matches), `content script ${cs.js}`).toEqual(SITES);
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
    expect(sorted(anchor.matches)).toEqual(SITES);
    expect(fs.readFileSync(path.join(ROOT, '.output/chrome-mv3/api-anchor.js'), 'utf8')).toMatch(/^\s*void 0;\s*$/m);
    const ff = manifest('.output/firefox-mv2');
    expect(JSON.stringify(ff.content_scripts)).not.toContain('api-anchor');
  });
});
