import type { Source } from '../../sources';
import { clause, defineFamily, type LicenseFamily } from '../family';
import { named } from '../recognise';

/* Research-only licences from Stability AI (DeepFloyd IF) and Meta FAIR. */

const DEEPFLOYD: Source = {
  title: 'DeepFloyd IF License Agreement (github.com/deep-floyd/IF LICENSE-MODEL)',
  url: 'https://huggingface.co/spaces/DeepFloyd/deepfloyd-if-license',
};
const FAIR_NC: Source = {
  title: 'FAIR Noncommercial Research License (quoted via public copies; §1.b.i per secondary source)',
  url: 'https://huggingface.co/facebook/fair-noncommercial-research-license/blob/main/LICENSE',
};

export const deepfloydIf: LicenseFamily = defineFamily({
  id: 'deepfloyd-if-license',
  name: 'DeepFloyd IF Research License Agreement',
  recognise: {
    hubIds: ['deepfloyd-if-license'],
    names: [named('deepfloyd(?:-if)?(?:-research)?')],
    links: [
      /^huggingface\.co\/spaces\/deepfloyd\/deepfloyd-if-license$/,
      /^github\.com\/deep-floyd\/if\/blob\/[^/]+\/license-model$/,
    ],
  },
  reason: 'Stability AI research licence, not OSI-approved: non-commercial research only',
  clauses: [
    clause(
      '§1.a',
      'non-commercial research only',
      ['use', 'share', 'modify'],
      'licence "to reproduce, distribute, and create derivative works of the Software solely for your non-commercial research purposes"',
      DEEPFLOYD,
    ),
    clause(
      '§2.a',
      'use restrictions',
      ['use'],
      'no use "for (i) any commercial or production purposes, (ii) military purposes or in the service of nuclear technology, (iii) purposes of surveillance"',
      DEEPFLOYD,
    ),
  ],
  sources: [DEEPFLOYD],
});

export const fairNoncommercial: LicenseFamily = defineFamily({
  id: 'fair-noncommercial-research-license',
  name: 'FAIR Noncommercial Research License',
  recognise: {
    hubIds: ['fair-noncommercial-research-license'],
    names: [named('fair-non-?commercial-research')],
    links: [/^huggingface\.co\/facebook\/fair-noncommercial-research-license(?:\/.*)?$/],
  },
  reason: 'Meta FAIR research licence, not OSI-approved: noncommercial research uses only, outputs included',
  clauses: [
    clause(
      '§1.b.i (per secondary source)',
      'non-commercial research only',
      ['use'],
      '"You will not use the Research Materials or any outputs or results of the Research Materials in connection with any commercial uses or for any uses other than Noncommercial Research Uses"',
      FAIR_NC,
    ),
  ],
  sources: [FAIR_NC],
});

export const researchFamilies = [deepfloydIf, fairNoncommercial];
