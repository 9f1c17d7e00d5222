import fs from 'node:fs';
import path from 'node:path';

export const LOCALES_DIR = path.resolve(process.cwd(), 'locales');

type Tree = { [k: string]: string | Tree };

const isPlural = (o: Tree) => Object.keys(o).every((k) => k === 'n' || /^\d+$/.test(k));

/** Flattens a locales/<lang>.json as @wxt-dev/i18n does: "a.b" keys, plurals joined with " | ". */
export function flatten(tree: Tree, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out[key] = v;
    else if (isPlural(v)) out[key] = Object.values(v).join(' | ');
    else Object.assign(out, flatten(v, key));
  }
  return out;
}

export function readLocale(lang: string): Record<string, string> {
  return flatten(JSON.parse(fs.readFileSync(path.join(LOCALES_DIR, `${lang}.json`), 'utf8')) as Tree);
}

/** The catalog in browser messages.json form, for components/i18n.ts useCatalog(). */
export function chromeCatalog(lang: string): Record<string, { message: string }> {
  return Object.fromEntries(Object.entries(readLocale(lang)).map(([k, v]) => [k.replaceAll('.', '_'), { message: v }]));
}
