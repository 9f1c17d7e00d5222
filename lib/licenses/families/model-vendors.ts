import type { Source } from '../../sources';
import { clause, defineFamily, repoFile, type LicenseFamily } from '../family';
import { named } from '../recognise';

/*
 * Custom model licences that popular cards declare as `license: other` with a license_name / license_link:
 * Meta's OPT-175B licence, the Microsoft Research License (Orca 2), AI21's Jamba Open Model License, the NVIDIA Open
 * Model License and the Tencent Hunyuan Community License. Quotes are from the licence texts where they could be
 * read; the rest are marked paraphrases with the page they rest on.
 */

const OPT: Source = {
  title: 'OPT-175B License Agreement (facebookresearch/metaseq, projects/OPT/MODEL_LICENSE.md)',
  url: 'https://github.com/facebookresearch/metaseq/blob/main/projects/OPT/MODEL_LICENSE.md',
};
const MSR: Source = {
  title: 'Microsoft Research License (microsoft/Orca-2-13b LICENSE)',
  url: 'https://huggingface.co/microsoft/Orca-2-13b/blob/main/LICENSE',
};
const ORCA_CARD: Source = {
  title: 'Orca 2 model card (microsoft/Orca-2-13b)',
  url: 'https://huggingface.co/microsoft/Orca-2-13b',
};
const JAMBA: Source = {
  title: 'Jamba Open Model License Agreement (AI21 Labs)',
  url: 'https://www.ai21.com/licenses/jamba-open-model-license',
};
const NVIDIA: Source = {
  title: 'NVIDIA Open Model License Agreement',
  url: 'https://www.nvidia.com/en-us/agreements/enterprise-software/nvidia-open-model-license/',
};
const NVIDIA_2024: Source = {
  title: 'NVIDIA Open Model License Agreement (June 2024 PDF)',
  url: 'https://developer.download.nvidia.com/licenses/nvidia-open-model-license-agreement-june-2024.pdf',
};
const NVIDIA_ANALYSIS: Source = {
  title: 'NVIDIA Open Model License: a corporate risk analysis (shujisado.org, 2025-12)',
  url: 'https://shujisado.org/2025/12/19/nvidia-open-model-license-a-corporate-risk-analysis',
};
const HUNYUAN: Source = {
  title: 'Tencent Hunyuan Community License Agreement (Tencent/HunyuanDiT LICENSE.txt)',
  url: 'https://github.com/Tencent/HunyuanDiT/blob/main/LICENSE.txt',
};

export const opt175b: LicenseFamily = defineFamily({
  id: 'opt-175b',
  name: 'OPT-175B License Agreement',
  recognise: {
    names: [named('(?:meta-)?opt-175b')],
    links: [
      repoFile('github.com', 'facebookresearch/metaseq', 'projects/opt/model_license\\.md'),
      repoFile('huggingface.co', 'facebook/opt-[^/]+', 'license(?:\\.md|\\.txt)?'),
    ],
  },
  reason: 'Meta research licence, not OSI-approved: non-commercial research only, with use restrictions',
  clauses: [
    clause(
      '§1.a License Grant',
      'non-commercial research only',
      ['use', 'modify', 'share'],
      'licence "to reproduce, distribute, and create derivative works of the Software solely for your non-commercial research purposes"',
      OPT,
    ),
    clause(
      '§2.a Restrictions',
      'use restrictions',
      ['use'],
      'no use "for (i) any commercial or production purposes, (ii) military purposes or in the service of nuclear technology, (iii) purposes of surveillance"',
      OPT,
    ),
    clause(
      '§7.b Termination',
      'revocable at will',
      ['use'],
      '"We may terminate this License, in whole or in part, at any time upon notice"',
      OPT,
    ),
  ],
  sources: [OPT],
});

export const microsoftResearch: LicenseFamily = defineFamily({
  id: 'microsoft-research-license',
  name: 'Microsoft Research License',
  recognise: {
    names: [named('microsoft-research(?:-license-terms)?'), named('msr-license')],
    links: [repoFile('huggingface.co', 'microsoft/orca-2-[^/]+', 'license(?:\\.md|\\.txt)?')],
  },
  reason: 'Microsoft research licence, not OSI-approved: the models under it are for research only',
  clauses: [
    clause(
      'Scope (per the Orca 2 model card)',
      'research only',
      ['use'],
      'the Orca 2 card: "Orca 2 is built for research purposes only" (licence text not retrieved)',
      ORCA_CARD,
    ),
    clause(
      'Grant',
      'non-commercial research only',
      ['use', 'share'],
      '(paraphrase; licence text not retrieved) the Microsoft Research License grants use, copying and distribution for non-commercial research purposes only',
      MSR,
    ),
  ],
  sources: [MSR, ORCA_CARD],
});

export const jambaOpenModel: LicenseFamily = defineFamily({
  id: 'jamba-open-model-license',
  name: 'Jamba Open Model License Agreement',
  recognise: {
    names: [named('(?:ai21-)?jamba-open-model'), named('jamba-open')],
    links: [
      /^ai21\.com\/licenses\/jamba-open-model-license$/,
      repoFile('huggingface.co', 'ai21labs/[^/]+', 'license(?:\\.md|\\.txt)?'),
    ],
  },
  reason:
    'AI21 model licence, not OSI-approved: commercial use above a revenue threshold needs a separate licence, plus a use policy',
  clauses: [
    clause(
      'Commercial threshold (per AI21)',
      'revenue threshold',
      ['use'],
      '(paraphrase; licence text not retrieved) organisations above an annual revenue threshold need a separate commercial licence from AI21',
      JAMBA,
    ),
    clause(
      'Acceptable use',
      'use restrictions',
      ['use'],
      "(paraphrase; licence text not retrieved) use must comply with AI21's acceptable-use terms, which pass to redistributed copies",
      JAMBA,
    ),
  ],
  sources: [JAMBA],
});

export const nvidiaOpenModel: LicenseFamily = defineFamily({
  id: 'nvidia-open-model-license',
  name: 'NVIDIA Open Model License Agreement',
  recognise: {
    names: [named('nvidia-(?:nemotron-)?open-model'), named('nvidia-open-model-license-agreement(?:-june)?')],
    links: [
      /^nvidia\.com\/en-us\/agreements\/enterprise-software\/nvidia-(?:nemotron-)?open-model-license$/,
      /^developer\.download\.nvidia\.com\/licenses\/nvidia-open-model-license-agreement-[a-z]+-\d{4}\.pdf$/,
    ],
  },
  reason:
    'NVIDIA model licence, not OSI-approved: rights end automatically if guardrails are bypassed, and use must follow NVIDIA terms',
  clauses: [
    clause(
      '§2.1 Conditions for Use (per secondary analysis)',
      'automatic termination on guardrail bypass',
      ['use', 'modify'],
      '(paraphrase) rights terminate automatically if a user bypasses, disables or circumvents a technical limitation or safety guardrail of the Model',
      NVIDIA_ANALYSIS,
    ),
    clause(
      '§2 AI Ethics (per secondary analysis)',
      'use restrictions incorporated by reference',
      ['use'],
      "(paraphrase) use of the Model is subject to NVIDIA's Trustworthy AI terms, incorporated by reference and updatable by NVIDIA",
      NVIDIA_ANALYSIS,
    ),
  ],
  sources: [NVIDIA, NVIDIA_2024, NVIDIA_ANALYSIS],
});

export const tencentHunyuan: LicenseFamily = defineFamily({
  id: 'tencent-hunyuan-community',
  name: 'Tencent Hunyuan Community License Agreement',
  recognise: {
    names: [named('tencent-hunyuan(?:-community)?'), named('hunyuan(?:-community)?')],
    links: [
      repoFile('github.com', 'tencent(?:-hunyuan)?/hunyuan[^/]*', 'license(?:\\.md|\\.txt)?'),
      repoFile('huggingface.co', 'tencent(?:-hunyuan)?/hunyuan[^/]*', 'license(?:\\.md|\\.txt)?'),
    ],
  },
  reason:
    'Tencent model licence, not OSI-approved: user-scale threshold, acceptable-use policy, no training of other LLMs',
  clauses: [
    clause(
      '§4 Additional Commercial Terms',
      'user-scale threshold',
      ['use'],
      'above "100 million monthly active users" a licensee "must request a license from Tencent, which Tencent may grant to You in its sole discretion"',
      HUNYUAN,
    ),
    clause(
      '§5.a Rules of Use',
      'acceptable-use policy, passed downstream',
      ['use', 'share'],
      'use must "adhere to the Acceptable Use Policy", and redistributors "must include the use restrictions referenced in these Sections 5(a) and 5(b) as an enforceable provision"',
      HUNYUAN,
    ),
    clause(
      '§5.b Rules of Use',
      'no training of other models',
      ['use', 'modify'],
      '"You must not use the Tencent Hunyuan Works or any Output or results of the Tencent Hunyuan Works to improve any other large language model"',
      HUNYUAN,
    ),
  ],
  sources: [HUNYUAN],
});

export const modelVendorFamilies = [opt175b, microsoftResearch, jambaOpenModel, nvidiaOpenModel, tencentHunyuan];
