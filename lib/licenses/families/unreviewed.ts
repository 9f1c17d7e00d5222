import type { Source } from '../../sources';
import { defineFamily, repoFile, type LicenseFamily } from '../family';
import { named } from '../recognise';

/*
 * Licences the Hub knows and we recognise, but whose text Ajar has not reviewed (no copy could be read). They stay
 * 'unknown': recognising a name is not a review, and a licence is never called open on its name alone.
 */

const NOT_REVIEWED = 'licence text not reviewed by Ajar; not OSI-approved, so never treated as open';

const INTEL: Source = {
  title: 'Intel Research Use License Agreement (as linked from the Hugging Face licence list)',
  url: 'https://huggingface.co/OpenVINO/Llama-3.1-8B-Instruct-FastDraft-150M-int8-ov/blob/main/LICENSE.md',
};
const H_RESEARCH: Source = {
  title: 'H Research License (as linked from the Hugging Face licence list)',
  url: 'https://huggingface.co/Hcompany/Holo1-3B/blob/main/LICENSE',
};
const GROK2: Source = {
  title: 'Grok 2 Community License Agreement (xai-org/grok-2 LICENSE)',
  url: 'https://huggingface.co/xai-org/grok-2/blob/main/LICENSE',
};
const OPENMDW_10: Source = {
  title: 'Open Model, Data & Weights License Agreement 1.0',
  url: 'https://openmdw.ai/license/1-0/',
};
const OPENMDW_11: Source = {
  title: 'Open Model, Data & Weights License Agreement 1.1',
  url: 'https://openmdw.ai/license/1-1/',
};

export const intelResearch: LicenseFamily = defineFamily({
  id: 'intel-research',
  name: 'Intel Research Use License Agreement',
  recognise: {
    hubIds: ['intel-research'],
    names: [named('intel-research(?:-use)?')],
  },
  status: 'unknown',
  reason: `Intel Research Use License: recognised by name (a research-use licence); ${NOT_REVIEWED}`,
  sources: [INTEL],
});

export const hResearch: LicenseFamily = defineFamily({
  id: 'h-research',
  name: 'H Research License',
  recognise: {
    hubIds: ['h-research'],
    names: [named('h-research'), named('h-company-research')],
    links: [repoFile('huggingface.co', 'hcompany/holo1-3b', 'license(?:\\.md|\\.txt)?')],
  },
  status: 'unknown',
  reason: `H Research License: recognised by name (a research licence); ${NOT_REVIEWED}`,
  sources: [H_RESEARCH],
});

export const grok2Community: LicenseFamily = defineFamily({
  id: 'grok2-community',
  name: 'Grok 2 Community License Agreement',
  recognise: {
    hubIds: ['grok2-community'],
    names: [named('grok-?2(?:\\.5)?-community'), named('grok-?2(?:\\.5)?')],
    links: [repoFile('huggingface.co', 'xai-org/grok-2[^/]*', 'license(?:\\.md|\\.txt)?')],
  },
  status: 'unknown',
  reason: `Grok 2 Community License: secondary reports describe commercial and model-training restrictions; ${NOT_REVIEWED}`,
  sources: [GROK2],
});

/**
 * OpenMDW (Linux Foundation) is drafted as a permissive licence for model materials and the Model Openness Tool
 * lists OpenMDW-1.0 as open, but it is neither OSI-approved nor on the SPDX list, and we have not read its text:
 * so 'unknown', with the MOT view recorded in the reason.
 */
export const openmdw: LicenseFamily = defineFamily({
  id: 'openmdw',
  name: 'Open Model, Data & Weights License Agreement (OpenMDW)',
  recognise: {
    hubIds: ['openmdw-1.0', 'openmdw-1.1'],
    names: [named('openmdw'), named('open-model-data-(?:and-|&-)?weights')],
    links: [/^openmdw\.ai\/license\/1-[01]$/],
  },
  status: 'unknown',
  contentType: 'any',
  reason: `OpenMDW: the Model Openness Tool counts OpenMDW-1.0 as open, but ${NOT_REVIEWED}`,
  sources: [OPENMDW_10, OPENMDW_11],
});

export const unreviewedFamilies = [intelResearch, hResearch, grok2Community, openmdw];
