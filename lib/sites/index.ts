/**
 * The list of site detectors. Adding a site: one file (or one entry in vendors.ts / news.ts) with its settings
 * group and its example URLs (exported beside it as EXAMPLES), one line here, its README entry, and its match patterns in the manifest
 * test's reviewed list (CONTRIBUTING.md walks through it). Order matters: the first detector whose test()
 * accepts the URL wins.
 */
import type { SiteDetector } from './types';
import { huggingface, huggingfaceBlog } from './huggingface';
import { github } from './github';
import { kaggle } from './kaggle';
import { vendorDetectors } from './vendors';
import { newsDetectors } from './news';
import { generic } from './generic';

export type { DetectorExample, DetectorExamples, SiteDetector, ModelCard, ModelLink } from './types';

export const SITE_DETECTORS: readonly SiteDetector[] = [
  huggingface,
  huggingfaceBlog,
  github,
  kaggle,
  ...vendorDetectors,
  ...newsDetectors,
];

/** The detector for a URL: a known site's, else the generic one (opted-in sites); null for non-web URLs. */
export function detectorFor(url: URL): SiteDetector | null {
  for (const d of SITE_DETECTORS) if (d.test(url)) return d;
  return generic.test(url) ? generic : null;
}

/**
 * The settings group of a detector id (its `group`: the key of Settings.autoScan that switches it). An id no
 * detector has is its own group.
 */
export function groupOf(detectorId: string): string {
  if (detectorId === generic.id) return generic.group;
  return SITE_DETECTORS.find((d) => d.id === detectorId)?.group ?? detectorId;
}

/** The settings groups of the known sites, in the order of SITE_DETECTORS (the options page's order). */
export const SITE_GROUPS: readonly string[] = [...new Set(SITE_DETECTORS.map((d) => d.group))];

/** A known site's detector only (no generic fallback). */
export function knownDetectorFor(url: URL): SiteDetector | null {
  return SITE_DETECTORS.find((d) => d.test(url)) ?? null;
}

/**
 * Chromium only: public/api-anchor.js, an empty script run at document_start on the same sites, so that a page
 * element named "chrome" cannot hide the extension API from the content script (wxt.config.ts adds it to the
 * manifest; the background registers it for opted-in sites).
 */
export const API_ANCHOR_SCRIPT = 'api-anchor.js';

/**
 * Match patterns of every known site, deduplicated: the content script's `matches` and the required
 * host permissions. Everything else is opt-in (optional host permissions).
 */
export const KNOWN_SITE_MATCHES: readonly string[] = [...new Set(SITE_DETECTORS.flatMap((d) => d.matches))];

/** Optional host permissions: any other site, one origin at a time, from the popup's "Scan this site". */
export const OPT_IN_MATCHES: readonly string[] = ['https://*/*', 'http://*/*'];
