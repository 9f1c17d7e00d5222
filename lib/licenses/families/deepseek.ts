import type { Source } from '../../sources';
import { clause, defineFamily, repoFile, type LicenseFamily } from '../family';
import { named } from '../recognise';

const DEEPSEEK: Source = {
  title: 'DeepSeek License Agreement v1.0 (2023-10-23), DeepSeek-V3 LICENSE-MODEL',
  url: 'https://github.com/deepseek-ai/DeepSeek-V3/blob/main/LICENSE-MODEL',
};

/**
 * DeepSeek's model licence (V2, the first V3 release, Coder, MoE). Their code is MIT (LICENSE-CODE) and
 * DeepSeek-R1's weights are MIT too; those declare "mit" and never reach this family.
 */
export const deepseek: LicenseFamily = defineFamily({
  id: 'deepseek',
  name: 'DeepSeek License Agreement v1.0',
  recognise: {
    names: [named('deepseek(?:-model)?(?=-license|-la|$)(?:-la)?')],
    // The model licence ships as LICENSE-MODEL next to an MIT LICENSE-CODE; only the former is matched.
    links: [
      repoFile('github.com', 'deepseek-ai/[^/]+', 'license-model(?:\\.md|\\.txt)?'),
      repoFile('huggingface.co', 'deepseek-ai/[^/]+', 'license-model(?:\\.md|\\.txt)?'),
    ],
  },
  reason:
    'OpenRAIL-style licence, not OSI-approved: use-based restrictions (incl. any military use) bind all derivatives',
  clauses: [
    clause(
      '§5 + Attachment A',
      'OpenRAIL-style use restrictions',
      ['use'],
      '"You cannot use the Model and the Derivatives of the Model for the specified restricted uses"; Attachment A includes "For military use in any way"',
      DEEPSEEK,
    ),
    clause(
      '§4(a)',
      'pass-through of use restrictions',
      ['share'],
      '"Use-based restrictions as referenced in paragraph 5 MUST be included as an enforceable provision by You in any type of legal agreement"',
      DEEPSEEK,
    ),
    clause(
      '§7',
      'remote restriction',
      ['use'],
      '"DeepSeek reserves the right to restrict (remotely or otherwise) usage of the Model in violation of this License"',
      DEEPSEEK,
    ),
  ],
  sources: [DEEPSEEK],
});
