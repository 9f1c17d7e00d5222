import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatasetInfoSchema, ModelInfoSchema, parseModelCard } from '../../../lib/hub/schemas';
import { HUB_FIXTURES_DIR, loadHubFixtures } from '../../fixtures/hub/server';

const fixtures = loadHubFixtures();

describe('ModelInfoSchema', () => {
  it.each(Object.entries(fixtures.models))('accepts the fixture %s', (id, json) => {
    const r = ModelInfoSchema.safeParse(json);
    expect(r.success).toBe(true);
    expect(r.data?.id).toBe(id);
  });

  it('keeps unknown fields (loose) and reads the ones it knows', () => {
    const r = ModelInfoSchema.parse(fixtures.models['meta-llama/Llama-3.1-8B-Instruct']);
    expect(r.gated).toBe('manual');
    expect(r.cardData?.license).toBe('llama3.1');
    expect(r.cardData?.base_model).toBe('meta-llama/Meta-Llama-3.1-8B');
    expect(r.safetensors?.total).toBe(8030261248);
    expect((r as Record<string, unknown>).widgetData).toBeDefined();
  });

  it('turns wrong-typed non-essential fields into undefined instead of rejecting the record', () => {
    const odd = JSON.parse(readFileSync(join(HUB_FIXTURES_DIR, 'odd/wrong-types.json'), 'utf8'));
    const r = ModelInfoSchema.safeParse(odd);
    expect(r.success).toBe(true);
    const m = r.data!;
    expect(m.id).toBe('ajar-fixtures/wrong-types');
    expect(m.private).toBeUndefined();
    expect(m.gated).toBeUndefined();
    expect(m.downloads).toBeUndefined();
    expect(m.tags).toBeUndefined();
    expect(m.pipeline_tag).toBeUndefined();
    expect(m.safetensors).toBeUndefined();
    expect(m.cardData?.license).toBeUndefined();
    expect(m.cardData?.base_model).toEqual(['ajar-fixtures/open-base-a']);
    expect(m.cardData?.datasets).toBeUndefined();
    // Bad sibling entries are dropped one by one; a bad size does not drop the file.
    expect(m.siblings?.map((s) => s.rfilename)).toEqual(['model.safetensors']);
    expect(m.siblings?.[0]?.size).toBeUndefined();
  });

  it('rejects a record without a string id', () => {
    expect(ModelInfoSchema.safeParse({ modelId: 'a/b' }).success).toBe(false);
    expect(ModelInfoSchema.safeParse({ id: 42 }).success).toBe(false);
    expect(ModelInfoSchema.safeParse({ id: '' }).success).toBe(false);
    expect(ModelInfoSchema.safeParse([]).success).toBe(false);
    expect(ModelInfoSchema.safeParse(null).success).toBe(false);
  });

  it('accepts gated true (older answers) and a cardData that is not an object', () => {
    const r = ModelInfoSchema.parse({ id: 'a/b', gated: true, cardData: 'license: mit' });
    expect(r.gated).toBe(true);
    expect(r.cardData).toBeUndefined();
  });
});

describe('DatasetInfoSchema', () => {
  it.each(Object.entries(fixtures.datasets))('accepts the fixture %s', (id, json) => {
    const r = DatasetInfoSchema.parse(json);
    expect(r.id).toBe(id);
  });

  it('reads licence from cardData and tags', () => {
    const r = DatasetInfoSchema.parse(fixtures.datasets['sgoel9/paul_graham_essays']);
    expect(r.cardData?.license).toBe('mit');
    expect(r.tags).toContain('license:mit');
    const popqa = DatasetInfoSchema.parse(fixtures.datasets['akariasai/PopQA']);
    expect(popqa.cardData).toBeUndefined();
  });
});

describe('parseModelCard', () => {
  it('splits front matter and body', () => {
    const r = parseModelCard('---\nlicense: mit\nbase_model:\n- a/b\n---\n# Title\nbody');
    expect(r.frontMatter).toEqual({ license: 'mit', base_model: ['a/b'] });
    expect(r.cardData?.license).toBe('mit');
    expect(r.body).toBe('# Title\nbody');
    expect(r.notes).toEqual([]);
  });

  it('handles CRLF line ends and a BOM', () => {
    const r = parseModelCard('\uFEFF---\r\nlicense: apache-2.0\r\n---\r\nbody\r\n');
    expect(r.cardData?.license).toBe('apache-2.0');
    expect(r.body).toBe('body\r\n');
    const olmoe = parseModelCard(fixtures.cards['allenai/OLMoE-1B-7B-0924']!);
    expect(olmoe.cardData?.license).toBe('apache-2.0');
    expect(olmoe.body.startsWith('\r\n<img')).toBe(true);
  });

  it('tolerates no front matter', () => {
    const text = '# Just Markdown\n\n---\n\nA rule above is not front matter.';
    const r = parseModelCard(text);
    expect(r.frontMatter).toBeNull();
    expect(r.body).toBe(text);
    expect(r.notes).toEqual([]);
  });

  it('treats front matter that does not open the file as body', () => {
    const r = parseModelCard('\n---\nlicense: mit\n---\n');
    expect(r.frontMatter).toBeNull();
  });

  it('reports bad YAML as a note and keeps the body', () => {
    const r = parseModelCard('---\nlicense: [mit\n  - : :\n---\nthe body');
    expect(r.frontMatter).toBeNull();
    expect(r.body).toBe('the body');
    expect(r.notes[0]).toMatch(/invalid YAML/);
  });

  it('ignores front matter that is not a mapping, and empty front matter', () => {
    expect(parseModelCard('---\n- a\n- b\n---\nx').notes[0]).toMatch(/not a key\/value mapping/);
    const empty = parseModelCard('---\n---\nx');
    expect(empty.frontMatter).toBeNull();
    expect(empty.body).toBe('x');
  });

  it('survives alias bombs and odd input without throwing', () => {
    const bomb = ['---', 'a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 12; i++)
      bomb.push(
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`,
      );
    bomb.push('---', 'body');
    const r = parseModelCard(bomb.join('\n'));
    expect(r.frontMatter).toBeNull();
    expect(r.notes.length).toBe(1);
    expect(parseModelCard(undefined as unknown as string).body).toBe('');
    expect(parseModelCard('---').frontMatter).toBeNull();
  });

  it('reads every fixture card without throwing', () => {
    for (const [id, text] of Object.entries(fixtures.cards)) {
      const r = parseModelCard(text);
      expect(r.notes, id).toEqual([]);
    }
    expect(parseModelCard(fixtures.cards['google-t5/t5-base']!).cardData?.datasets).toEqual(['c4']);
  });

  // The shared corpus is not part of the repo: this sweep runs only where it is mounted.
  const corpus = '/work/shared/corpus/model_cards';
  it.skipIf(!existsSync(corpus))('reads every card of the shared corpus (when present)', () => {
    for (const f of readdirSync(corpus)) {
      const r = parseModelCard(readFileSync(join(corpus, f), 'utf8'));
      expect(r.notes, f).toEqual([]);
      if (f.endsWith('.README.md') && !f.includes('Llama-2-7b-chat') && !f.includes('early-TII')) {
        expect(r.frontMatter, f).not.toBeNull();
      }
    }
  });
});
