/**
 * "Scan automatically" works per group of known sites: the keys of Settings.autoScan. A detector's group
 * (lib/sites detector ids: "huggingface", "huggingface-blog", "github", "kaggle", "vendor:<host>",
 * "news:<host>") is what the content script checks and what the options page lists.
 */
export const SITE_GROUP_IDS = ['huggingface', 'github', 'kaggle', 'vendors', 'news'] as const;
export type SiteGroupId = (typeof SITE_GROUP_IDS)[number];

export function siteGroupOf(detectorId: string): string {
  if (detectorId.startsWith('huggingface')) return 'huggingface';
  if (detectorId.startsWith('vendor:')) return 'vendors';
  if (detectorId.startsWith('news:')) return 'news';
  return detectorId;
}
