/**
 * The reviewed permissions, written out by hand: the built manifests must ask for exactly these
 * (test/e2e/manifest.e2e.test.ts), and the known sites' match patterns must be exactly REVIEWED_SITE_MATCHES
 * (test/unit/sites/reviewed-hosts.test.ts, no build needed). A new site or permission fails both until a person
 * adds it here, with a reason; say in PRIVACY.md what it lets Ajar do. Never derive these lists from the code
 * they check.
 */

/** API permissions. */
export const REVIEWED_API_PERMISSIONS: readonly string[] = [
  'storage', // settings, per-tab state
  'scripting', // inject the content script into a site the user opted into
  'activeTab', // the popup reads the active tab's URL on click
];

/** The Hub's API: verdict lookups (not a site the content script reads). */
export const REVIEWED_HUB_HOST = 'https://huggingface.co/*';

/**
 * The known sites (lib/sites detectors' match patterns): the content script's matches, the API anchor's
 * (Chromium), and, with the Hub, the required host permissions.
 */
export const REVIEWED_SITE_MATCHES: readonly string[] = [
  // Hugging Face: model pages, listings, discussions, blog
  'https://huggingface.co/*',
  // GitHub repository READMEs
  'https://github.com/*',
  // Kaggle model pages
  'https://www.kaggle.com/*',
  // Vendors' and labs' own sites (lib/sites/vendors.ts)
  'https://*.llama.com/*',
  'https://ai.meta.com/*',
  'https://about.fb.com/news/*',
  'https://ai.google.dev/*',
  'https://blog.google/*',
  'https://*.mistral.ai/*',
  'https://*.x.ai/*',
  'https://*.deepseek.com/*',
  'https://qwenlm.github.io/*',
  'https://*.allenai.org/*',
  'https://*.eleuther.ai/*',
  'https://*.llm360.ai/*',
  'https://falconllm.tii.ae/*',
  'https://stability.ai/*',
  'https://www.servicenow.com/blogs/*',
  // Technology news (lib/sites/news.ts)
  'https://techcrunch.com/*',
  'https://venturebeat.com/*',
  'https://www.theverge.com/*',
  'https://arstechnica.com/*',
  'https://www.wired.com/*',
];

/** Any other site: optional, requested one origin at a time from the popup's "Scan this site". */
export const REVIEWED_OPTIONAL_HOSTS: readonly string[] = ['https://*/*', 'http://*/*'];
