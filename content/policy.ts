/**
 * Whether the runtime may scan a page, and how densely, from the stored settings (read without zod: the
 * content script's size budget).
 */

/** Settings group of a detector (lib/settings/sites.ts ids, for the options page's "scan automatically"). */
export function groupOf(site: string): string {
  if (site.startsWith('huggingface')) return 'huggingface';
  if (site.startsWith('vendor:')) return 'vendors';
  if (site.startsWith('news:')) return 'news';
  return site;
}

export interface StoredSettings {
  disabledSites?: unknown;
  autoScan?: unknown;
  badgeDensity?: unknown;
}

export interface ScanPolicy {
  scan: boolean;
  density: 'all' | 'openwashing';
}

function hostMatches(host: string, entry: unknown): boolean {
  return typeof entry === 'string' && (host === entry || host.endsWith(`.${entry}`));
}

export function policyOf(settings: unknown, site: string, host: string): ScanPolicy {
  const s: StoredSettings = settings && typeof settings === 'object' ? (settings as StoredSettings) : {};
  const disabled = Array.isArray(s.disabledSites) && s.disabledSites.some((e) => hostMatches(host, e));
  const auto = s.autoScan && typeof s.autoScan === 'object' ? (s.autoScan as Record<string, unknown>)[groupOf(site)] : undefined;
  return { scan: !disabled && auto !== false, density: s.badgeDensity === 'openwashing' ? 'openwashing' : 'all' };
}
