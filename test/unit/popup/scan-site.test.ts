import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { scanSite, scanSiteNotice, type ScanSiteDeps } from '@/entrypoints/popup/scan-site';
import { send } from '@/platform/messaging';
import { useCatalog } from '@/components/i18n';
import { chromeCatalog } from '../components/catalog';

/*
 * "Scan this site" (the popup): the notice says what the background really did. The request goes through the
 * real send() (platform/messaging.ts) to a stand-in background listener on the fake browser.
 */

const origin = 'https://example.org';
let received: unknown[] = [];
let remembered = 0;

function deps(over: Partial<ScanSiteDeps> = {}): ScanSiteDeps {
  return {
    requestPermission: async () => true,
    enableSite: (req) => send(req),
    remember: async () => {
      remembered++;
    },
    ...over,
  };
}

/** A background that answers enable-site with `reply`. */
function background(reply: unknown) {
  fakeBrowser.runtime.onMessage.addListener((msg: unknown) => {
    received.push(msg);
    return Promise.resolve(reply);
  });
}

beforeAll(() => useCatalog(chromeCatalog('en')));
beforeEach(() => {
  fakeBrowser.reset();
  received = [];
  remembered = 0;
});
afterEach(() => vi.restoreAllMocks());

describe('Scan this site: the popup shows the real outcome', () => {
  it('enabled: the background registered the site; the opt-in is remembered', async () => {
    background({ ok: true });
    const outcome = await scanSite(7, origin, deps());
    expect(outcome).toEqual({ kind: 'enabled' });
    expect(received).toEqual([{ type: 'enable-site', tabId: 7, origin }]);
    expect(remembered).toBe(1);
    expect(scanSiteNotice(outcome, 'example.org')).toBe('Ajar will scan example.org from now on.');
  });

  it('refused for lack of permission: says so, never "scanning", and remembers nothing', async () => {
    background({ ok: false, error: 'no-permission', message: 'Ajar may not read https://example.org yet.' });
    const outcome = await scanSite(7, origin, deps());
    expect(outcome).toEqual({ kind: 'no-permission', message: 'Ajar may not read https://example.org yet.' });
    expect(remembered).toBe(0);
    const notice = scanSiteNotice(outcome, 'example.org');
    expect(notice).toBe('Ajar may not read example.org: the permission is missing. Nothing was scanned.');
    expect(notice).not.toMatch(/will scan/);
  });

  it('a failure in the background is an error with its message', async () => {
    background({ ok: false, error: 'internal', message: 'Cannot access contents of the page.' });
    const outcome = await scanSite(7, origin, deps());
    expect(outcome).toEqual({ kind: 'error', message: 'Cannot access contents of the page.' });
    expect(scanSiteNotice(outcome, 'example.org')).toBe(
      'Could not start scanning example.org: Cannot access contents of the page.',
    );
    expect(remembered).toBe(0);
  });

  it('a malformed reply, or no background at all, is an error, not "scanning"', async () => {
    background({ ok: 'yes' });
    const bad = await scanSite(7, origin, deps());
    expect(bad.kind).toBe('error');
    fakeBrowser.reset(); // no listener: sendMessage rejects
    const none = await scanSite(7, origin, deps());
    expect(none.kind).toBe('error');
    expect(remembered).toBe(0);
  });

  it('the user refuses the permission: the background is not asked', async () => {
    background({ ok: true });
    const outcome = await scanSite(
      7,
      origin,
      deps({ requestPermission: async (origins) => (expect(origins).toEqual(['https://example.org/*']), false) }),
    );
    expect(outcome).toEqual({ kind: 'permission-refused' });
    expect(received).toEqual([]);
    expect(scanSiteNotice(outcome, 'example.org')).toBe(
      'Permission to read example.org was not given; nothing changed.',
    );
  });
});
