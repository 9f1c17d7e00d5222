// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  LABEL_ANSI,
  LABEL_COLORS,
  LABEL_GLYPH,
  LABEL_HINT,
  LABEL_PHRASE,
  LABEL_TEXT,
  STATUS_SYMBOL,
  TOOLBAR_LABEL_COLORS,
} from '../../lib/labels';
import { ComponentStatusSchema, LABELS } from '../../lib/verdict/schema';
import { FreedomStatusSchema } from '../../lib/licenses/types';

const en = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../locales/en.json'), 'utf8')) as {
  label: Record<string, { text: string; hint: string }>;
};

describe('lib/labels: label words, glyphs and colours in one place', () => {
  it.each(LABELS.map((l) => [l]))('%s has words, a glyph entry and colours everywhere', (label) => {
    for (const table of [LABEL_TEXT, LABEL_HINT, LABEL_PHRASE, LABEL_ANSI, TOOLBAR_LABEL_COLORS])
      expect(table[label]).toBeTruthy();
    expect(label in LABEL_GLYPH).toBe(true);
    for (const theme of ['light', 'dark'] as const) {
      for (const c of Object.values(LABEL_COLORS[theme][label])) expect(c).toMatch(/^#[0-9a-f]{6}$/i);
    }
  });

  it('the English catalog says what LABEL_TEXT and LABEL_HINT say (the popup reads the catalog)', () => {
    for (const label of LABELS) {
      const entry = en.label[label.replaceAll('-', '_')];
      expect(entry, label).toEqual({ text: LABEL_TEXT[label], hint: LABEL_HINT[label] });
    }
  });

  it('every freedom and component status has a symbol', () => {
    for (const s of [
      ...FreedomStatusSchema.options,
      ...ComponentStatusSchema.options,
      'present',
      'yes',
      'no',
      'pass',
      'fail',
    ]) {
      expect(STATUS_SYMBOL[s], s).toMatch(/^[✔✘?]$/);
    }
  });
});
