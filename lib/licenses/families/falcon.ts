import type { Source } from '../../sources';
import { clause, defineFamily, repoFile, type LicenseFamily } from '../family';
import { named } from '../recognise';

/*
 * TII's Falcon licences. Falcon-7B and Falcon-40B were later relicensed to Apache-2.0 and simply declare
 * "apache-2.0"; only the 180B licence and the later "TII Falcon License" (Falcon 2 onwards) are families here.
 */

const FALCON_180B: Source = {
  title: 'Falcon 180B TII License v1.0 (Sept 2023) (copy: github.com/sinotec2/FAQ journal/falcon170BTOU.md)',
  url: 'https://huggingface.co/spaces/tiiuae/falcon-180b-license',
};
const FALCON_180B_AUP: Source = {
  title: 'Falcon 180B Acceptable Use Policy (copy shipped with TheBloke/Falcon-180B-Chat-GPTQ)',
  url: 'https://huggingface.co/TheBloke/Falcon-180B-Chat-GPTQ/blob/main/ACCEPTABLE_USE_POLICY.txt',
};
const FALCON2_CARD: Source = {
  title: 'Falcon2-11B model card (tiiuae/falcon-11B; licence text itself not retrieved)',
  url: 'https://huggingface.co/tiiuae/falcon-11B',
};
const TII_FALCON_LICENSE: Source = {
  title: 'TII Falcon License (falconllm.tii.ae terms and conditions)',
  url: 'https://falconllm.tii.ae/falcon-terms-and-conditions.html',
};

export const falcon180b: LicenseFamily = defineFamily({
  id: 'falcon-180b',
  name: 'Falcon 180B TII License v1.0',
  recognise: {
    names: [named('(?:tii-)?falcon-180b(?:-tii)?')],
    links: [
      /^huggingface\.co\/spaces\/tiiuae\/falcon-180b-license(?:\/.*)?$/,
      repoFile('huggingface.co', 'tiiuae/falcon-180b[^/]*', '(?:license|acceptable_use_policy)(?:\\.txt|\\.md)?'),
    ],
  },
  reason:
    'TII licence, not OSI-approved: an updatable acceptable-use policy binds all use, and hosting needs permission',
  clauses: [
    clause(
      'Acceptable Use Policy',
      'AUP',
      ['use'],
      'AUP bans: illegal use; harming minors/living beings; "verifiably false information with the purpose of harming others"; defamation/harassment',
      FALCON_180B_AUP,
    ),
    clause(
      '§5.1, §5.3',
      'acceptable-use policy incorporated, updatable',
      ['use'],
      'use "must comply with the Acceptable Use Policy at all times"; "The Acceptable Use Policy may be updated from time to time."',
      FALCON_180B,
    ),
    clause(
      '§9.3 Hosting Use',
      'hosting needs separate permission',
      ['use', 'share'],
      '"you are not licensed to use the Work or Derivative Work under this license for Hosting Use" (shared instances or inference/fine-tuning APIs for third parties)',
      FALCON_180B,
    ),
  ],
  sources: [FALCON_180B, FALCON_180B_AUP],
});

export const tiiFalcon: LicenseFamily = defineFamily({
  id: 'tii-falcon',
  name: 'TII Falcon License (Falcon 2 and later)',
  recognise: {
    names: [named('tii-falcon'), named('falcon-llm'), named('falcon-2(?:-11b)?(?:-tii)?')],
    links: [/^falconllm(?:-staging)?\.tii\.ae\/falcon-(?:2-)?terms-and-conditions\.html$/],
  },
  reason: 'TII licence, not OSI-approved: Apache-2.0-based but with an acceptable-use policy attached',
  clauses: [
    clause(
      'Acceptable Use Policy (per model card)',
      'acceptable-use policy incorporated',
      ['use'],
      '(paraphrase; licence text not retrieved) the Falcon2-11B model card calls the TII Falcon License 2.0 an Apache 2.0-based licence "which includes an acceptable use policy"',
      FALCON2_CARD,
    ),
  ],
  sources: [TII_FALCON_LICENSE, FALCON2_CARD],
});

export const falconFamilies = [falcon180b, tiiFalcon];
