import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Fixed Firefox add-on id: storage and the e2e UUID mapping depend on it staying the same.
export const GECKO_ID = 'ajar@ajar-extension.org';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: 'Ajar: is this AI model really open?',
    description:
      'Flags openwashing: checks "open source" AI model claims against the licence, weights, code and data, with sources.',
    permissions: ['storage'],
    host_permissions: ['https://huggingface.co/*'],
    browser_specific_settings: { gecko: { id: GECKO_ID, strict_min_version: '128.0' } },
  },
});
