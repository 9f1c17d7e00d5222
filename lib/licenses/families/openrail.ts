import type { Source } from '../../sources';
import { clause, defineFamily, repoFile, type LicenseFamily } from '../family';
import { named } from '../recognise';

/*
 * Responsible AI Licences (RAIL). "Open" RAIL licences grant royalty-free use and redistribution, but every one of
 * them carries use-based restrictions (Attachment A) that must be passed on to every downstream licence, which is
 * what "RAIL" means. The clause wording below is from the BigScience OpenRAIL-M text (2022-08-18); the other
 * variants share the §4(a)/§5/Attachment A structure and the §7 remote-restriction sentence (license-clauses.tsv;
 * Open Future Foundation's comparison of the RAIL-M variants notes OpenRAIL++-M keeps §7's restriction sentence).
 */

const VARIANTS_NOTE: Source = {
  title: 'Open Future Foundation, "Open RAIL-M license variations" (AI-model-licensing repo)',
  url: 'https://github.com/Open-Future-Foundation/AI-model-licensing/blob/main/open-rail-m-license-variants.md',
};

const USE_BASED_QUOTE =
  '"The restrictions set forth in Attachment A are considered Use-based restrictions. Therefore You cannot use the Model and the Derivatives of the Model for the specified restricted uses"; §4(a): they "MUST be included as an enforceable provision" in any downstream licence';
const REMOTE_QUOTE =
  '"Licensor reserves the right to restrict (remotely or otherwise) usage of the Model in violation of this License"';

function railClauses(src: Source, remoteSrc: Source = src) {
  return [
    clause('§4(a), §5, Attachment A', 'use-based restrictions (viral)', ['use', 'share'], USE_BASED_QUOTE, src),
    clause('§7', 'remote restriction', ['use'], REMOTE_QUOTE, remoteSrc),
  ];
}

const src = (title: string, url: string): Source => ({
  title: `${title} (clause wording as in BigScience OpenRAIL-M)`,
  url,
});
const REASON = 'RAIL licence: not OSI-approved; use-based restrictions bind every user and every derivative';

const BIGSCIENCE: Source = src(
  'BigScience OpenRAIL-M License (2022-08-18)',
  'https://bigscience.huggingface.co/blog/bigscience-openrail-m',
);
const CREATIVEML: Source = src(
  'CreativeML OpenRAIL-M License',
  'https://huggingface.co/spaces/CompVis/stable-diffusion-license',
);
const OPENRAIL_PP: Source = src(
  'CreativeML Open RAIL++-M License',
  'https://huggingface.co/stabilityai/stable-diffusion-xl-base-1.0/blob/main/LICENSE.md',
);
const BIGCODE: Source = src(
  'BigCode Open RAIL-M v1 License Agreement',
  'https://www.bigcode-project.org/docs/pages/bigcode-openrail',
);
const BLOOM: Source = src(
  'BigScience RAIL License v1.0 (BLOOM)',
  'https://bigscience.huggingface.co/blog/the-bigscience-rail-license',
);
const OPENRAIL: Source = src(
  'OpenRAIL licence family (Hugging Face overview)',
  'https://huggingface.co/blog/open_rail',
);

export const bigscienceOpenrailM: LicenseFamily = defineFamily({
  id: 'bigscience-openrail-m',
  name: 'BigScience OpenRAIL-M',
  recognise: {
    hubIds: ['bigscience-openrail-m'],
    names: [named('bigscience-openrail-m')],
    links: [/^bigscience\.huggingface\.co\/blog\/bigscience-openrail-m$/],
  },
  reason: REASON,
  clauses: railClauses(BIGSCIENCE),
  sources: [BIGSCIENCE],
});

export const creativemlOpenrailM: LicenseFamily = defineFamily({
  id: 'creativeml-openrail-m',
  name: 'CreativeML OpenRAIL-M',
  recognise: {
    hubIds: ['creativeml-openrail-m'],
    names: [named('creativeml-openrail-m')],
    links: [/^huggingface\.co\/spaces\/compvis\/stable-diffusion-license$/],
  },
  reason: REASON,
  clauses: railClauses(CREATIVEML),
  sources: [CREATIVEML],
});

export const openrailPlusPlus: LicenseFamily = defineFamily({
  id: 'openrail++',
  name: 'CreativeML Open RAIL++-M License',
  recognise: {
    hubIds: ['openrail++'],
    names: [named('(?:creativeml-)?openrail\\+\\+(?:-m)?')],
    links: [
      repoFile(
        'huggingface.co',
        'stabilityai/(?:stable-diffusion-xl-(?:base|refiner)-1\\.0|stable-diffusion-2(?:-1)?(?:-base)?)',
        '(?:license(?:\\.md|\\.txt)?|license-model)',
      ),
    ],
  },
  reason: REASON,
  clauses: railClauses(OPENRAIL_PP, VARIANTS_NOTE),
  sources: [OPENRAIL_PP, VARIANTS_NOTE],
});

export const bigcodeOpenrailM: LicenseFamily = defineFamily({
  id: 'bigcode-openrail-m',
  name: 'BigCode Open RAIL-M v1',
  recognise: {
    hubIds: ['bigcode-openrail-m'],
    names: [named('bigcode-openrail-m')],
    links: [
      /^bigcode-project\.org\/docs\/pages\/bigcode-openrail$/,
      /^huggingface\.co\/spaces\/bigcode\/bigcode-model-license-agreement$/,
    ],
  },
  reason: REASON,
  clauses: railClauses(BIGCODE),
  sources: [BIGCODE],
});

export const bigscienceBloomRail: LicenseFamily = defineFamily({
  id: 'bigscience-bloom-rail-1.0',
  name: 'BigScience BLOOM RAIL 1.0',
  recognise: {
    hubIds: ['bigscience-bloom-rail-1.0'],
    names: [named('bigscience-(?:bloom-)?rail')],
    links: [
      /^bigscience\.huggingface\.co\/blog\/the-bigscience-rail-license$/,
      /^huggingface\.co\/spaces\/bigscience\/license$/,
    ],
  },
  reason: REASON,
  clauses: railClauses(BLOOM),
  sources: [BLOOM],
});

/** The Hub's generic "openrail" id: the variant is not named, but every OpenRAIL licence has use-based restrictions. */
export const openrail: LicenseFamily = defineFamily({
  id: 'openrail',
  name: 'OpenRAIL licence family (variant not named)',
  recognise: {
    hubIds: ['openrail'],
    names: [named('openrail(?:-m)?')],
    links: [/^huggingface\.co\/blog\/open_rail$/],
  },
  reason: `${REASON} (exact variant not named; clauses as in BigScience OpenRAIL-M)`,
  clauses: railClauses(OPENRAIL),
  sources: [OPENRAIL],
});

export const openrailFamilies = [
  bigscienceOpenrailM,
  creativemlOpenrailM,
  openrailPlusPlus,
  bigcodeOpenrailM,
  bigscienceBloomRail,
  openrail,
];
