import type { Source } from '../../sources';
import { clause, defineFamily, repoFile, type LicenseFamily } from '../family';
import { named } from '../recognise';

/*
 * Alibaba Cloud's Qwen licences. Which one applies depends on the model *size* within a generation (e.g.
 * Qwen2.5-72B: Qwen licence; Qwen2.5-3B: Qwen research licence; most other Qwen2.5 sizes: Apache-2.0), so links
 * are only recognised for the repos whose licence we know; any other Qwen link stays unknown.
 */

const QWEN: Source = {
  title:
    'Qwen LICENSE AGREEMENT (2024-09-19), as shipped with Qwen2.5-72B-Instruct (section numbers per secondary quotes)',
  url: 'https://huggingface.co/Qwen/Qwen2.5-72B-Instruct/blob/main/LICENSE',
};
const QWEN_RESEARCH: Source = {
  title:
    'Qwen RESEARCH LICENSE AGREEMENT (2024-09-19) (copy: roboflow/inference inference/models/qwen25vl/LICENSE.txt)',
  url: 'https://huggingface.co/Qwen/Qwen2.5-3B/blob/main/LICENSE',
};
const TONGYI: Source = {
  title:
    'Tongyi Qianwen LICENSE AGREEMENT (2023-08-03) (copy: huggingface/transformers examples/pytorch/torchacc/qwen/Qwen1.5-7B/LICENSE)',
  url: 'https://github.com/QwenLM/Qwen/blob/main/Tongyi%20Qianwen%20LICENSE%20AGREEMENT',
};
const TONGYI_RESEARCH: Source = {
  title:
    'Tongyi Qianwen RESEARCH LICENSE AGREEMENT, as described in the QwenLM/Qwen README (licence text not retrieved)',
  url: 'https://github.com/QwenLM/Qwen/blob/main/Tongyi%20Qianwen%20RESEARCH%20LICENSE%20AGREEMENT',
};

const hfQwen = (repo: string) => repoFile('huggingface.co', `qwen/${repo}`, 'license(?:\\.md|\\.txt)?');

export const qwenResearch: LicenseFamily = defineFamily({
  id: 'qwen-research',
  name: 'Qwen RESEARCH LICENSE AGREEMENT',
  recognise: {
    names: [named('qwen-research')],
    links: [hfQwen('qwen2\\.5-(?:[a-z]+-)*3b[^/]*')],
  },
  reason: 'Alibaba Cloud research licence, not OSI-approved: non-commercial use only',
  clauses: [
    clause(
      '§2.a',
      'non-commercial',
      ['use'],
      'licence to "use, reproduce, distribute, copy, create derivative works of, and make modifications to the Materials FOR NON-COMMERCIAL PURPOSES ONLY"',
      QWEN_RESEARCH,
    ),
    clause(
      '§4.b',
      'attribution/naming',
      ['share', 'modify'],
      'a model trained on the Materials "or any outputs or results therefrom" must "prominently display \'Built with Qwen\' or \'Improved using Qwen\'"',
      QWEN_RESEARCH,
    ),
  ],
  sources: [QWEN_RESEARCH],
});

export const tongyiQianwenResearch: LicenseFamily = defineFamily({
  id: 'tongyi-qianwen-research',
  name: 'Tongyi Qianwen RESEARCH LICENSE AGREEMENT',
  recognise: {
    names: [named('tongyi-qianwen-research')],
    links: [
      /^github\.com\/qwenlm\/qwen\/blob\/[^/]+\/tongyi qianwen research license agreement$/,
      hfQwen('(?:qwen-1_8b|qwen1\\.5-(?:0\\.5b|1\\.8b))[^/]*'),
    ],
  },
  reason: 'Alibaba Cloud research licence, not OSI-approved: commercial use needs a separate licence',
  clauses: [
    clause(
      'Licence grant (section not retrieved)',
      'non-commercial',
      ['use'],
      "(paraphrase) the Qwen README states that models under this licence (e.g. Qwen-1.8B) need the licensor's permission for commercial use",
      TONGYI_RESEARCH,
    ),
  ],
  sources: [TONGYI_RESEARCH],
});

export const tongyiQianwen: LicenseFamily = defineFamily({
  id: 'tongyi-qianwen',
  name: 'Tongyi Qianwen LICENSE AGREEMENT',
  recognise: {
    names: [named('tongyi-qianwen')],
    links: [
      /^github\.com\/qwenlm\/qwen\/blob\/[^/]+\/tongyi qianwen license agreement$/,
      hfQwen('(?:qwen-(?:7b|14b|72b)|qwen1\\.5-(?:7b|14b|32b|72b|110b)|qwen2-(?:vl-|math-)?72b)[^/]*'),
    ],
  },
  reason: 'Alibaba Cloud licence, not OSI-approved: user-scale threshold and a ban on improving other LLMs',
  clauses: [
    clause(
      '§4 Restrictions',
      'user-scale threshold',
      ['use'],
      '"If you are commercially using the Materials, and your product or service has more than 100 million monthly active users, You shall request a license from Us."',
      TONGYI,
    ),
    clause(
      '§5.b',
      'no improving other LLMs',
      ['modify', 'use'],
      '"You can not use the Materials or any output therefrom to improve any other large language model (excluding Tongyi Qianwen or derivative works thereof)."',
      TONGYI,
    ),
  ],
  sources: [TONGYI],
});

export const qwen: LicenseFamily = defineFamily({
  id: 'qwen',
  name: 'Qwen LICENSE AGREEMENT',
  recognise: {
    names: [named('qwen')],
    links: [hfQwen('(?:qwen2\\.5-(?:[a-z]+-)*72b[^/]*|qvq-72b[^/]*)')],
  },
  reason:
    'Alibaba Cloud licence, not OSI-approved: commercial use above 100M monthly active users needs a separate licence',
  clauses: [
    clause(
      '§4 (per secondary source)',
      'user-scale threshold',
      ['use'],
      '"If you are commercially using the Materials, and your product or service has more than 100 million monthly active users, you shall request a license from us."',
      QWEN,
    ),
    clause(
      '§5.b (per secondary source)',
      'attribution/naming',
      ['share', 'modify'],
      "derived models must \"prominently display 'Built with Qwen' or 'Improved using Qwen'\" in their documentation",
      QWEN,
    ),
  ],
  sources: [QWEN],
});

/** Order matters for name matching: the research licences before the general ones. */
export const qwenFamilies = [qwenResearch, tongyiQianwenResearch, tongyiQianwen, qwen];
