import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  SITE_DETECTORS,
  SITE_GROUPS,
  detectorFor,
  groupOf,
  type DetectorExample,
  type SiteDetector,
} from '@/lib/sites';
import { generic } from '@/lib/sites/generic';
import { SITE_GROUP_IDS, siteGroupOf } from '@/lib/settings/sites';

/**
 * Every detector's own examples (the EXAMPLES export of its file in lib/sites): the URLs it must and must not
 * handle, and what it reads from a small page shaped like the real one. A new detector brings its examples;
 * this finds and runs them.
 */

const ALL: readonly SiteDetector[] = [...SITE_DETECTORS, generic];
const SITES_DIR = path.join(process.cwd(), 'lib/sites');

/** EXAMPLES of every module in lib/sites, by detector id, with the file that declared them. */
const declared = new Map<string, { file: string; examples: readonly DetectorExample[] }>();
const duplicates: string[] = [];
for (const file of fs.readdirSync(SITES_DIR).filter((f) => /\.tsx?$/.test(f))) {
  const mod = (await import(`../../../lib/sites/${file.replace(/\.tsx?$/, '')}`)) as { EXAMPLES?: unknown };
  if (!mod.EXAMPLES) continue;
  for (const [id, examples] of Object.entries(mod.EXAMPLES as Record<string, readonly DetectorExample[]>)) {
    if (declared.has(id)) duplicates.push(`${id} (${declared.get(id)!.file}, ${file})`);
    declared.set(id, { file, examples });
  }
}
const examplesOf = (id: string) => declared.get(id)?.examples ?? [];

function page(html: string): Document {
  const d = document.implementation.createHTMLDocument('example');
  d.body.innerHTML = html; // the detector's own fixture markup, not page text
  return d;
}
const text = (el: Element | null | undefined) => (el ? (el.textContent ?? '').replace(/\s+/g, ' ').trim() : null);

describe('every detector has examples', () => {
  it.each(ALL.map((d) => [d.id, d] as const))('%s: at least one URL it handles, each a valid URL', (_id, d) => {
    const examples = examplesOf(d.id);
    expect(examples.filter((e) => e.handles).length, `${d.id} needs an example it handles`).toBeGreaterThan(0);
    for (const e of examples) expect(() => new URL(e.url), e.url).not.toThrow();
  });

  it('examples belong to a detector, each declared once; detector ids are unique', () => {
    const ids = new Set(ALL.map((d) => d.id));
    expect(
      [...declared.keys()].filter((id) => !ids.has(id)),
      'examples for no detector',
    ).toEqual([]);
    expect(duplicates).toEqual([]);
    expect(ids.size).toBe(ALL.length);
  });
});

describe.each(ALL.map((d) => [d.id, d] as const))('%s examples', (_id, d) => {
  it.each(examplesOf(d.id).map((e) => [e.url, e] as const))('%s', (url, e) => {
    const u = new URL(url);
    expect(d.test(u), `${d.id}.test(${url})`).toBe(e.handles);
    // Handled URLs reach this detector: no detector earlier in SITE_DETECTORS takes them first.
    if (e.handles) expect(detectorFor(u)?.id, `detectorFor(${url})`).toBe(d.id);
    if (!e.page) return;
    const doc = page(e.page.html);
    expect(d.pageModel(doc, u), 'pageModel').toBe(e.page.model);
    if (e.page.claimText) expect(d.claimRoots(doc, u).map(text), 'claimRoots').toEqual(e.page.claimText);
    if (e.page.title !== undefined) expect(text(d.titleSlot?.(doc, u)), 'titleSlot').toBe(e.page.title);
    if (e.page.cards)
      expect(
        (d.modelCards?.(doc, u) ?? []).map((c) => c.repoId),
        'modelCards',
      ).toEqual(e.page.cards);
  });
});

describe('settings groups come from the detectors', () => {
  it('each detector names a group, and groupOf(id) reads it', () => {
    for (const d of ALL) {
      expect(d.group, d.id).toMatch(/^[a-z][a-z0-9-]{0,63}$/);
      expect(groupOf(d.id), d.id).toBe(d.group);
      expect(siteGroupOf(d.id), d.id).toBe(d.group);
    }
    expect(groupOf('no-such-detector')).toBe('no-such-detector');
  });

  it('the options page lists exactly the known sites’ groups, in detector order', () => {
    expect(SITE_GROUP_IDS).toEqual(SITE_GROUPS);
    expect(new Set(SITE_GROUP_IDS)).toEqual(new Set(SITE_DETECTORS.map((d) => d.group)));
    // The groups users have switched off so far keep their keys (stored settings use them).
    expect(SITE_GROUP_IDS).toEqual(['huggingface', 'github', 'kaggle', 'vendors', 'news']);
    // Opted-in sites are switched by their opt-in, not by a group of their own.
    expect(SITE_GROUP_IDS).not.toContain(generic.group);
  });
});
