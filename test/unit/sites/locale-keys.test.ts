// @vitest-environment node
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES_DIR, readLocale } from '../components/catalog';
import { SITE_GROUP_IDS } from '@/lib/settings/sites';
import { SettingsSchema } from '@/lib/settings/schema';
import { REPORT_STATUSES } from '@/lib/reports/schema';
import { ComponentStatusSchema, LABELS, MofComponentVerdictSchema, VerdictSchema } from '@/lib/verdict/schema';
import { FreedomStatusSchema, LicenseStatusSchema } from '@/lib/licenses/types';

/**
 * Every key the UI asks for exists in every locale, including keys built from a template (`sites.group.${id}`):
 * no compiler sees those. Each template found in the UI code must be listed in TEMPLATE_VALUES below with every
 * value it can take, taken from the code that produces the values wherever that code exports them.
 */

const ROOT = process.cwd();
/** Where UI text is asked for (the homes that may exist: components, entry points, in-page runtime, platform). */
const UI_DIRS = ['components', 'entrypoints', 'content', 'platform'];

const osaid = VerdictSchema.shape.osaid.shape;
const sideStatus = VerdictSchema.shape.openWeights.shape.status.options;

/** Template (each `${…}` written as `*`) → every value its placeholder can take. */
const TEMPLATE_VALUES: Record<string, readonly string[]> = {
  // Options › Sites: one row per settings group of the known sites (lib/sites detectors' `group`).
  'sites.group.*': SITE_GROUP_IDS,
  'sites.density.*': SettingsSchema.shape.badgeDensity.unwrap().options,
  // Options › Records filter: everything, each kind, each report status.
  'records.filterName.*': ['all', 'notes', 'reports', ...REPORT_STATUSES],
  'report.statusName.*': REPORT_STATUSES,
  'groups.name.*': Object.keys(osaid.components.shape),
  'freedoms.name.*': Object.keys(osaid.freedoms.shape),
  'freedoms.help.*': Object.keys(osaid.freedoms.shape),
  // labelText / labelHint: the label with dashes as underscores.
  'label.*.text': LABELS.map((l) => l.replaceAll('-', '_')),
  'label.*.hint': LABELS.map((l) => l.replaceAll('-', '_')),
  // statusText: every status word shown in a verdict's tables and summary lines, and the MOF classes that are words.
  'status.*': [
    ...new Set([
      ...FreedomStatusSchema.options,
      ...ComponentStatusSchema.options,
      ...MofComponentVerdictSchema.shape.status.options,
      ...sideStatus,
      ...osaid.verdict.options,
      ...LicenseStatusSchema.options,
      ...VerdictSchema.shape.mof.shape.class.options.filter((c) => c === 'none' || c === 'unknown'),
    ]),
  ],
};

function sources(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** t('a.b'), tn('a.b', n), i18n.t('a.b'), and the same with a template literal. */
const LITERAL_CALL = /\b(?:i18n\.)?tn?\(\s*'([\w.]+)'/g;
const TEMPLATE_CALL = /\b(?:i18n\.)?tn?\(\s*`([^`]*)`/g;

function scan(): { literal: Map<string, string>; templates: Map<string, string> } {
  const literal = new Map<string, string>();
  const templates = new Map<string, string>();
  for (const file of UI_DIRS.flatMap((d) => sources(path.join(ROOT, d)))) {
    const src = fs.readFileSync(file, 'utf8');
    const where = path.relative(ROOT, file);
    for (const m of src.matchAll(LITERAL_CALL)) literal.set(m[1]!, where);
    for (const m of src.matchAll(TEMPLATE_CALL)) templates.set(m[1]!.replace(/\$\{[^}]*\}/g, '*'), where);
  }
  return { literal, templates };
}

const LOCALES = fs
  .readdirSync(LOCALES_DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''));

describe('locale keys', () => {
  const { literal, templates } = scan();

  it('finds the UI code and its templates', () => {
    expect(LOCALES).toContain('en');
    expect(literal.size).toBeGreaterThan(150);
    expect(templates.size).toBeGreaterThan(5);
  });

  it('every template in the UI code has its values listed here, and every listed template is still used', () => {
    const unlisted = [...templates].filter(([t]) => !(t in TEMPLATE_VALUES)).map(([t, where]) => `${t} (${where})`);
    expect(unlisted, 'add these to TEMPLATE_VALUES with every value they can take').toEqual([]);
    expect(Object.keys(TEMPLATE_VALUES).filter((t) => !templates.has(t))).toEqual([]);
    for (const [t, values] of Object.entries(TEMPLATE_VALUES)) expect(values.length, t).toBeGreaterThan(0);
  });

  it.each(LOCALES)('%s has every literal and template-built key', (lang) => {
    const catalog = readLocale(lang);
    const missing: string[] = [];
    for (const [key, where] of literal) if (!(key in catalog)) missing.push(`${key} (${where})`);
    for (const [t, values] of Object.entries(TEMPLATE_VALUES)) {
      for (const v of values) {
        const key = t.replace('*', v);
        if (!(key in catalog)) missing.push(`${key} (from ${t}, ${templates.get(t) ?? 'unused'})`);
      }
    }
    expect(missing).toEqual([]);
  });

  it.each(LOCALES.filter((l) => l !== 'en'))('%s has the same keys as English', (lang) => {
    expect(Object.keys(readLocale(lang)).sort()).toEqual(Object.keys(readLocale('en')).sort());
  });
});
