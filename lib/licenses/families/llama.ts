import type { Source } from '../../sources';
import { clause, defineFamily, repoFile, type LicenseFamily } from '../family';
import { named } from '../recognise';

/*
 * Meta's Llama community licences. From Llama 3.1 on the structure is fixed: §1.b.i naming + "Built with Llama",
 * §1.b.iv acceptable-use policy incorporated by reference, §2 the 700M monthly-active-user carve-out.
 */

const LLAMA2: Source = {
  title: 'Llama 2 Community License Agreement (github.com/meta-llama/llama LICENSE @6d4c0c29)',
  url: 'https://github.com/meta-llama/llama/blob/6d4c0c290aeec1fa4399694fefb864be5a153bb6/LICENSE',
};
const LLAMA3: Source = {
  title: 'Meta Llama 3 Community License Agreement (github.com/meta-llama/llama3 LICENSE @2a6e3d76)',
  url: 'https://github.com/meta-llama/llama3/blob/2a6e3d768cab8fea5bee6e181b7e83c54d5e1a0e/LICENSE',
};
const modelsLicense = (dir: string, label: string): Source => ({
  title: `${label} Community License Agreement (meta-llama/llama-models models/${dir}/LICENSE)`,
  url: `https://github.com/meta-llama/llama-models/blob/main/models/${dir}/LICENSE`,
});
const LLAMA31 = modelsLicense('llama3_1', 'Llama 3.1');
const LLAMA32 = modelsLicense('llama3_2', 'Llama 3.2');
const LLAMA33 = modelsLicense('llama3_3', 'Llama 3.3');
const LLAMA4 = modelsLicense('llama4', 'Llama 4');
const LLAMA32_AUP: Source = {
  title: 'Llama 3.2 Acceptable Use Policy (meta-llama/llama-models models/llama3_2/USE_POLICY.md)',
  url: 'https://github.com/meta-llama/llama-models/blob/main/models/llama3_2/USE_POLICY.md',
};
const LLAMA4_AUP: Source = {
  title:
    'Llama 4 Acceptable Use Policy (llama.com/llama4/use-policy; clause text as reproduced in several public copies)',
  url: 'https://www.llama.com/llama4/use-policy/',
};

const MAU_QUOTE =
  '"greater than 700 million monthly active users ... you must request a license from Meta, which Meta may grant to you in its sole discretion"';
const AUP_QUOTE =
  'use must "adhere to the Acceptable Use Policy for the Llama Materials ... which is hereby incorporated by reference into this Agreement"';
const BUILT_WITH_LLAMA_QUOTE =
  '"prominently display \'Built with Llama\'"; models trained on Llama Materials "or any outputs" must "include \'Llama\' at the beginning of any such AI model name"';

/** §1.b.i, §1.b.iv and §2, shared by Llama 3.1, 3.2, 3.3 and 4. */
function llamaCore(src: Source) {
  return [
    clause('§1.b.i', 'attribution/naming', ['share', 'modify'], BUILT_WITH_LLAMA_QUOTE, src),
    clause('§1.b.iv', 'acceptable-use policy incorporated by reference', ['use'], AUP_QUOTE, src),
    clause('§2 Additional Commercial Terms', 'user-scale threshold', ['use'], MAU_QUOTE, src),
  ];
}

const hfMetaLlama = (repo: string) => repoFile('huggingface.co', `meta-llama/${repo}`, 'license(?:\\.txt|\\.md)?');
const llamaSite = (path: string) => new RegExp(`^(?:llama\\.meta\\.com|llama\\.com)/${path}/license$`);
const REASON = 'Meta community licence: not OSI-approved; restricts use by user scale and an acceptable-use policy';

export const llama2: LicenseFamily = defineFamily({
  id: 'llama2',
  name: 'Llama 2 Community License Agreement',
  recognise: {
    hubIds: ['llama2'],
    names: [named('(?:meta-)?llama-?2')],
    links: [llamaSite('llama2'), repoFile('github.com', 'meta-llama/llama', 'license'), hfMetaLlama('llama-2-[^/]+')],
  },
  reason: REASON,
  clauses: [
    clause('§2 Additional Commercial Terms', 'user-scale threshold', ['use'], MAU_QUOTE, LLAMA2),
    clause(
      '§1.b.iv + USE_POLICY.md',
      'acceptable-use policy incorporated by reference',
      ['use'],
      'use "must ... adhere to the Acceptable Use Policy ... hereby incorporated by reference"',
      LLAMA2,
    ),
    clause(
      '§1.b.v',
      'no improving other LLMs',
      ['modify', 'use'],
      '"You will not use the Llama Materials or any output or results of the Llama Materials to improve any other large language model (excluding Llama 2 or derivative works thereof)."',
      LLAMA2,
    ),
  ],
  sources: [LLAMA2],
});

export const llama3: LicenseFamily = defineFamily({
  id: 'llama3',
  name: 'Meta Llama 3 Community License Agreement',
  recognise: {
    hubIds: ['llama3'],
    names: [named('(?:meta-)?llama-?3(?![.-]\\d)')],
    links: [
      llamaSite('llama3'),
      repoFile('github.com', 'meta-llama/llama3', 'license'),
      hfMetaLlama('(?:meta-)?llama-3(?![.\\d])[^/]*'),
    ],
  },
  reason: REASON,
  clauses: [
    clause(
      '§1.b.i',
      'attribution/naming',
      ['share', 'modify'],
      '"prominently display \'Built with Meta Llama 3\'"; a derived AI model must "include \'Llama 3\' at the beginning of any such AI model name"',
      LLAMA3,
    ),
    clause(
      '§1.b.v',
      'no improving other LLMs',
      ['modify', 'use'],
      '"You will not use the Llama Materials or any output or results of the Llama Materials to improve any other large language model (excluding Meta Llama 3 or derivative works thereof)."',
      LLAMA3,
    ),
    clause('§1.b.iv', 'acceptable-use policy incorporated by reference', ['use'], AUP_QUOTE, LLAMA3),
    clause('§2 Additional Commercial Terms', 'user-scale threshold', ['use'], MAU_QUOTE, LLAMA3),
  ],
  sources: [LLAMA3],
});

export const llama31: LicenseFamily = defineFamily({
  id: 'llama3.1',
  name: 'Llama 3.1 Community License Agreement',
  recognise: {
    hubIds: ['llama3.1'],
    names: [named('(?:meta-)?llama-?3[.-]1')],
    links: [
      llamaSite('llama3_1'),
      repoFile('github.com', 'meta-llama/llama-models', 'models/llama3_1/license'),
      hfMetaLlama('(?:meta-)?llama-3\\.1-[^/]+'),
    ],
  },
  reason: REASON,
  clauses: llamaCore(LLAMA31),
  sources: [LLAMA31],
});

export const llama32: LicenseFamily = defineFamily({
  id: 'llama3.2',
  name: 'Llama 3.2 Community License Agreement',
  recognise: {
    hubIds: ['llama3.2'],
    names: [named('(?:meta-)?llama-?3[.-]2')],
    links: [
      llamaSite('llama3_2'),
      repoFile('github.com', 'meta-llama/llama-models', 'models/llama3_2/license'),
      hfMetaLlama('llama-3\\.2-[^/]+'),
    ],
  },
  reason: `${REASON}; its AUP also withholds the licence for multimodal models from EU-based licensees`,
  clauses: [
    ...llamaCore(LLAMA32),
    clause(
      'AUP final paragraph',
      'geographic exclusion',
      ['use'],
      'for multimodal Llama 3.2 models, "the rights granted under Section 1(a) of the Llama 3.2 Community License Agreement are not being granted to you if you are an individual domiciled in, or a company with a principal place of business in, the European Union" (end users of products exempt)',
      LLAMA32_AUP,
    ),
  ],
  sources: [LLAMA32, LLAMA32_AUP],
});

export const llama33: LicenseFamily = defineFamily({
  id: 'llama3.3',
  name: 'Llama 3.3 Community License Agreement',
  recognise: {
    hubIds: ['llama3.3'],
    names: [named('(?:meta-)?llama-?3[.-]3')],
    links: [
      llamaSite('llama3_3'),
      repoFile('github.com', 'meta-llama/llama-models', 'models/llama3_3/license'),
      hfMetaLlama('llama-3\\.3-[^/]+'),
    ],
  },
  reason: REASON,
  clauses: llamaCore(LLAMA33),
  sources: [LLAMA33],
});

export const llama4: LicenseFamily = defineFamily({
  id: 'llama4',
  name: 'Llama 4 Community License Agreement',
  recognise: {
    hubIds: ['llama4'],
    names: [named('(?:meta-)?llama-?4')],
    links: [
      llamaSite('llama4'),
      repoFile('github.com', 'meta-llama/llama-models', 'models/llama4/license'),
      hfMetaLlama('llama-4-[^/]+'),
    ],
  },
  reason: `${REASON}; its AUP also withholds the licence for multimodal models from EU-based licensees`,
  clauses: [
    ...llamaCore(LLAMA4),
    clause(
      'AUP final paragraph',
      'geographic exclusion',
      ['use'],
      '"With respect to any multimodal models included in Llama 4, the rights granted under Section 1(a) of the Llama 4 Community License Agreement are not being granted to you if you are an individual domiciled in, or a company with a principal place of business in, the European Union."',
      LLAMA4_AUP,
    ),
  ],
  sources: [LLAMA4, LLAMA4_AUP],
});

export const llamaFamilies = [llama2, llama3, llama31, llama32, llama33, llama4];
