/**
 * Normalisation of free-text licence names and licence URLs, so that family patterns can stay anchored (and so
 * not over-eager): a name must be the licence's name plus only generic words ("license", "agreement", a version).
 */

/** Lower-case, dates dropped, every run of other characters turned into one '-'. "Open RAIL" → "openrail". */
export function normaliseName(raw: string): string {
  return raw
    .toLowerCase()
    .replace(/[’'"“”`]/g, '')
    .replace(/[–—]/g, '-')
    .replace(/\b\d{4}-\d{2}-\d{2}\b/g, ' ')
    .replace(/\bopen[\s_-]+rail/g, 'openrail')
    .replace(/[^a-z0-9.+]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
}

/** Generic words that may follow a licence's own name without changing which licence it is. */
const GENERIC_SUFFIX =
  '(?:-(?:license|licence|licensed|agreement|terms|of|for|use|the|model|models|weights|version|international|unported|generic|community|' +
  'v?\\d+(?:\\.\\d+)*|[a-z]{2,6}-\\d+(?:\\.\\d+)*))*';

/** An anchored name pattern: `core` followed only by generic words. `core` is a regex source on normalised text. */
export function named(core: string): RegExp {
  return new RegExp(`^(?:${core})${GENERIC_SUFFIX}$`);
}

/** True for strings that are meant as a URL (not a bare file name like "LICENSE"). */
export function looksLikeUrl(raw: string): boolean {
  return /^(?:https?:\/\/|www\.)/i.test(raw.trim());
}

/**
 * "https://www.Example.com/a/b/?x#y" → "example.com/a/b". Returns null for relative links such as "LICENSE",
 * which say nothing about which licence is meant.
 */
export function normaliseLink(raw: string): string | null {
  const trimmed = raw.trim();
  if (!looksLikeUrl(trimmed)) return null;
  let s = trimmed.replace(/^https?:\/\//i, '').replace(/^www\./i, '');
  s = s.replace(/[?#].*$/, '');
  try {
    s = decodeURIComponent(s);
  } catch {
    // keep the raw form when it is not valid percent-encoding
  }
  s = s.toLowerCase().replace(/\/+$/, '');
  return s.length > 0 ? s : null;
}
