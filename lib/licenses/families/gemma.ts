import type { Source } from '../../sources';
import { clause, defineFamily, type LicenseFamily } from '../family';
import { named } from '../recognise';

const GEMMA_TERMS: Source = {
  title: 'Gemma Terms of Use (ai.google.dev/gemma/terms; also shipped as LICENSE in google/gemma-* repos)',
  url: 'https://ai.google.dev/gemma/terms',
};

/** Google's Gemma Terms of Use (Gemma 1–3). Later Gemma releases under Apache-2.0 simply declare that id. */
export const gemma: LicenseFamily = defineFamily({
  id: 'gemma',
  name: 'Gemma Terms of Use',
  recognise: {
    hubIds: ['gemma'],
    // Not "gemma-4" and later: those releases are Apache-2.0.
    names: [named('(?:google-)?gemma(?![-.]?\\d)')],
    links: [/^ai\.google\.dev\/gemma\/terms$/],
  },
  reason:
    'Google terms of use, not OSI-approved: a prohibited-use policy binds every use and must be passed downstream',
  clauses: [
    clause(
      '§3.2 + Prohibited Use Policy',
      'use restrictions incorporated by reference',
      ['use'],
      '"You must not use any of the Gemma Services: for the restricted uses set forth in the Gemma Prohibited Use Policy"',
      GEMMA_TERMS,
    ),
    clause(
      '§3.2 last para',
      'remote restriction',
      ['use'],
      '"Google reserves the right to restrict (remotely or otherwise) usage of any of the Gemma Services that Google reasonably believes are in violation of this Agreement"',
      GEMMA_TERMS,
    ),
    clause(
      '§3.1 + §1.1(e)',
      'pass-through of restrictions; distillation = Model Derivative',
      ['share', 'modify'],
      'redistributors "must include the use restrictions referenced in Section 3.2 as an enforceable provision"; "Model Derivatives" include models trained by distillation or on synthetic Outputs of Gemma',
      GEMMA_TERMS,
    ),
  ],
  sources: [GEMMA_TERMS],
});
