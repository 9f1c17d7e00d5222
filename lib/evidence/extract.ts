import { assessLicense, isMorePermissive, unknownLicense } from '../licenses';
import type { LicenseAssessment, LicenseDeclaration } from '../licenses/types';
import type { Source } from '../sources';
import type { HubResult, HubUrls } from '../hub/client';
import { isValidRepoId } from '../knowledge/repo-ids';
import { errorText } from '../error-text';
import type { CardData, DatasetInfo, Gated, ModelInfo, Sibling } from '../hub/schemas';
import type { BaseModelEvidence, DataClass, DatasetEvidence, ModelEvidence } from './types';

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

const asList = (v: string | string[] | undefined | null): string[] =>
  v === undefined || v === null ? [] : (Array.isArray(v) ? v : [v]).map((s) => s.trim()).filter((s) => s.length > 0);

/** Case-insensitive de-duplication, keeping the first spelling seen. */
function uniqueCI(values: string[]): string[] {
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
  return (tags ?? []).filter((t) => t.startsWith(p)).map((t) => t.slice(p.length).trim()).filter(Boolean);
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
export function declaredLicense(cardData: CardData | null | undefined, tags: readonly string[] | undefined): DeclaredLicense | null {
  const fromCard = asList(cardData?.license);
  const fromTags = tagValues(tags, 'license');
  const licenseName = cardData?.license_name?.trim() || null;
  const licenseLink = cardData?.license_link?.trim() || null;
  const ids = fromCard.length > 0 ? fromCard : fromTags;
  if (ids.length === 0 && !licenseName && !licenseLink) return null;
  const license = ids.length === 0 ? null : ids.length === 1 ? ids[0]! : ids;
  return { license, licenseName, licenseLink, from: fromCard.length > 0 || licenseName || licenseLink ? 'cardData' : 'tags' };
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

// ---------------------------------------------------------------------------------------------- weights

// Files that share a weights extension but hold training state, not the model.
const TRAINING_STATE = /^(training_args|optimizer|scheduler|scaler|rng_state|trainer_state)([._-].*)?\.(bin|pt|pth)$/i;
// A `.bin` is weights only when its name says so (pytorch_model*.bin, adapter_model.bin, ggml-model-*.bin...);
// tokenizers and other blobs also use .bin.
const BIN_WEIGHTS = /(model|consolidated|ggml|weights|checkpoint|ckpt)[^/]*\.bin$/i;

const EXTENSION_FORMATS: ReadonlyArray<[RegExp, string]> = [
  [/\.safetensors$/i, 'safetensors'],
  [/\.gguf$/i, 'gguf'],
  [/\.ggml$/i, 'ggml'],
  [/\.onnx(_data|\.data)?$/i, 'onnx'],
  [/\.(pt|pth)$/i, 'pt'],
  [/\.ckpt$/i, 'ckpt'],
  [/\.(h5|keras)$/i, 'h5'],
  [/\.msgpack$/i, 'msgpack'],
  [/\.tflite$/i, 'tflite'],
  [/\.mlmodel$/i, 'mlmodel'],
  [/\.nemo$/i, 'nemo'],
  [/\.pdparams$/i, 'pdparams'],
  [/\.ot$/i, 'ot'], // rust-bert (tch) weights, e.g. rust_model.ot
  [/\.llamafile$/i, 'llamafile'],
];

/** The weights format a repo file is, or null when it is not a weights file. */
export function weightFormat(path: string): string | null {
  const base = path.split('/').pop() ?? path;
  // Core ML packages are directories: count the files inside one.
  if (/\.mlpackage\//i.test(path)) return 'mlpackage';
  if (TRAINING_STATE.test(base)) return null;
  if (/\.bin$/i.test(base)) return BIN_WEIGHTS.test(base) ? 'bin' : null;
  for (const [re, format] of EXTENSION_FORMATS) if (re.test(base)) return format;
  return null;
}

/** Weights from the repo's file list; 'unknown' when the Hub record has no file list. */
export function extractWeights(siblings: readonly Sibling[] | undefined, source: Source): WeightsEvidence {
  if (!siblings) return { status: 'unknown', formats: [], fileCount: 0, source: null };
  const formats = new Set<string>();
  let fileCount = 0;
  for (const s of siblings) {
    const f = weightFormat(s.rfilename);
    if (f) {
      formats.add(f);
      fileCount++;
    }
  }
  return { status: fileCount > 0 ? 'present' : 'absent', formats: [...formats].sort(), fileCount, source };
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

// ---------------------------------------------------------------------------------------------- code links

const CODE_URL = /https?:\/\/(?:www\.)?(github\.com|gitlab\.com|codeberg\.org|raw\.githubusercontent\.com)\/[^\s<>()[\]{}"'`|\\,;]+/gi;
// First path segments on github.com that are site pages, not owners.
const GITHUB_RESERVED = new Set([
  'about', 'apps', 'collections', 'contact', 'customer-stories', 'enterprise', 'events', 'explore', 'features',
  'login', 'marketplace', 'new', 'notifications', 'orgs', 'organizations', 'pricing', 'search', 'security',
  'settings', 'site', 'sponsors', 'topics', 'trending', 'users', 'join', 'readme', 'team',
]);
const GITLAB_STOP = new Set(['-', 'blob', 'tree', 'raw', 'issues', 'merge_requests', 'commit', 'commits', 'wikis', 'releases']);
const NAME = /^[A-Za-z0-9_.-]+$/;

/**
 * General-purpose libraries and tools that cards link to for installation or inference. A link to one of
 * these says how to *run* a model, not where *its* code is, so it is not counted as the model's code.
 */
export const GENERAL_TOOLING_REPOS: ReadonlySet<string> = new Set([
  'github.com/huggingface/transformers',
  'github.com/huggingface/diffusers',
  'github.com/huggingface/optimum',
  'github.com/huggingface/peft',
  'github.com/huggingface/accelerate',
  'github.com/huggingface/text-generation-inference',
  'github.com/huggingface/huggingface_hub',
  'github.com/pytorch/pytorch',
  'github.com/google/jax',
  'github.com/jax-ml/jax',
  'github.com/tensorflow/tensorflow',
  'github.com/openai/triton',
  'github.com/triton-lang/triton',
  'github.com/nvidia/apex',
  'github.com/facebookresearch/xformers',
  'github.com/dao-ailab/flash-attention',
  'github.com/ggerganov/llama.cpp',
  'github.com/ggml-org/llama.cpp',
  'github.com/vllm-project/vllm',
  'github.com/openai/tiktoken',
  'github.com/pytorch/executorch',
]);

/** The repository root of a code-hosting URL (https://github.com/owner/repo), or null for other pages. */
export function codeRepoRoot(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  const host = u.hostname.toLowerCase().replace(/^www\./, '');
  // Markdown escapes (llama3\_3) and trailing punctuation leak into URLs found in prose.
  const segs = u.pathname
    .split('/')
    .map((s) => decodeURIComponentSafe(s).replace(/\\/g, ''))
    .filter((s) => s.length > 0);
  // pip-style "repo.git@ref", ".git" suffixes and trailing punctuation are not part of the name.
  const clean = (s: string) => s.replace(/@.*$/, '').replace(/\.git$/i, '').replace(/[.}]+$/, '');
  if (host === 'github.com' || host === 'raw.githubusercontent.com') {
    const [owner, repo] = segs;
    if (!owner || !repo) return null;
    if (host === 'github.com' && GITHUB_RESERVED.has(owner.toLowerCase())) return null;
    const o = clean(owner);
    const r = clean(repo);
    if (!NAME.test(o) || !NAME.test(r) || !o || !r) return null;
    return `https://github.com/${o}/${r}`;
  }
  if (host === 'codeberg.org') {
    const [owner, repo] = segs;
    if (!owner || !repo) return null;
    const o = clean(owner);
    const r = clean(repo);
    if (!NAME.test(o) || !NAME.test(r) || !o || !r) return null;
    return `https://codeberg.org/${o}/${r}`;
  }
  if (host === 'gitlab.com') {
    // group[/subgroup...]/project, up to the "/-/" separator or a page name.
    const path: string[] = [];
    for (const s of segs) {
      if (GITLAB_STOP.has(s)) break;
      path.push(clean(s));
    }
    if (path.length < 2 || !path.every((s) => NAME.test(s) && s.length > 0)) return null;
    return `https://gitlab.com/${path.join('/')}`;
  }
  return null;
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Strings in card metadata worth scanning for links (licence prompts and widgets excluded). */
function metadataStrings(value: unknown, out: string[], depth = 0): void {
  if (depth > 6 || out.length > 2000) return;
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) metadataStrings(v, out, depth + 1);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      // Gating prompts quote licence text (with its own links); widgets are example inputs.
      if (k.startsWith('extra_gated') || k === 'widget') continue;
      metadataStrings(v, out, depth + 1);
    }
  }
}

export interface CodeLinks {
  /** Repository roots linked from the card, tooling excluded, in order of first appearance. */
  links: string[];
  /** Repository roots of general-purpose tooling that were linked but not counted. */
  tooling: string[];
}

/** GitHub / GitLab / Codeberg repositories linked from a card body and its metadata. */
export function extractCodeLinks(body: string | null | undefined, cardData: unknown): CodeLinks {
  const texts: string[] = [];
  metadataStrings(cardData, texts);
  if (body) texts.push(body);
  const links: string[] = [];
  const tooling: string[] = [];
  const seen = new Set<string>();
  for (const text of texts) {
    for (const m of text.matchAll(CODE_URL)) {
      const root = codeRepoRoot(m[0]);
      if (!root) continue;
      const key = root.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      if (GENERAL_TOOLING_REPOS.has(key.replace(/^https:\/\//, ''))) tooling.push(root);
      else links.push(root);
    }
  }
  return { links, tooling };
}

// ---------------------------------------------------------------------------------------------- datasets

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

const licenseLabel = (a: LicenseAssessment) => a.id ?? (a.input || 'an unrecognised licence');

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
  const source = valid ? datasetApiSource(urls, id) : (declaredIn ?? { title: `Dataset named by the model: ${id}`, url: urls.datasetPage(id) });
  const base = { id, source };
  if (!valid) {
    return { ...base, license: null, dataClass: 'unknown', gated: 'unknown', reason: `"${id}" is not a Hugging Face dataset id` };
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
  const license = declared ? safeAssess({ license: declared.license, licenseName: declared.licenseName, licenseLink: declared.licenseLink }) : null;
  const done = (dataClass: DataClass, reason: string): DatasetEvidence => ({ ...base, license, dataClass, gated, reason, hubStatus: 'ok' });

  if (info.disabled === true) return done('unknown', 'the dataset is disabled on the Hub');
  if (info.gated === undefined) return done('unknown', 'its Hub record does not say whether access is gated');
  if (info.private === true) return done('unshareable', 'the dataset is private on the Hub: not available to the public');
  if (gated !== 'none') {
    const lic = license ? `; licence ${licenseLabel(license)}` : '';
    return done('obtainable', `gated on the Hub (${gated === 'unknown' ? 'gated' : `${gated} approval`}): obtainable after accepting conditions${lic}`);
  }
  if (!license) return done('public', 'publicly downloadable from the Hub, but no licence is declared: rights to share are unknown');
  if (isOpenDataLicense(license, asList(declared?.license))) {
    return done('open', `publicly downloadable under ${licenseLabel(license)} (as declared by the uploader; the Hub does not verify rights)`);
  }
  if (license.status === 'restricted') {
    return done('public', `publicly downloadable, but its licence ${licenseLabel(license)} restricts use or sharing`);
  }
  return done('public', `publicly downloadable; its licence ${licenseLabel(license)} is not recognised as open for data`);
}

// ---------------------------------------------------------------------------------------------- base models

export interface BaseModelRef {
  id: string;
  relation: BaseRelation;
  /** Where the relation came from: a `base_model:<relation>:` tag, card `base_model_relation`, inferred, or none. */
  relationFrom: 'tag' | 'card' | 'inferred' | 'none';
  /** When inferred: what from. */
  inferredFrom?: string;
}

const RELATIONS = new Set<BaseRelation>(['finetune', 'quantized', 'merge', 'adapter']);
const QUANT_TAGS = ['gguf', 'ggml', 'gptq', 'awq', 'exl2', 'aqlm', 'hqq', 'bitsandbytes', '4-bit', '8-bit', 'quantized'];
const MERGE_TAGS = ['merge', 'mergekit'];

/** The relation tags and files suggest when nothing states it; 'unknown' when nothing does. */
export function inferBaseRelation(info: Pick<ModelInfo, 'tags' | 'siblings' | 'library_name'>): { relation: BaseRelation; from?: string } {
  const tags = new Set((info.tags ?? []).map((t) => t.toLowerCase()));
  const files = (info.siblings ?? []).map((s) => s.rfilename.split('/').pop() ?? '');
  const adapterFile = files.find((f) => /^adapter_(config\.json|model\.(safetensors|bin))$/.test(f));
  if (adapterFile) return { relation: 'adapter', from: `file ${adapterFile}` };
  if (info.library_name === 'peft' || tags.has('peft') || tags.has('lora')) return { relation: 'adapter', from: 'tag peft/lora' };
  const merge = MERGE_TAGS.find((t) => tags.has(t));
  if (merge) return { relation: 'merge', from: `tag ${merge}` };
  const quant = QUANT_TAGS.find((t) => tags.has(t));
  if (quant) return { relation: 'quantized', from: `tag ${quant}` };
  return { relation: 'unknown' };
}

/**
 * Base models a model declares: the Hub's `base_model:` tags (normalised by the Hub) first, then card
 * `base_model` entries not already listed. Relation per id: its `base_model:<relation>:` tag, else the
 * card's `base_model_relation`, else inferred from tags/files, else 'unknown'.
 */
export function declaredBaseModels(
  info: Pick<ModelInfo, 'id' | 'tags' | 'siblings' | 'library_name'>,
  cardData: CardData | null | undefined,
): BaseModelRef[] {
  const ids: string[] = [];
  const tagRelation = new Map<string, BaseRelation>();
  for (const value of tagValues(info.tags, 'base_model')) {
    const colon = value.indexOf(':');
    if (colon > 0 && RELATIONS.has(value.slice(0, colon) as BaseRelation)) {
      const id = value.slice(colon + 1).trim();
      if (id) {
        tagRelation.set(id.toLowerCase(), value.slice(0, colon) as BaseRelation);
        ids.push(id);
      }
    } else {
      ids.push(value);
    }
  }
  ids.push(...asList(cardData?.base_model));
  const cardRelation = cardData?.base_model_relation?.trim().toLowerCase();
  const inferred = inferBaseRelation(info);
  const self = info.id.toLowerCase();
  return uniqueCI(ids)
    .filter((id) => id.toLowerCase() !== self)
    .map((id): BaseModelRef => {
      const fromTag = tagRelation.get(id.toLowerCase());
      if (fromTag) return { id, relation: fromTag, relationFrom: 'tag' };
      if (cardRelation && RELATIONS.has(cardRelation as BaseRelation)) {
        return { id, relation: cardRelation as BaseRelation, relationFrom: 'card' };
      }
      if (inferred.relation !== 'unknown') {
        return { id, relation: inferred.relation, relationFrom: 'inferred', inferredFrom: inferred.from };
      }
      return { id, relation: 'unknown', relationFrom: 'none' };
    });
}

// ---------------------------------------------------------------------------------------------- inheritance

/**
 * A derivative cannot grant more than its base's licence allows. Conflict when the model's own licence is
 * more permissive than a restricted base's (e.g. `license: mit` on a fine-tune of a Llama 3.1 model).
 * Direct bases are checked before bases of bases. Null when no conflict is shown (including when unknown).
 */
export function findInheritanceConflict(
  model: LicenseAssessment | null,
  bases: readonly BaseModelEvidence[],
): { baseId: string; reason: string } | null {
  if (!model) return null;
  const ordered = [...bases].sort((a, b) => (a.depth ?? 1) - (b.depth ?? 1));
  for (const base of ordered) {
    if (!base.license || base.license.status !== 'restricted') continue;
    let more: boolean | null;
    try {
      more = isMorePermissive(model, base.license);
    } catch {
      more = null;
    }
    if (more !== true) continue;
    const rel = base.relation === 'unknown' ? 'a derivative' : `a ${base.relation === 'finetune' ? 'fine-tune' : base.relation}`;
    const chain = base.depth && base.depth > 1 && base.via ? ` (via ${base.via})` : '';
    return {
      baseId: base.id,
      reason:
        `declares ${licenseLabel(model)}, more permissive than ${base.id}'s ${licenseLabel(base.license)}${chain}, ` +
        `which restricts use or sharing; as ${rel} of ${base.id} it cannot grant more than that licence allows`,
    };
  }
  return null;
}

/**
 * For a model that declares no licence: the licence of its direct base(s), when they agree on one.
 * Returns the base to inherit from, or null (no base licence known, or bases disagree).
 */
export function inheritableBase(bases: readonly BaseModelEvidence[]): BaseModelEvidence | null {
  const direct = bases.filter((b) => (b.depth ?? 1) === 1);
  // Only a licence a base actually declares can be inherited; "none declared" is not a licence.
  if (direct.length === 0 || direct.some((b) => !b.license || b.license.input === '')) return null;
  const keys = new Set(direct.map((b) => (b.license!.id ?? b.license!.input).toLowerCase()));
  return keys.size === 1 ? direct[0]! : null;
}
