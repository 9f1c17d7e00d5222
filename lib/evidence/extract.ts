import { assessLicense, unknownLicense } from '../licenses';
import type { LicenseAssessment, LicenseDeclaration } from '../licenses/types';
import type { Source } from '../sources';
import type { HubUrls } from '../hub/client';
import { errorText } from '../error-text';
import type { CardData, Gated } from '../hub/schemas';
import type { BaseModelEvidence, ModelEvidence } from './types';

export { extractWeights, weightFormat } from './weights';
export { type CodeLinks, GENERAL_TOOLING_REPOS, codeRepoRoot, extractCodeLinks } from './code-links';
export { classifyDataset, declaredDatasets } from './datasets';
export {
  type BaseModelRef,
  declaredBaseModels,
  findInheritanceConflict,
  inferBaseRelation,
  inheritableBase,
} from './base-models';

/*
 * Pure functions from already-parsed Hub data to evidence. No I/O: gather.ts fetches, these read.
 * Rule throughout: what the data does not say is 'unknown' (or null), never a plausible guess.
 */

export type Gating = 'none' | 'auto' | 'manual' | 'unknown';
export type BaseRelation = BaseModelEvidence['relation'];
export type LicenseEvidence = NonNullable<ModelEvidence['license']>;
export type WeightsEvidence = ModelEvidence['weights'];

// ---------------------------------------------------------------------------------------------- sources

export function modelApiSource(urls: HubUrls, id: string): Source {
  return { title: `Hugging Face Hub API: model ${id}`, url: urls.modelApi(id) };
}

export function modelCardSource(urls: HubUrls, id: string): Source {
  return { title: `Model card of ${id} (README.md)`, url: urls.modelCardBlob(id) };
}

export function datasetApiSource(urls: HubUrls, id: string): Source {
  return { title: `Hugging Face Hub API: dataset ${id}`, url: urls.datasetApi(id) };
}

// ---------------------------------------------------------------------------------------------- helpers

export const asList = (v: string | string[] | undefined | null): string[] =>
  v === undefined || v === null ? [] : (Array.isArray(v) ? v : [v]).map((s) => s.trim()).filter((s) => s.length > 0);

/** Case-insensitive de-duplication, keeping the first spelling seen. */
export function uniqueCI(values: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const v of values) {
    const k = v.toLowerCase();
    if (!seen.has(k)) {
      seen.add(k);
      out.push(v);
    }
  }
  return out;
}

/** Values of `prefix:` tags, e.g. tagValues(tags, 'license') for `license:mit`. */
export function tagValues(tags: readonly string[] | undefined, prefix: string): string[] {
  const p = `${prefix}:`;
  return (tags ?? [])
    .filter((t) => t.startsWith(p))
    .map((t) => t.slice(p.length).trim())
    .filter(Boolean);
}

/** The assessment for a repo whose record was read but declares no licence at all. */
export function noLicenseDeclared(): LicenseAssessment {
  return unknownLicense('', 'no licence is declared in the Hub record');
}

function declarationInput(decl: LicenseDeclaration): string {
  const l = Array.isArray(decl.license) ? decl.license.join(', ') : (decl.license ?? '');
  return [l, decl.licenseName, decl.licenseLink].filter(Boolean).join(' / ');
}

export function safeAssess(decl: LicenseDeclaration): LicenseAssessment {
  try {
    return assessLicense(decl);
  } catch (err) {
    return unknownLicense(declarationInput(decl), `could not be assessed: ${errorText(err)}`);
  }
}

// ---------------------------------------------------------------------------------------------- licence

export interface DeclaredLicense {
  license: string | string[] | null;
  licenseName: string | null;
  licenseLink: string | null;
  /** Where it was read: card metadata, or only the Hub's `license:` tags. */
  from: 'cardData' | 'tags';
}

/**
 * The licence a repo declares: card metadata `license` (+ `license_name`, `license_link`), else the Hub's
 * `license:` tags (the Hub derives them from the same metadata). Null when nothing is declared.
 */
export function declaredLicense(
  cardData: CardData | null | undefined,
  tags: readonly string[] | undefined,
): DeclaredLicense | null {
  const fromCard = asList(cardData?.license);
  const fromTags = tagValues(tags, 'license');
  const licenseName = cardData?.license_name?.trim() || null;
  const licenseLink = cardData?.license_link?.trim() || null;
  const ids = fromCard.length > 0 ? fromCard : fromTags;
  if (ids.length === 0 && !licenseName && !licenseLink) return null;
  const license = ids.length === 0 ? null : ids.length === 1 ? ids[0]! : ids;
  return {
    license,
    licenseName,
    licenseLink,
    from: fromCard.length > 0 || licenseName || licenseLink ? 'cardData' : 'tags',
  };
}

/** Declared licence plus its assessment, or null when the repo declares none. */
export function extractLicense(
  cardData: CardData | null | undefined,
  tags: readonly string[] | undefined,
  source: Source,
): LicenseEvidence | null {
  const declared = declaredLicense(cardData, tags);
  if (!declared) return null;
  const { from: _from, ...decl } = declared;
  return { declared: decl, assessment: safeAssess(decl), source };
}

// ---------------------------------------------------------------------------------------------- gating

/** `gated` of a Hub record. `true` (older API answers) says gated without saying how: 'unknown' mode. */
export function extractGating(gated: Gated | undefined): Gating {
  if (gated === false) return 'none';
  if (gated === 'auto' || gated === 'manual') return gated;
  return 'unknown';
}

// ---------------------------------------------------------------------------------------------- papers

// New-style (2007+) ids like 2307.09288 or 2307.09288v2, and old-style ones like hep-th/9901001.
const ARXIV_ID = /^(\d{4}\.\d{4,5}(v\d+)?|[a-z-]+(\.[A-Z]{2})?\/\d{7}(v\d+)?)$/;

/** Papers from the Hub's `arxiv:` tags (which the Hub derives from arXiv links in the card). */
export function extractPapers(tags: readonly string[] | undefined): ModelEvidence['papers'] {
  return uniqueCI(tagValues(tags, 'arxiv'))
    .filter((id) => ARXIV_ID.test(id))
    .map((id) => ({ id, url: `https://arxiv.org/abs/${id}` }));
}
