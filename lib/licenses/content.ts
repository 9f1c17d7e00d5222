import type { Source } from '../sources';
import type { ContentType } from './family';

/*
 * Free/open content and data licences. None is an OSI-approved *software* licence, so `osiApproved` stays false;
 * they are 'open' only because each was reviewed as granting use, study, modification and sharing for any purpose
 * (attribution or share-alike conditions allowed). Which review is named in the reason; the verdict layer decides
 * how a data/document licence counts for weights or code.
 */

const MOF_LIST: Source = {
  title: 'Model Openness Framework: type-appropriate open licences (lfai/model_openness_tool)',
  url: 'https://github.com/lfai/model_openness_tool',
};

export interface ContentLicense {
  spdx: string;
  contentType: ContentType;
  review: 'mof' | 'ajar';
}

export const REVIEWED_CONTENT_LICENSES: readonly ContentLicense[] = [
  // Listed by the MOF as open licences for data / documentation.
  { spdx: 'CC0-1.0', contentType: 'data', review: 'mof' },
  { spdx: 'CC-PDDC', contentType: 'data', review: 'mof' },
  { spdx: 'PDDL-1.0', contentType: 'data', review: 'mof' },
  { spdx: 'CDLA-Permissive-1.0', contentType: 'data', review: 'mof' },
  { spdx: 'CDLA-Permissive-2.0', contentType: 'data', review: 'mof' },
  { spdx: 'CC-BY-4.0', contentType: 'document', review: 'mof' },
  { spdx: 'CC-BY-SA-3.0', contentType: 'document', review: 'mof' },
  { spdx: 'CC-BY-SA-4.0', contentType: 'document', review: 'mof' },
  // Same grant structure (attribution or share-alike only), reviewed by Ajar.
  { spdx: 'CC-BY-2.0', contentType: 'document', review: 'ajar' },
  { spdx: 'CC-BY-2.5', contentType: 'document', review: 'ajar' },
  { spdx: 'CC-BY-3.0', contentType: 'document', review: 'ajar' },
  { spdx: 'ODC-By-1.0', contentType: 'data', review: 'ajar' },
  { spdx: 'ODbL-1.0', contentType: 'data', review: 'ajar' },
  { spdx: 'CDLA-Sharing-1.0', contentType: 'data', review: 'ajar' },
  { spdx: 'etalab-2.0', contentType: 'data', review: 'ajar' },
];

const byLower = new Map(REVIEWED_CONTENT_LICENSES.map((c) => [c.spdx.toLowerCase(), c]));

export function reviewedContentLicense(spdx: string): ContentLicense | undefined {
  return byLower.get(spdx.toLowerCase());
}

/** The published review to cite, if any; Ajar's own review is cited through the licence text itself. */
export function reviewSource(c: ContentLicense): Source | null {
  return c.review === 'mof' ? MOF_LIST : null;
}

export function reviewReason(c: ContentLicense): string {
  const who = c.review === 'mof' ? 'reviewed (MOF open-licence list)' : 'reviewed (Ajar licence review)';
  return `${who}: grants use, study, modify, share for ${c.contentType === 'data' ? 'data' : 'content'}; not an OSI-approved software licence`;
}
