import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { API_ANCHOR_SCRIPT, KNOWN_SITE_MATCHES, OPT_IN_MATCHES } from './lib/sites';
import { DEFAULT_HUB_ENDPOINT } from './lib/hub/endpoint';

// Fixed Firefox add-on id: storage and the e2e UUID mapping depend on it staying the same.
export const GECKO_ID = 'ajar@ajar-extension.org';
const TOOLBAR_ICON = { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png' };

export default defineConfig({
  // @wxt-dev/i18n: locales/<lang>.json → _locales/<lang>/messages.json, typed keys (components/i18n.ts).
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    // Localised (locales/*.json: extName, extDescription); English: "Ajar: is this AI model really open?".
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // The toolbar button uses the same icon (public/icon/, drawn from assets/icon.svg); MV2 gets it in the hook.
    action: { default_icon: TOOLBAR_ICON },
    // scripting: the content script for sites the user opts into; activeTab: the popup sees the tab's URL.
    permissions: ['storage', 'scripting', 'activeTab'],
    // Required host permissions: the Hub API plus the known sites (lib/sites), nothing else.
    host_permissions: [...new Set([`${DEFAULT_HUB_ENDPOINT}/*`, ...KNOWN_SITE_MATCHES])],
    // Any other site: opt-in, one origin at a time, from the popup's "Scan this site".
    optional_host_permissions: [...OPT_IN_MATCHES],
    // No data is collected or transmitted beyond Hub lookups the user's page or query needs (PRIVACY.md).
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      } as Record<string, unknown>,
    },
  },
  hooks: {
    // The API anchor is for Chromium only: leave it out of other builds.
    'build:publicAssets': (wxt, files) => {
      if (wxt.config.browser === 'chrome') return;
      const i = files.findIndex((f) => f.relativeDest === API_ANCHOR_SCRIPT);
      if (i >= 0) files.splice(i, 1);
    },
    // MV2 (Firefox) has no optional_host_permissions (WXT drops the key): origins go in optional_permissions.
    'build:manifestGenerated': (wxt, manifest) => {
      // Chromium: an empty script at document_start on the known sites (public/api-anchor.js says why), so
      // that a page element with id "chrome" cannot hide the extension API from the main content script.
      if (wxt.config.browser === 'chrome') {
        manifest.content_scripts = [
          { matches: [...KNOWN_SITE_MATCHES], js: [API_ANCHOR_SCRIPT], run_at: 'document_start' },
          ...(manifest.content_scripts ?? []),
        ];
      }
      // WXT builds MV2's browser_action from the popup entrypoint and leaves the icon out: put it back.
      if (wxt.config.manifestVersion === 2 && manifest.browser_action && !manifest.browser_action.default_icon) {
        manifest.browser_action.default_icon = TOOLBAR_ICON;
      }
      if (wxt.config.manifestVersion === 2 && manifest.optional_host_permissions?.length) {
        manifest.optional_permissions = [
          ...new Set([...(manifest.optional_permissions ?? []), ...manifest.optional_host_permissions]),
        ] as typeof manifest.optional_permissions;
      }
    },
  },
});
