import type { Source } from '../../sources';
import { clause, defineFamily, repoFile, type LicenseFamily } from '../family';
import { named } from '../recognise';

const ASCL: Source = {
  title: 'Apple Sample Code License, as shipped with apple/OpenELM-3B (patent sentence checked against other copies)',
  url: 'https://developer.apple.com/support/downloads/terms/apple-sample-code/Apple-Sample-Code-License.pdf',
};
const AMLR: Source = {
  title: 'Apple Machine Learning Research Model License Agreement (apple/ml-mobileclip LICENSE_MODELS)',
  url: 'https://github.com/apple/ml-mobileclip/blob/main/LICENSE_MODELS',
};

export const appleAscl: LicenseFamily = defineFamily({
  id: 'apple-ascl',
  name: 'Apple Sample Code License',
  recognise: {
    hubIds: ['apple-ascl'],
    names: [named('apple-ascl'), named('apple-sample-code')],
    links: [/^developer\.apple\.com\/support\/downloads\/terms\/apple-sample-code\/apple-sample-code-license\.pdf$/],
  },
  reason: 'Apple licence, not OSI-approved: a personal licence that expressly withholds any patent grant',
  contentType: 'code',
  clauses: [
    clause(
      'grant + reservation',
      'personal licence; no patent grant; trademark clause',
      ['share', 'use'],
      '"Apple grants you a personal, non-exclusive license ... to use, reproduce, modify and redistribute the Apple Software"; "no other rights or licenses, express or implied, are granted by Apple herein, including but not limited to any patent rights that may be infringed by your derivative works"',
      ASCL,
    ),
  ],
  sources: [ASCL],
});

export const appleAmlr: LicenseFamily = defineFamily({
  id: 'apple-amlr',
  name: 'Apple Machine Learning Research Model License',
  recognise: {
    hubIds: ['apple-amlr'],
    names: [
      named('apple-amlr'),
      named('apple-machine-learning-research-model'),
      named('apple-model-license-for-research'),
    ],
    // Apple ships the model licence as LICENSE_MODEL(S) beside a sample-code LICENSE; only the former is matched.
    links: [repoFile('github.com', 'apple/[^/]+', 'license_models?')],
  },
  reason: 'Apple research licence, not OSI-approved: research use only, and derivatives stay research-only',
  clauses: [
    clause(
      'License Scope',
      'research-only',
      ['use', 'modify'],
      'licence "to use, copy, modify, distribute, and create Model Derivatives ... exclusively for Research Purposes"; these exclude "any commercial exploitation, product development or use in any commercial product or service"',
      AMLR,
    ),
  ],
  sources: [AMLR],
});

export const appleFamilies = [appleAscl, appleAmlr];
