import { describe, expect, it } from 'vitest';
import { hubUrls, type HubResult } from '../../../lib/hub/client';
import { DatasetInfoSchema, ModelInfoSchema, type DatasetInfo, type ModelInfo } from '../../../lib/hub/schemas';
import {
  classifyDataset,
  codeRepoRoot,
  declaredBaseModels,
  declaredDatasets,
  declaredLicense,
  extractCodeLinks,
  extractGating,
  extractLicense,
  extractPapers,
  extractWeights,
  findInheritanceConflict,
  inferBaseRelation,
  inheritableBase,
  modelApiSource,
  safeAssess,
  weightFormat,
} from '../../../lib/evidence/extract';
import type { BaseModelEvidence } from '../../../lib/evidence/types';
import { loadHubFixtures } from '../../fixtures/hub/server';

const fixtures = loadHubFixtures();
const urls = hubUrls();
const model = (id: string): ModelInfo => ModelInfoSchema.parse(fixtures.models[id]);
const dataset = (id: string): DatasetInfo => DatasetInfoSchema.parse(fixtures.datasets[id]);
const okDataset = (id: string): HubResult<DatasetInfo> => ({
  ok: true,
  data: dataset(id),
  fetchedAt: '2025-09-23T00:00:00.000Z',
  fromCache: false,
});

const RECORDED: Record<
  string,
  {
    license: string;
    gated: string;
    formats: string[];
    fileCount: number;
    papers: number;
    datasets: string[];
    bases: Array<[string, string]>;
  }
> = {
  'google-t5/t5-base': {
    license: 'apache-2.0',
    gated: 'none',
    formats: ['bin', 'h5', 'msgpack', 'ot', 'safetensors'],
    fileCount: 5,
    papers: 8,
    datasets: ['c4'],
    bases: [],
  },
  'google/flan-t5-base': {
    license: 'apache-2.0',
    gated: 'none',
    formats: ['bin', 'h5', 'msgpack', 'safetensors'],
    fileCount: 4,
    papers: 2,
    datasets: [
      'svakulenk0/qrecc',
      'taskmaster2',
      'djaym7/wiki_dialog',
      'deepmind/code_contests',
      'lambada',
      'gsm8k',
      'aqua_rat',
      'esnli',
      'quasc',
      'qed',
    ],
    bases: [],
  },
  'meta-llama/Llama-2-7b-hf': {
    license: 'llama2',
    gated: 'manual',
    formats: ['bin', 'safetensors'],
    fileCount: 4,
    papers: 1,
    datasets: [],
    bases: [],
  },
  'meta-llama/Llama-3.1-8B-Instruct': {
    license: 'llama3.1',
    gated: 'manual',
    formats: ['pt', 'safetensors'],
    fileCount: 5,
    papers: 1,
    datasets: [],
    // The card still names the pre-rename id; the Hub's tags carry the current one.
    bases: [
      ['meta-llama/Llama-3.1-8B', 'finetune'],
      ['meta-llama/Meta-Llama-3.1-8B', 'unknown'],
    ],
  },
  'meta-llama/Llama-3.2-1B': {
    license: 'llama3.2',
    gated: 'manual',
    formats: ['pt', 'safetensors'],
    fileCount: 2,
    papers: 2,
    datasets: [],
    bases: [],
  },
  'meta-llama/Meta-Llama-3-8B': {
    license: 'llama3',
    gated: 'manual',
    formats: ['pt', 'safetensors'],
    fileCount: 5,
    papers: 0,
    datasets: [],
    bases: [],
  },
  'OrionLLM/GRM-2.6-Opus': {
    license: 'apache-2.0',
    gated: 'none',
    formats: ['safetensors'],
    fileCount: 14,
    papers: 0,
    datasets: [],
    bases: [
      ['OrionLLM/GRM-2.6-Plus', 'merge'],
      ['rico03/Qwen3.6-27B-Claude-Opus-Reasoning-Distilled', 'merge'],
    ],
  },
  'ggml-org/gemma-3-1b-it-GGUF': {
    license: 'gemma',
    gated: 'none',
    formats: ['gguf'],
    fileCount: 3,
    papers: 28,
    datasets: [],
    bases: [['google/gemma-3-1b-it', 'quantized']],
  },
};

describe('extraction on every recorded Hub response', () => {
  it('covers every recorded fixture', () => {
    for (const id of Object.keys(RECORDED)) expect(fixtures.models[id], id).toBeDefined();
  });

  it.each(Object.entries(RECORDED))('%s', (id, want) => {
    const info = model(id);
    const src = modelApiSource(urls, id);
    expect(src.url).toBe(`https://huggingface.co/api/models/${id}`);

    const lic = extractLicense(info.cardData, info.tags, src);
    expect(lic?.declared.license).toBe(want.license);
    expect(lic?.assessment.input).toContain(want.license);
    expect(lic?.source).toEqual(src);

    expect(extractGating(info.gated)).toBe(want.gated);

    const w = extractWeights(info.siblings, src);
    expect(w.status).toBe('present');
    expect(w.formats).toEqual(want.formats);
    expect(w.fileCount).toBe(want.fileCount);
    expect(w.source).toEqual(src);

    const papers = extractPapers(info.tags);
    expect(papers).toHaveLength(want.papers);
    for (const p of papers) expect(p.url).toBe(`https://arxiv.org/abs/${p.id}`);

    expect(declaredDatasets(info.cardData, info.tags)).toEqual(want.datasets);
    expect(declaredBaseModels(info, info.cardData).map((b) => [b.id, b.relation])).toEqual(want.bases);
  });

  it('reads the restricted Llama and Gemma licences as restricted, Apache as open', () => {
    const status = (id: string) => {
      const info = model(id);
      return extractLicense(info.cardData, info.tags, modelApiSource(urls, id))?.assessment.status;
    };
    expect(status('meta-llama/Llama-3.1-8B-Instruct')).toBe('restricted');
    expect(status('meta-llama/Llama-2-7b-hf')).toBe('restricted');
    expect(status('ggml-org/gemma-3-1b-it-GGUF')).toBe('restricted');
    expect(status('google-t5/t5-base')).toBe('open');
  });
});

describe('declaredLicense', () => {
  it('prefers card metadata, falls back to license: tags, returns null when nothing is declared', () => {
    expect(declaredLicense({ license: 'mit' }, ['license:apache-2.0'])).toMatchObject({
      license: 'mit',
      from: 'cardData',
    });
    expect(declaredLicense(undefined, ['license:apache-2.0'])).toMatchObject({ license: 'apache-2.0', from: 'tags' });
    expect(declaredLicense(undefined, ['license:mit', 'license:cc-by-4.0'])?.license).toEqual(['mit', 'cc-by-4.0']);
    expect(declaredLicense({}, ['transformers'])).toBeNull();
    expect(declaredLicense(null, undefined)).toBeNull();
  });
  it('keeps license_name and license_link (FLUX.1-dev style)', () => {
    const d = declaredLicense(
      { license: 'other', license_name: 'flux-1-dev-non-commercial-license', license_link: 'LICENSE.md' },
      [],
    );
    expect(d).toEqual({
      license: 'other',
      licenseName: 'flux-1-dev-non-commercial-license',
      licenseLink: 'LICENSE.md',
      from: 'cardData',
    });
  });
  it('never throws, even on odd input', () => {
    expect(safeAssess({ license: 'a licence nobody has heard of' }).status).toBe('unknown');
  });
});

describe('extractGating', () => {
  it.each([
    [false, 'none'],
    ['auto', 'auto'],
    ['manual', 'manual'],
    [true, 'unknown'],
    [undefined, 'unknown'],
  ] as const)('%j → %s', (g, want) => expect(extractGating(g)).toBe(want));
});

describe('weights', () => {
  it.each([
    ['model.safetensors', 'safetensors'],
    ['model-00001-of-00004.safetensors', 'safetensors'],
    ['adapter_model.safetensors', 'safetensors'],
    ['model.safetensors.index.json', null],
    ['pytorch_model.bin', 'bin'],
    ['pytorch_model-00001-of-00002.bin', 'bin'],
    ['diffusion_pytorch_model.bin', 'bin'],
    ['adapter_model.bin', 'bin'],
    ['ggml-model-q4_0.bin', 'bin'],
    ['training_args.bin', null],
    ['optimizer.bin', null],
    ['tokenizer.bin', null],
    ['original/consolidated.00.pth', 'pt'],
    ['optimizer.pt', null],
    ['rng_state_0.pth', null],
    ['scheduler.pt', null],
    ['gemma-3-1b-it-Q4_K_M.gguf', 'gguf'],
    ['onnx/model.onnx', 'onnx'],
    ['onnx/model.onnx_data', 'onnx'],
    ['sd-v1-4.ckpt', 'ckpt'],
    ['tf_model.h5', 'h5'],
    ['flax_model.msgpack', 'msgpack'],
    ['model.tflite', 'tflite'],
    ['Model.mlmodel', 'mlmodel'],
    ['coreml/Model.mlpackage/Data/com.apple.CoreML/weights/weight.bin', 'mlpackage'],
    ['model.nemo', 'nemo'],
    ['model.ggml', 'ggml'],
    ['model.pdparams', 'pdparams'],
    ['rust_model.ot', 'ot'],
    ['README.md', null],
    ['tokenizer.json', null],
    ['spiece.model', null],
  ])('%s → %s', (file, want) => expect(weightFormat(file)).toBe(want));

  it('is unknown without a file list, absent when the list has no weights', () => {
    const src = modelApiSource(urls, 'a/b');
    expect(extractWeights(undefined, src)).toEqual({ status: 'unknown', formats: [], fileCount: 0, source: null });
    expect(extractWeights([{ rfilename: 'README.md' }, { rfilename: '.gitattributes' }], src)).toMatchObject({
      status: 'absent',
      fileCount: 0,
      source: src,
    });
    expect(extractWeights([], src).status).toBe('absent');
  });
});

describe('papers', () => {
  it('keeps well-formed arXiv ids only, de-duplicated', () => {
    expect(
      extractPapers([
        'arxiv:2307.09288',
        'arxiv:2307.09288',
        'arxiv:hep-th/9901001',
        'arxiv:2402.00002v2',
        'arxiv:../x',
        'arxiv:',
      ]),
    ).toEqual([
      { id: '2307.09288', url: 'https://arxiv.org/abs/2307.09288' },
      { id: 'hep-th/9901001', url: 'https://arxiv.org/abs/hep-th/9901001' },
      { id: '2402.00002v2', url: 'https://arxiv.org/abs/2402.00002v2' },
    ]);
    expect(extractPapers(undefined)).toEqual([]);
  });
});

describe('code links', () => {
  it.each([
    ['https://github.com/allenai/OLMo', 'https://github.com/allenai/OLMo'],
    ['https://github.com/allenai/OLMo?tab=readme-ov-file#fine-tuning', 'https://github.com/allenai/OLMo'],
    [
      'https://github.com/EleutherAI/pythia/blob/main/README.md#reproducing-training',
      'https://github.com/EleutherAI/pythia',
    ],
    ['https://github.com/huggingface/transformers.git@main', 'https://github.com/huggingface/transformers'],
    ['https://github.com/openlm-research/open_llama}', 'https://github.com/openlm-research/open_llama'],
    [
      'https://github.com/meta-llama/llama-models/blob/main/models/llama3\\_3/LICENSE',
      'https://github.com/meta-llama/llama-models',
    ],
    ['http://www.github.com/facebookresearch/llama', 'https://github.com/facebookresearch/llama'],
    ['https://raw.githubusercontent.com/org/repo/main/x.py', 'https://github.com/org/repo'],
    ['https://gitlab.com/group/sub/project/-/tree/main', 'https://gitlab.com/group/sub/project'],
    ['https://codeberg.org/owner/repo.git', 'https://codeberg.org/owner/repo'],
    ['https://github.com/finetuneanon/', null],
    ['https://github.com/Stability-AI/', null],
    ['https://github.com/orgs/huggingface/repositories', null],
    ['https://gitlab.com/justagroup', null],
    ['https://example.com/a/b', null],
  ])('%s → %s', (url, want) => expect(codeRepoRoot(url)).toBe(want));

  it('finds repositories in the body and metadata, not in gating prompts, and sets tooling apart', () => {
    const body = [
      'Code: https://github.com/org/train (and https://github.com/org/train/tree/main/scripts).',
      'Install `pip install git+https://github.com/huggingface/transformers.git`.',
      'Mirror: [here](https://gitlab.com/org/mirror/-/blob/main/README.md), https://codeberg.org/org/eval.',
    ].join('\n');
    const meta = {
      repo: 'https://github.com/org/from-yaml',
      extra_gated_prompt: 'see https://github.com/org/licence-text',
    };
    expect(extractCodeLinks(body, meta)).toEqual({
      links: [
        'https://github.com/org/from-yaml',
        'https://github.com/org/train',
        'https://gitlab.com/org/mirror',
        'https://codeberg.org/org/eval',
      ],
      tooling: ['https://github.com/huggingface/transformers'],
    });
    expect(extractCodeLinks(null, null)).toEqual({ links: [], tooling: [] });
  });

  it('reads the recorded T5 card', () => {
    const { links } = extractCodeLinks(fixtures.cards['google-t5/t5-base'], null);
    expect(links).toContain('https://github.com/google-research/text-to-text-transfer-transformer');
  });
});

describe('base models', () => {
  it('uses the card relation, then inference, then unknown', () => {
    expect(
      declaredBaseModels({ id: 'x/y', tags: [] }, { base_model: ['a/b', 'c/d'], base_model_relation: 'merge' }).map(
        (b) => b.relation,
      ),
    ).toEqual(['merge', 'merge']);
    const inferred = declaredBaseModels({ id: 'x/y', tags: ['gguf'] }, { base_model: 'a/b' });
    expect(inferred).toEqual([
      { id: 'a/b', relation: 'quantized', relationFrom: 'inferred', inferredFrom: 'tag gguf' },
    ]);
    expect(declaredBaseModels({ id: 'x/y', tags: [] }, { base_model: 'a/b' })[0]).toMatchObject({
      relation: 'unknown',
      relationFrom: 'none',
    });
  });
  it('ignores a model naming itself as its base', () => {
    expect(declaredBaseModels({ id: 'x/y', tags: ['base_model:x/y'] }, { base_model: 'X/Y' })).toEqual([]);
  });
  it('infers adapters from files and peft', () => {
    expect(inferBaseRelation({ siblings: [{ rfilename: 'adapter_config.json' }] })).toEqual({
      relation: 'adapter',
      from: 'file adapter_config.json',
    });
    expect(inferBaseRelation({ library_name: 'peft' }).relation).toBe('adapter');
    expect(inferBaseRelation({ tags: ['mergekit'] }).relation).toBe('merge');
    expect(inferBaseRelation({ tags: ['transformers'] }).relation).toBe('unknown');
  });
  it('reads the synthetic adapter, merge and quantization fixtures', () => {
    const rel = (id: string) =>
      declaredBaseModels(model(id), model(id).cardData).map((b) => [b.id, b.relation, b.relationFrom]);
    expect(rel('ajar-fixtures/llama-3.2-1b-lora')).toEqual([['meta-llama/Llama-3.2-1B', 'adapter', 'tag']]);
    expect(rel('ajar-fixtures/open-merge-7b')).toEqual([
      ['ajar-fixtures/open-base-a', 'merge', 'tag'],
      ['ajar-fixtures/open-base-b', 'merge', 'tag'],
    ]);
    expect(rel('ajar-fixtures/Llama-3.1-8B-Instruct-GGUF')).toEqual([
      ['meta-llama/Llama-3.1-8B-Instruct', 'quantized', 'tag'],
    ]);
  });
});

describe('inheritance', () => {
  const assess = (license: string) => safeAssess({ license });
  const base = (
    id: string,
    license: string | null,
    depth = 1,
    relation: BaseModelEvidence['relation'] = 'finetune',
  ): BaseModelEvidence => ({
    id,
    relation,
    license: license === null ? null : assess(license),
    hubStatus: license === null ? 'not-found' : 'ok',
    source: modelApiSource(urls, id),
    via: 'me/model',
    depth,
  });

  it('flags MIT on a Llama 3.1 fine-tune', () => {
    const c = findInheritanceConflict(assess('mit'), [base('meta-llama/Llama-3.1-8B-Instruct', 'llama3.1')]);
    expect(c?.baseId).toBe('meta-llama/Llama-3.1-8B-Instruct');
    expect(c?.reason).toMatch(/cannot grant more/);
  });

  it('does not flag the same licence, an open base, or an unreadable base', () => {
    expect(findInheritanceConflict(assess('llama3.1'), [base('m/l', 'llama3.1')])).toBeNull();
    expect(findInheritanceConflict(assess('mit'), [base('m/a', 'apache-2.0')])).toBeNull();
    expect(findInheritanceConflict(assess('mit'), [base('m/x', null)])).toBeNull();
    expect(findInheritanceConflict(null, [base('m/l', 'llama3.1')])).toBeNull();
  });

  it('inherits only a single licence the direct bases agree on', () => {
    expect(inheritableBase([base('m/l', 'llama3.2')])?.id).toBe('m/l');
    expect(inheritableBase([base('m/l', 'llama3.2'), base('m/a', 'apache-2.0')])).toBeNull();
    expect(inheritableBase([base('m/x', null)])).toBeNull();
    expect(inheritableBase([base('m/l', 'llama3.2', 2)])).toBeNull();
    expect(inheritableBase([])).toBeNull();
  });
});

describe('dataset data classes', () => {
  const classOf = (id: string) => classifyDataset(id, okDataset(id), urls);

  it('open: an open data licence, not gated', () => {
    const d = classOf('ajar-fixtures/open-corpus');
    expect(d).toMatchObject({ dataClass: 'open', gated: 'none', hubStatus: 'ok' });
    expect(d.source.url).toBe('https://huggingface.co/api/datasets/ajar-fixtures/open-corpus');
    expect(d.license?.input).toContain('cc-by-4.0');
  });
  it('open as declared, with the caveat, for the MIT-labelled essays', () => {
    const d = classOf('sgoel9/paul_graham_essays');
    expect(d.dataClass).toBe('open');
    expect(d.reason).toMatch(/declared by the uploader/);
  });
  it('public: a non-commercial licence', () => {
    expect(classOf('ajar-fixtures/nc-corpus').dataClass).toBe('public');
  });
  it('public: no licence declared (PopQA)', () => {
    const d = classOf('akariasai/PopQA');
    expect(d).toMatchObject({ dataClass: 'public', license: null });
    expect(d.reason).toMatch(/no licence is declared/);
  });
  it('obtainable: gated, whatever the licence', () => {
    expect(classOf('ajar-fixtures/gated-corpus')).toMatchObject({ dataClass: 'obtainable', gated: 'auto' });
  });
  it('unshareable: private', () => {
    expect(classOf('ajar-fixtures/private-corpus').dataClass).toBe('unshareable');
  });
  it('unknown: not found, unreachable, not fetched, not a Hub id, gating not stated', () => {
    expect(
      classifyDataset('a/missing', { ok: false, status: 'not-found', message: 'x', httpStatus: 404 }, urls),
    ).toMatchObject({ dataClass: 'unknown', hubStatus: 'not-found' });
    expect(classifyDataset('a/b', { ok: false, status: 'unreachable', message: 'down' }, urls).reason).toMatch(
      /could not be read/,
    );
    expect(classifyDataset('a/b', null, urls, 'over the limit')).toMatchObject({
      dataClass: 'unknown',
      reason: 'over the limit',
    });
    expect(classifyDataset('internal web crawl', null, urls)).toMatchObject({
      dataClass: 'unknown',
      reason: expect.stringMatching(/not a Hugging Face dataset id/),
    });
    const noGating: HubResult<DatasetInfo> = {
      ok: true,
      data: { id: 'a/b', cardData: { license: 'cc0-1.0' } },
      fetchedAt: 'x',
      fromCache: false,
    };
    expect(classifyDataset('a/b', noGating, urls).dataClass).toBe('unknown');
  });
});
