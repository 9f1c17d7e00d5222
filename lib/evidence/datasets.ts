/** Training datasets a card declares, and what each one's Hub record says about its openness. */
import type { LicenseAssessment } from '../licenses/types';
import type { Source } from '../sources';
import type { HubResult, HubUrls } from '../hub/client';
import { isValidRepoId } from '../knowledge/repo-ids';
import type { CardData, DatasetInfo } from '../hub/schemas';
import type { DataClass, DatasetEvidence } from './types';
import { asList, datasetApiSource, declaredLicense, extractGating, safeAssess, tagValues, uniqueCI } from './extract';

/** Datasets a model declares: card `datasets` and the Hub's `dataset:` tags, de-duplicated. */
export function declaredDatasets(cardData: CardData | null | undefined, tags: readonly string[] | undefined): string[] {
  return uniqueCI([...asList(cardData?.datasets), ...tagValues(tags, 'dataset')]);
}

// Licences that let anyone use, study, modify and share data (including copyleft share-alike).
// Hub ids and SPDX ids; NC (non-commercial) and ND (no-derivatives) variants are deliberately absent.
const OPEN_DATA_LICENSE =
  /^(cc-by(-sa)?-[1-4]\.0|cc0-1\.0|cc0|odc-by(-1\.0)?|odbl(-1\.0)?|pddl(-1\.0)?|cdla-permissive-[12]\.0|cdla-sharing-1\.0|mit|apache-2\.0|bsd(-[23]-clause)?|bsd-3-clause-clear|0bsd|isc|unlicense|cc-by-sa-3\.0|gfdl|gpl-[23]\.0|lgpl-[23]\.0|mpl-2\.0|etalab-2\.0|ogl-uk-3\.0|cdla-permissive)$/i;

function isOpenDataLicense(assessment: LicenseAssessment, declaredIds: string[]): boolean {
  if (assessment.status === 'restricted') return false;
  if (assessment.status === 'open' || assessment.osiApproved === true) return true;
  const ids = declaredIds.length > 0 ? declaredIds : assessment.id ? [assessment.id] : [];
  return ids.length > 0 && ids.every((id) => OPEN_DATA_LICENSE.test(id));
}

export const licenseLabel = (a: LicenseAssessment) => a.id ?? (a.input || 'an unrecognised licence');

/**
 * OSI data class of one declared training dataset, from its own Hub record (OSAID 1.0 FAQ classes).
 *
 * Mapping, first rule that applies:
 *   not fetched (over the limit), fetch failed, or not found  → unknown   (nothing read, nothing claimed)
 *   record disabled                                           → unknown   (content withdrawn)
 *   gating not stated in the record                           → unknown
 *   private: true                                             → unshareable (non-public, not shareable by others)
 *   gated ('auto' or 'manual'), whatever the licence          → obtainable (can be obtained under conditions)
 *   not gated, licence open for data (OSI-approved, CC-BY/-SA, CC0, ODC-By, ODbL, PDDL, CDLA, MIT,
 *     Apache...; never NC/ND)                                 → open      (can be shared freely)
 *   not gated, licence restricted (NC, ND, custom terms),
 *     unrecognised, or not declared                           → public    (anyone can inspect and get it,
 *                                                                          without a clear right to share)
 * "open" rests on the licence the uploader declared; the Hub does not check that the uploader holds the rights.
 */
export function classifyDataset(
  id: string,
  result: HubResult<DatasetInfo> | null,
  urls: HubUrls,
  notFetchedReason = 'not fetched',
  /** Where the model names this dataset: the source for a name that is not a Hub id (no Hub URL exists). */
  declaredIn?: Source,
): DatasetEvidence {
  const valid = isValidRepoId(id);
  const source = valid
    ? datasetApiSource(urls, id)
    : (declaredIn ?? { title: `Dataset named by the model: ${id}`, url: urls.datasetPage(id) });
  const base = { id, source };
  if (!valid) {
    return {
      ...base,
      license: null,
      dataClass: 'unknown',
      gated: 'unknown',
      reason: `"${id}" is not a Hugging Face dataset id`,
    };
  }
  if (!result) return { ...base, license: null, dataClass: 'unknown', gated: 'unknown', reason: notFetchedReason };
  if (!result.ok) {
    const reason =
      result.status === 'not-found'
        ? 'no such dataset on the Hub (it may be private, renamed, or named outside the Hub)'
        : `its Hub record could not be read (${result.status}: ${result.message})`;
    return { ...base, license: null, dataClass: 'unknown', gated: 'unknown', reason, hubStatus: result.status };
  }
  const info = result.data;
  const gated = extractGating(info.gated);
  const declared = declaredLicense(info.cardData, info.tags);
  const license = declared
    ? safeAssess({ license: declared.license, licenseName: declared.licenseName, licenseLink: declared.licenseLink })
    : null;
  const done = (dataClass: DataClass, reason: string): DatasetEvidence => ({
    ...base,
    license,
    dataClass,
    gated,
    reason,
    hubStatus: 'ok',
  });

  if (info.disabled === true) return done('unknown', 'the dataset is disabled on the Hub');
  if (info.gated === undefined) return done('unknown', 'its Hub record does not say whether access is gated');
  if (info.private === true)
    return done('unshareable', 'the dataset is private on the Hub: not available to the public');
  if (gated !== 'none') {
    const lic = license ? `; licence ${licenseLabel(license)}` : '';
    return done(
      'obtainable',
      `gated on the Hub (${gated === 'unknown' ? 'gated' : `${gated} approval`}): obtainable after accepting conditions${lic}`,
    );
  }
  if (!license)
    return done(
      'public',
      'publicly downloadable from the Hub, but no licence is declared: rights to share are unknown',
    );
  if (isOpenDataLicense(license, asList(declared?.license))) {
    return done(
      'open',
      `publicly downloadable under ${licenseLabel(license)} (as declared by the uploader; the Hub does not verify rights)`,
    );
  }
  if (license.status === 'restricted') {
    return done('public', `publicly downloadable, but its licence ${licenseLabel(license)} restricts use or sharing`);
  }
  return done(
    'public',
    `publicly downloadable; its licence ${licenseLabel(license)} is not recognised as open for data`,
  );
}
