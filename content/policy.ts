/**
 * Whether the runtime may scan a page, and how densely, from the stored settings (read without zod: the
 * content script's size budget).
 */

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

/** `group`: the detector's settings group (SiteDetector.group), the key of the options' "scan automatically". */
export function policyOf(settings: unknown, group: string, host: string): ScanPolicy {
  const s: StoredSettings = settings && typeof settings === 'object' ? (settings as StoredSettings) : {};
  const disabled = Array.isArray(s.disabledSites) && s.disabledSites.some((e) => hostMatches(host, e));
  const auto =
    s.autoScan && typeof s.autoScan === 'object' ? (s.autoScan as Record<string, unknown>)[group] : undefined;
  return { scan: !disabled && auto !== false, density: s.badgeDensity === 'openwashing' ? 'openwashing' : 'all' };
}
