import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromeCatalog, readLocale } from './catalog';
import { t, tn, useCatalog } from '@/components/i18n';

const ROOT = process.cwd();
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

describe('catalogs', () => {
  const en = readLocale('en');
  const de = readLocale('de');

  it('German is complete: the same keys as English, the same placeholders, nothing empty', () => {
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
    for (const k of Object.keys(en)) {
      expect(placeholders(de[k]!), k).toEqual(placeholders(en[k]!));
      expect(en[k]!.trim(), k).not.toBe('');
      expect(de[k]!.trim(), k).not.toBe('');
      // Browsers treat "$" specially in messages.json.
      expect(en[k]! + de[k]!, k).not.toContain('$');
    }
  });

  it('every key the UI asks for exists', () => {
    const files = [
      ...sources(path.join(ROOT, 'components')),
      ...sources(path.join(ROOT, 'entrypoints/popup')),
      ...sources(path.join(ROOT, 'entrypoints/options')),
    ];
    const used = new Set<string>();
    for (const f of files) for (const m of fs.readFileSync(f, 'utf8').matchAll(/\btn?\('([\w.]+)'/g)) used.add(m[1]!);
    expect(used.size).toBeGreaterThan(150);
    const missing = [...used].filter((k) => !(k in en));
    expect(missing).toEqual([]);
  });

  it('keys are valid browser message names once dots become underscores', () => {
    for (const k of Object.keys(en)) expect(k.replaceAll('.', '_')).toMatch(/^[A-Za-z0-9_]+$/);
  });
});

describe('t and tn', () => {
  it('fill named placeholders and pick plural forms', () => {
    useCatalog(chromeCatalog('en'));
    expect(t('popup.checking', { query: 'x/y' })).toBe('Checking x/y: reading the licence, weights, code and data…');
    expect(tn('page.claims', 1)).toBe('1 claim');
    expect(tn('page.claims', 3)).toBe('3 claims');
    expect(tn('notes.headingCount', 0)).toBe('Your notes');
    useCatalog(chromeCatalog('de'), 'de');
    expect(t('search.check')).toBe('Prüfen');
    expect(tn('page.claims', 2)).toBe('2 Behauptungen');
  });
});
