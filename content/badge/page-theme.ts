import type { BadgeTheme } from './Badge';

/** Light or dark, from the page: a dark-mode class or attribute, else the luminance of its background. */
export function pageTheme(doc: Document): BadgeTheme {
  const html = doc.documentElement;
  if (
    html.classList.contains('dark') ||
    /dark/i.test(html.getAttribute('data-color-mode') ?? '') ||
    /dark/i.test(html.getAttribute('data-theme') ?? '')
  ) {
    return 'dark';
  }
  const win = doc.defaultView;
  for (const el of [doc.body, html]) {
    if (!el || !win) continue;
    const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?/.exec(win.getComputedStyle(el).backgroundColor);
    if (!m || (m[4] !== undefined && Number(m[4]) < 0.5)) continue;
    const [r, g, b] = [m[1], m[2], m[3]].map(Number) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 110 ? 'dark' : 'light';
  }
  return 'light';
}
