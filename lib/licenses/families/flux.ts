import type { Source } from '../../sources';
import { clause, defineFamily, repoFile, type LicenseFamily } from '../family';
import { named } from '../recognise';

const FLUX_DEV: Source = {
  title: 'FLUX.1 [dev] Non-Commercial License (black-forest-labs/flux model_licenses/LICENSE-FLUX1-dev)',
  url: 'https://github.com/black-forest-labs/flux/blob/main/model_licenses/LICENSE-FLUX1-dev',
};

/** Black Forest Labs' licence for FLUX.1 [dev] and its [dev] siblings (Kontext, Krea, Fill...). [schnell] is Apache-2.0. */
export const fluxDev: LicenseFamily = defineFamily({
  id: 'flux-1-dev-non-commercial-license',
  name: 'FLUX.1 [dev] Non-Commercial License',
  recognise: {
    names: [named('flux[.-]?1-dev-non-?commercial'), named('flux-dev-non-?commercial')],
    links: [
      repoFile('huggingface.co', 'black-forest-labs/flux\\.1-(?:[a-z]+-)*dev', 'license(?:\\.md|\\.txt)?'),
      repoFile('github.com', 'black-forest-labs/flux', 'model_licenses/license-flux1-dev'),
      /^(?:bfl\.ai|blackforestlabs\.ai)\/legal\/non-commercial-license-terms$/,
    ],
  },
  reason: 'Black Forest Labs licence, not OSI-approved: non-commercial, non-production use only',
  clauses: [
    clause(
      '§2.a-b',
      'non-commercial',
      ['use', 'share'],
      'licence to "access, use, create Derivatives of, and Distribute the FLUX.1 [dev] Models solely for your Non-Commercial Purposes"',
      FLUX_DEV,
    ),
    clause(
      '§2.d',
      'no training competing models on outputs',
      ['modify'],
      '"You may not use the Output to train, fine-tune or distill a model that is competitive with the FLUX.1 [dev] Model."',
      FLUX_DEV,
    ),
    clause(
      '§4.a',
      'use restrictions',
      ['use'],
      'no use "for (i) any commercial or production purposes, (ii) military purposes, (iii) purposes of surveillance ... (iv) biometric processing"',
      FLUX_DEV,
    ),
  ],
  sources: [FLUX_DEV],
});
