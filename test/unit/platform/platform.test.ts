import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { showToolbarBadge } from '@/platform/toolbar';
import { loadSettings, saveSettings, sessionTabs, settingsItem } from '@/platform/storage';
import type { TabState } from '@/lib/tab-state';

/* platform/ on the fake browser: the toolbar badge as drawn, settings and the per-tab state as stored. */

const state = (over: Partial<TabState> = {}): TabState => ({
  url: 'https://example.org/',
  site: 'generic',
  pageModel: null,
  models: [],
  claims: [],
  ...over,
});
const washing = {
  id: 'c1',
  text: 't',
  model: 'org/m',
  label: 'restricted-weights' as const,
  openwashing: true,
  severity: 'high' as const,
  reason: 'r',
};

beforeEach(() => fakeBrowser.reset());

describe('toolbar', () => {
  it("draws the tab's badge: the openwashing count in red, and clears it for a tab with nothing", async () => {
    await showToolbarBadge(3, state({ claims: [washing, { ...washing, id: 'c2' }] }));
    expect(await fakeBrowser.action.getBadgeText({ tabId: 3 })).toBe('2');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({ tabId: 3 })).toEqual([0xc0, 0x26, 0x2d, 255]);
    expect(await fakeBrowser.action.getTitle({ tabId: 3 })).toBe('Ajar: 2 openwashing claims on this page');
    await showToolbarBadge(3, undefined);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 3 })).toBe('');
  });
});

describe('storage', () => {
  it('settings: saved patches merge and read back validated; damaged settings read as defaults', async () => {
    await saveSettings({ disabledSites: ['example.org'] });
    await saveSettings({ badgeDensity: 'openwashing' });
    const s = await loadSettings();
    expect(s.disabledSites).toEqual(['example.org']);
    expect(s.badgeDensity).toBe('openwashing');
    await settingsItem.setValue('garbage');
    expect((await loadSettings()).disabledSites).toEqual([]);
  });

  it('per-tab state in storage.session: read back entry by entry, damaged entries dropped', async () => {
    await sessionTabs.save({ '4': state({ pageModel: 'org/m' }) });
    expect(await sessionTabs.load()).toEqual({ '4': state({ pageModel: 'org/m' }) });
    await fakeBrowser.storage.session.set({ tabs: { '4': state(), '5': { url: 7 } } });
    expect(Object.keys((await sessionTabs.load()) ?? {})).toEqual(['4']);
  });
});
