// @vitest-environment node
// Builds a pack from a small copy of the shared data with broken files mixed in.
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildKnowledgePack, type BuildReport } from '../../../scripts/knowledge/build';
import type { KnowledgePack } from '../../../lib/knowledge/types';

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
const dataDir = resolve(repoRoot, process.env.AJAR_SHARED_DATA ?? '../shared/data');
const hasData = existsSync(join(dataDir, 'osai-index/OLMo.yaml')) && existsSync(join(dataDir, 'mof/models/Grok-1.yml'));

describe.skipIf(!hasData)('buildKnowledgePack on damaged data', () => {
  let dir = '';
  let pack: KnowledgePack;
  let report: BuildReport;
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  // In beforeAll, not the describe body: a skipped suite's body still runs at collection.
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ajar-knowledge-'));
    const copy = (p: string) => cpSync(join(dataDir, p), join(dir, p), { recursive: true });
    mkdirSync(join(dir, 'osai-index'), { recursive: true });
    mkdirSync(join(dir, 'mof/models'), { recursive: true });
    for (const p of [
      'osai-index/OLMo.yaml',
      'osai-index/Grok.yaml',
      'osai-index/_parameters.yml',
      'osai-index/a_submission_template.yaml',
      'osai-index/SOURCE.txt',
      'mof/models/Grok-1.yml',
      'mof/models/OLMo-7B.yml',
      'mof/schema',
      'mof/licenses',
      'mof/SOURCE.txt',
      'osi-validation.tsv',
      'hf-licenses.tsv',
      'license-clauses.tsv',
    ])
      copy(p);
    writeFileSync(join(dir, 'osai-index/Broken.yaml'), 'system:\n  name: [unclosed\n  link: x\n');
    writeFileSync(join(dir, 'osai-index/Empty.yaml'), '# nothing here\n');
    writeFileSync(join(dir, 'mof/models/Broken.yml'), 'release:\n\tname: tab-indented\n');
    writeFileSync(
      join(dir, 'osai-index/Emoji.yaml'),
      'system:\n  name: Emoji Model\n  link: ["https://huggingface.co/org/emoji-model", "https://example.com"]\n' +
        'weights_endmodel:\n  class: 🟩 open\n  link: https://huggingface.co/org/emoji-model\n  notes: prose that must not travel\n' +
        'licenses:\n  class: 🟧\n  link:\n',
    );
    ({ pack, report } = buildKnowledgePack(dir));
  });

  it('skips unreadable files and says which', () => {
    const skipped = report.skipped.map((s) => s.file).sort();
    expect(skipped).toEqual(['mof/models/Broken.yml', 'osai-index/Broken.yaml', 'osai-index/Empty.yaml']);
    for (const s of report.skipped) expect(s.reason.length).toBeGreaterThan(0);
  });

  it('keeps the readable records and skips the template', () => {
    expect(pack.index.map((r) => r.key)).toEqual(['Emoji', 'Grok', 'OLMo']);
    expect(pack.mot.map((r) => r.key)).toEqual(['Grok-1', 'OLMo-7B']);
    expect(report.counts).toMatchObject({ index: 3, mot: 2, skipped: 3 });
  });

  it('normalises emoji classes and link lists, and drops notes', () => {
    const r = pack.index.find((x) => x.key === 'Emoji')!;
    expect(r.link).toBe('https://huggingface.co/org/emoji-model');
    expect(r.dimensions.weights_endmodel).toEqual({ class: 'open', links: ['https://huggingface.co/org/emoji-model'] });
    expect(r.dimensions.licenses).toEqual({ class: 'partial', links: [] });
    expect(r.dimensions.paper).toEqual({ class: null, links: [] });
    expect(r.hfRepos).toEqual(['org/emoji-model']);
    expect(JSON.stringify(pack)).not.toContain('prose that must not travel');
  });
});
