import { describe, expect, it } from 'vitest';
import {
  FREEDOMS,
  LicenseFamilySchema,
  assessLicense,
  licenseFamilies,
  licenseFamily,
  licenseUrl,
} from '../../../lib/licenses';

/** Real-world ways each family is declared: by name (license_name or free text) and by licence link. */
const NAMES: Record<string, string[]> = {
  llama2: ['llama2', 'Llama 2 Community License', 'LLAMA 2 COMMUNITY LICENSE AGREEMENT'],
  llama3: ['llama3', 'Meta Llama 3 Community License Agreement', 'Llama 3 Community License'],
  'llama3.1': ['llama3.1', 'Llama 3.1 Community License', 'llama3_1'],
  'llama3.2': ['llama3.2', 'Llama 3.2 Community License Agreement'],
  'llama3.3': ['llama3.3', 'LLAMA 3.3 COMMUNITY LICENSE AGREEMENT'],
  llama4: ['llama4', 'Llama 4 Community License Agreement'],
  gemma: ['gemma', 'Gemma Terms of Use', 'Gemma'],
  qwen: ['qwen', 'Qwen LICENSE AGREEMENT', 'Qwen License Agreement (2024-09-19)'],
  'qwen-research': ['qwen-research', 'Qwen RESEARCH LICENSE AGREEMENT'],
  'tongyi-qianwen': ['tongyi-qianwen', 'tongyi-qianwen-license-agreement', 'Tongyi Qianwen LICENSE AGREEMENT'],
  'tongyi-qianwen-research': ['tongyi-qianwen-research', 'Tongyi Qianwen RESEARCH LICENSE AGREEMENT'],
  deepseek: ['deepseek', 'deepseek-license', 'DeepSeek License Agreement', 'DEEPSEEK LICENSE AGREEMENT Version 1.0'],
  mnpl: ['mnpl', 'Mistral AI Non-Production License', 'MNPL-0.1'],
  mrl: ['mrl', 'Mistral AI Research License', 'MRL-0.1'],
  'stabilityai-ai-community': [
    'stabilityai-ai-community',
    'Stability AI Community License Agreement',
    'stable-audio-community',
  ],
  'falcon-180b': ['falcon-180b-license', 'Falcon 180B TII License', 'Falcon-180B TII License Version 1.0'],
  'tii-falcon': ['tii-falcon-license', 'falcon-llm-license', 'TII Falcon License 2.0'],
  'flux-1-dev-non-commercial-license': ['flux-1-dev-non-commercial-license', 'FLUX.1 [dev] Non-Commercial License'],
  'bigscience-openrail-m': ['bigscience-openrail-m', 'BigScience OpenRAIL-M'],
  'creativeml-openrail-m': ['creativeml-openrail-m', 'CreativeML Open RAIL-M License'],
  'openrail++': ['openrail++', 'Open Rail++-M License', 'CreativeML Open RAIL++-M License'],
  'bigcode-openrail-m': ['bigcode-openrail-m', 'BigCode Open RAIL-M v1 License Agreement'],
  'bigscience-bloom-rail-1.0': ['bigscience-bloom-rail-1.0', 'BigScience RAIL License v1.0'],
  openrail: ['openrail', 'OpenRAIL', 'OpenRAIL-M'],
  'apple-ascl': ['apple-ascl', 'Apple Sample Code License', 'apple-sample-code-license'],
  'apple-amlr': ['apple-amlr', 'Apple Machine Learning Research Model License Agreement'],
  'deepfloyd-if-license': ['deepfloyd-if-license', 'DeepFloyd IF Research License Agreement'],
  'fair-noncommercial-research-license': ['fair-noncommercial-research-license', 'FAIR Noncommercial Research License'],
  'intel-research': ['intel-research', 'Intel Research Use License Agreement'],
  'h-research': ['h-research', 'H Research License'],
  'grok2-community': ['grok2-community', 'Grok 2 Community License Agreement'],
  openmdw: ['openmdw-1.0', 'OpenMDW', 'Open Model, Data & Weights License Agreement'],
  'cc-by-nc-4.0': [
    'CC BY-NC 4.0',
    'Creative Commons Attribution Non Commercial 4.0',
    'Attribution-NonCommercial 4.0 International',
  ],
  'cc-by-nd-4.0': ['CC BY-ND 4.0', 'Attribution-NoDerivatives 4.0 International'],
  'cc-by-nc-sa-4.0': ['Creative Commons Attribution Non Commercial Share Alike 4.0'],
  'ai2-impact-license-low-risk': [
    'ai2-impact-license-low-risk',
    'AI2 ImpACT License – Low Risk Artifacts',
    'AI2 ImpACT License - Low Risk Artifacts (LR Agreement)',
  ],
  'ai2-impact-license-medium-risk': ['ai2-impact-license-medium-risk', 'AI2 ImpACT License – Medium Risk Artifacts'],
  'ai2-impact-license-high-risk': ['ai2-impact-license-high-risk', 'AI2 ImpACT License - High Risk Artifacts'],
  'opt-175b': ['OPT-175B License Agreement', 'opt-175b-license', 'OPT-175B LICENSE AGREEMENT'],
  'microsoft-research-license': [
    'microsoft-research-license',
    'Microsoft Research License',
    'MICROSOFT RESEARCH LICENSE TERMS',
  ],
  'jamba-open-model-license': ['jamba-open-model-license', 'Jamba Open Model License Agreement'],
  'nvidia-open-model-license': [
    'nvidia-open-model-license',
    'NVIDIA Open Model License Agreement',
    'nvidia-nemotron-open-model-license',
  ],
  'tencent-hunyuan-community': [
    'tencent-hunyuan-community',
    'TENCENT HUNYUAN COMMUNITY LICENSE AGREEMENT',
    'tencent-hunyuan',
  ],
  'baichuan-community': [
    'baichuan2-community-license',
    'Community License for Baichuan 2 Model',
    'Baichuan 2 Model Community License Agreement',
  ],
  'yi-license': ['yi-license', 'Yi Series Models Community License Agreement'],
  'internlm-license': ['internlm-license', 'InternLM License'],
  'glm-license': ['glm-4', 'The ChatGLM3-6B License', 'chatglm3-6b', 'glm-4-9b-license'],
  'minicpm-general-model-license': ['General Model License', 'minicpm-model-license', 'gml'],
  exaone: ['exaone', 'EXAONE AI Model License Agreement 1.1 - NC'],
};

const LINKS: Record<string, string[]> = {
  llama2: ['https://huggingface.co/meta-llama/Llama-2-7b-chat-hf/blob/main/LICENSE.txt'],
  llama3: [
    'https://llama.meta.com/llama3/license',
    'https://www.llama.com/llama3/license/',
    'https://huggingface.co/meta-llama/Meta-Llama-3-8B/blob/main/LICENSE',
    'https://github.com/meta-llama/llama3/blob/main/LICENSE',
  ],
  'llama3.1': [
    'https://www.llama.com/llama3_1/license/',
    'https://huggingface.co/meta-llama/Meta-Llama-3.1-70B-Instruct/blob/main/LICENSE',
    'https://github.com/meta-llama/llama-models/blob/main/models/llama3_1/LICENSE',
  ],
  'llama3.2': [
    'https://huggingface.co/meta-llama/Llama-3.2-1B/blob/main/LICENSE.txt',
    'https://www.llama.com/llama3_2/license/',
  ],
  'llama3.3': [
    'https://github.com/meta-llama/llama-models/blob/main/models/llama3_3/LICENSE',
    'https://huggingface.co/meta-llama/Llama-3.3-70B-Instruct/blob/main/LICENSE',
  ],
  llama4: ['https://huggingface.co/meta-llama/Llama-4-Scout-17B-16E-Instruct/blob/main/LICENSE'],
  gemma: ['https://ai.google.dev/gemma/terms'],
  qwen: [
    'https://huggingface.co/Qwen/Qwen2.5-72B-Instruct/blob/main/LICENSE',
    'https://huggingface.co/Qwen/QVQ-72B-Preview/blob/main/LICENSE',
  ],
  'qwen-research': ['https://huggingface.co/Qwen/Qwen2.5-Coder-3B-Instruct-GPTQ-Int4/blob/main/LICENSE'],
  'tongyi-qianwen': ['https://github.com/QwenLM/Qwen/blob/main/Tongyi%20Qianwen%20LICENSE%20AGREEMENT'],
  'tongyi-qianwen-research': ['https://huggingface.co/Qwen/Qwen1.5-0.5B-Chat/blob/main/LICENSE'],
  deepseek: [
    'https://github.com/deepseek-ai/DeepSeek-V3/blob/main/LICENSE-MODEL',
    'https://huggingface.co/deepseek-ai/DeepSeek-V2/blob/main/LICENSE-MODEL',
  ],
  mnpl: ['https://mistral.ai/licenses/MNPL-0.1.md', 'https://mistral.ai/licences/MNPL-0.1.md'],
  mrl: ['https://mistral.ai/licenses/MRL-0.1.md'],
  'stabilityai-ai-community': [
    'https://huggingface.co/stabilityai/stable-diffusion-3.5-large/blob/main/LICENSE.md',
    'https://huggingface.co/stabilityai/stablelm-2-1_6b/blob/main/LICENSE.md',
    'https://stability.ai/community-license-agreement',
  ],
  'falcon-180b': ['https://huggingface.co/spaces/tiiuae/falcon-180b-license/blob/main/LICENSE.txt'],
  'tii-falcon': [
    'https://falconllm.tii.ae/falcon-terms-and-conditions.html',
    'https://falconllm-staging.tii.ae/falcon-2-terms-and-conditions.html',
  ],
  'flux-1-dev-non-commercial-license': [
    'https://huggingface.co/black-forest-labs/FLUX.1-dev/blob/main/LICENSE.md',
    'https://huggingface.co/black-forest-labs/FLUX.1-Kontext-dev/blob/main/LICENSE.md',
    'https://github.com/black-forest-labs/flux/blob/main/model_licenses/LICENSE-FLUX1-dev',
  ],
  'creativeml-openrail-m': ['https://huggingface.co/spaces/CompVis/stable-diffusion-license'],
  'openrail++': ['https://huggingface.co/stabilityai/stable-diffusion-xl-base-1.0/blob/main/LICENSE.md'],
  'bigscience-openrail-m': ['https://bigscience.huggingface.co/blog/bigscience-openrail-m'],
  'bigcode-openrail-m': ['https://huggingface.co/spaces/bigcode/bigcode-model-license-agreement'],
  'bigscience-bloom-rail-1.0': ['https://huggingface.co/spaces/bigscience/license'],
  openrail: ['https://huggingface.co/blog/open_rail'],
  'apple-ascl': ['https://developer.apple.com/support/downloads/terms/apple-sample-code/Apple-Sample-Code-License.pdf'],
  'apple-amlr': ['https://github.com/apple/ml-mobileclip/blob/main/LICENSE_MODELS'],
  'deepfloyd-if-license': ['https://huggingface.co/spaces/DeepFloyd/deepfloyd-if-license'],
  'fair-noncommercial-research-license': [
    'https://huggingface.co/facebook/fair-noncommercial-research-license/blob/main/LICENSE',
  ],
  'h-research': ['https://huggingface.co/Hcompany/Holo1-3B/blob/main/LICENSE'],
  'grok2-community': ['https://huggingface.co/xai-org/grok-2/blob/main/LICENSE'],
  openmdw: ['https://openmdw.ai/license/1-0/'],
  'cc-by-nc-4.0': [
    'https://creativecommons.org/licenses/by-nc/4.0/legalcode',
    'http://creativecommons.org/licenses/by-nc/4.0/',
  ],
  'cc-by-nc-nd-4.0': ['https://creativecommons.org/licenses/by-nc-nd/4.0/deed.en'],
  'ai2-impact-license-low-risk': ['https://allenai.org/licenses/impact-lr'],
  'ai2-impact-license-medium-risk': ['https://allenai.org/licenses/impact-mr'],
  'ai2-impact-license-high-risk': ['https://allenai.org/licenses/impact-hr'],
  'opt-175b': [
    'https://github.com/facebookresearch/metaseq/blob/main/projects/OPT/MODEL_LICENSE.md',
    'https://huggingface.co/facebook/opt-1.3b/blob/main/LICENSE.md',
  ],
  'microsoft-research-license': ['https://huggingface.co/microsoft/Orca-2-13b/blob/main/LICENSE'],
  'jamba-open-model-license': ['https://www.ai21.com/licenses/jamba-open-model-license'],
  'nvidia-open-model-license': [
    'https://developer.download.nvidia.com/licenses/nvidia-open-model-license-agreement-june-2024.pdf',
    'https://www.nvidia.com/en-us/agreements/enterprise-software/nvidia-open-model-license/',
  ],
  'tencent-hunyuan-community': ['https://github.com/Tencent/HunyuanDiT/blob/main/LICENSE.txt'],
  'baichuan-community': [
    'https://huggingface.co/baichuan-inc/Baichuan2-7B-Chat/blob/main/Community%20License%20for%20Baichuan2%20Model.pdf',
  ],
  'yi-license': ['https://github.com/01-ai/Yi/blob/main/MODEL_LICENSE_AGREEMENT.txt'],
  'glm-license': [
    'https://huggingface.co/THUDM/glm-4-9b-chat/blob/main/LICENSE',
    'https://github.com/THUDM/ChatGLM3/blob/main/MODEL_LICENSE',
  ],
  'minicpm-general-model-license': [
    'https://github.com/OpenBMB/General-Model-License/blob/main/%E9%80%9A%E7%94%A8%E6%A8%A1%E5%9E%8B%E8%AE%B8%E5%8F%AF%E5%8D%8F%E8%AE%AE-%E6%9D%A5%E6%BA%90%E8%AF%B4%E6%98%8E-%E5%AE%A3%E4%BC%A0%E9%99%90%E5%88%B6-%E5%95%86%E4%B8%9A%E6%8E%88%E6%9D%83.md',
  ],
  exaone: ['https://huggingface.co/LGAI-EXAONE/EXAONE-3.5-7.8B-Instruct/blob/main/LICENSE'],
};

const familyIdOf = (decl: Parameters<typeof assessLicense>[0]) => {
  const a = assessLicense(decl);
  // CC families report the SPDX id; map it back to the family.
  return licenseFamilies.find((f) => f.id === a.id || f.recognise.spdxIds.includes(a.id ?? ''))?.id ?? a.id;
};

describe('licence families', () => {
  it('are valid LicenseFamily objects with unique ids', () => {
    for (const f of licenseFamilies) expect(() => LicenseFamilySchema.parse(f), f.id).not.toThrow();
    expect(new Set(licenseFamilies.map((f) => f.id)).size).toBe(licenseFamilies.length);
  });

  it('derive each freedom from the clauses, and only restricted families carry clauses', () => {
    for (const f of licenseFamilies) {
      for (const freedom of FREEDOMS) {
        const restricted = f.clauses.some((c) => c.freedoms.includes(freedom));
        expect(f.freedoms[freedom], `${f.id}.${freedom}`).toBe(
          restricted ? 'restricted' : f.status === 'open' ? 'granted' : 'unknown',
        );
      }
      expect(f.status === 'restricted', f.id).toBe(f.clauses.length > 0);
      expect(f.status, f.id).not.toBe('open');
    }
  });

  it('mark paraphrases as such and give every clause a source URL', () => {
    for (const f of licenseFamilies) {
      for (const c of f.clauses) {
        expect(c.source.url, `${f.id} ${c.ref}`).toMatch(/^https:\/\//);
        expect(c.quote.length, `${f.id} ${c.ref}`).toBeLessThan(400);
        // A quote is either quoted text ("...") or an explicitly marked paraphrase.
        expect(c.quote.includes('"') || c.quote.startsWith('(paraphrase'), `${f.id} ${c.ref}`).toBe(true);
      }
    }
  });

  it.each(licenseFamilies.filter((f) => f.recognise.hubIds.length > 0).map((f) => [f.id, f] as const))(
    '%s is recognised by its Hub id',
    (_id, f) => {
      for (const hubId of f.recognise.hubIds) expect(familyIdOf({ license: hubId })).toBe(f.id);
    },
  );

  it('every named family has name and link examples here', () => {
    const named = licenseFamilies.filter((f) => f.recognise.names.length > 0).map((f) => f.id);
    for (const id of named) if (!/^cc-by-/.test(id)) expect(NAMES[id], id).toBeDefined();
    const linked = licenseFamilies.filter((f) => f.recognise.links.length > 0).map((f) => f.id);
    for (const id of linked) if (!/^cc-by-/.test(id)) expect(LINKS[id], id).toBeDefined();
  });

  it.each(Object.entries(NAMES))(
    '%s is recognised by name (license: other + license_name, and as free text)',
    (id, names) => {
      for (const name of names) {
        expect(familyIdOf({ license: 'other', licenseName: name }), name).toBe(id);
        expect(familyIdOf({ license: name }), name).toBe(id);
      }
    },
  );

  it.each(Object.entries(LINKS))('%s is recognised by licence link', (id, links) => {
    for (const link of links) expect(familyIdOf({ license: 'other', licenseLink: link }), link).toBe(id);
  });

  it.each(licenseFamilies.filter((f) => /^cc-by-/.test(f.id)).map((f) => [f.id, f] as const))(
    '%s is recognised by SPDX id, Hub id, name and link',
    (id, f) => {
      const spdx = f.recognise.spdxIds[0]!;
      const [, path, version] = /^CC-(BY-[A-Z-]+)-(\d\.\d)$/.exec(spdx)!;
      for (const decl of [
        { license: spdx },
        { license: id },
        { license: 'other', licenseName: f.name },
        { license: 'other', licenseName: `CC ${path} ${version}` },
        {
          license: 'other',
          licenseLink: `https://creativecommons.org/licenses/${path!.toLowerCase()}/${version}/legalcode`,
        },
      ]) {
        expect(familyIdOf(decl), JSON.stringify(decl)).toBe(id);
      }
    },
  );

  it('prefers license_name over license_link, and ignores relative links', () => {
    expect(
      familyIdOf({ license: 'other', licenseName: 'llama3', licenseLink: 'https://ai.google.dev/gemma/terms' }),
    ).toBe('llama3');
    expect(familyIdOf({ license: 'other', licenseName: 'llama3', licenseLink: 'LICENSE' })).toBe('llama3');
    expect(assessLicense({ license: 'other', licenseLink: 'LICENSE' }).status).toBe('unknown');
  });

  it('is not over-eager: similar names and generic links stay unknown', () => {
    const notFamilies = [
      'deepseek-r1',
      'llama-2-7b',
      'qwen2.5-7b',
      'gemma-4',
      'falcon-7b',
      'stability-ai-non-commercial-research-community',
      'sai-nc-community',
      'my-company-license',
      'unlicensed',
      'Proprietary',
      'research-only',
      'open source',
      'llama',
    ];
    for (const name of notFamilies) {
      expect(assessLicense({ license: 'other', licenseName: name }).status, name).toBe('unknown');
    }
    const notLinks = [
      'https://example.com/LICENSE',
      'https://example.com/license.html',
      'https://huggingface.co/Qwen/Qwen2.5-7B-Instruct/blob/main/LICENSE',
      'https://huggingface.co/black-forest-labs/FLUX.1-schnell/blob/main/LICENSE.md',
      'https://huggingface.co/deepseek-ai/DeepSeek-R1/blob/main/LICENSE',
      'https://github.com/apple/ml-mobileclip/blob/main/LICENSE',
      'https://huggingface.co/stabilityai/sdxl-turbo/blob/main/LICENSE.md',
      'https://llama.meta.com/llama3/use-policy',
      'https://mistral.ai/licenses/',
    ];
    for (const link of notLinks) {
      expect(assessLicense({ license: 'other', licenseLink: link }).status, link).toBe('unknown');
    }
  });

  it('recognises licences by the Hub id of a licence given as license_name', () => {
    expect(assessLicense({ license: 'other', licenseName: 'apache-2.0' }).status).toBe('open');
    expect(assessLicense({ license: 'other', licenseName: 'cc-by-nc-4.0' }).status).toBe('restricted');
  });

  it('recognises common spellings of standard licences in free text', () => {
    for (const [text, id] of [
      ['Apache 2.0', 'Apache-2.0'],
      ['Apache License 2.0', 'Apache-2.0'],
      ['Apache License, Version 2.0', 'Apache-2.0'],
      ['MIT License', 'MIT'],
      ['BSD-3', 'BSD-3-Clause'],
      ['CC BY-SA 4.0', 'CC-BY-SA-4.0'],
      ['https://creativecommons.org/licenses/by/4.0/', 'CC-BY-4.0'],
      ['https://www.apache.org/licenses/LICENSE-2.0', 'Apache-2.0'],
      ['https://opensource.org/licenses/MIT', 'MIT'],
    ] as const) {
      expect(assessLicense({ license: text }).id, text).toBe(id);
    }
  });

  it('never calls a custom model licence open', () => {
    for (const f of licenseFamilies) {
      for (const name of NAMES[f.id] ?? []) {
        expect(assessLicense({ license: 'other', licenseName: name }).status, name).not.toBe('open');
      }
    }
  });

  it('gives unrecognised custom licences the status unknown', () => {
    const a = assessLicense({
      license: 'other',
      licenseName: 'acme-model-license-v2',
      licenseLink: 'https://acme.example/license',
    });
    expect(a.status).toBe('unknown');
    expect(a.reason).toMatch(/does not recognise/);
    expect(a.input).toContain('acme-model-license-v2');
    expect(Object.values(a.freedoms).every((s) => s === 'unknown')).toBe(true);
  });

  it('has the clauses the brief names for Llama 3.3 and 4', () => {
    for (const id of ['llama3.3', 'llama4']) {
      const refs = licenseFamily(id)!.clauses.map((c) => c.ref);
      expect(refs, id).toEqual(expect.arrayContaining(['§1.b.i', '§1.b.iv', '§2 Additional Commercial Terms']));
    }
    expect(licenseFamily('llama4')!.clauses.some((c) => c.restriction === 'geographic exclusion')).toBe(true);
  });

  it('exposes the licence URL', () => {
    expect(licenseUrl(assessLicense({ license: 'gemma' }))).toBe('https://ai.google.dev/gemma/terms');
    expect(licenseUrl(assessLicense({ license: 'mit' }))).toBe('https://spdx.org/licenses/MIT.html');
    expect(licenseUrl(assessLicense({ license: 'unknown' }))).toBeNull();
  });
});
