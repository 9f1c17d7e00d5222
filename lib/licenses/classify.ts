import type { Source } from '../sources';
import { errorText } from '../error-text';
import { reviewReason, reviewSource, reviewedContentLicense } from './content';
import { deriveFreedoms, type ContentType, type LicenseFamily } from './family';
import { licenseFamilies } from './families';
import { HUB_LICENSES, hubLicense, type HubLicense } from './hub';
import { looksLikeUrl, normaliseLink, normaliseName } from './recognise';
import {
  fsfLibre,
  isLeaf,
  parseExpression,
  placeholderWord,
  spdxIds,
  spdxLicense,
  type ParsedExpression,
  type SpdxLeaf,
  type SpdxNode,
} from './spdx';
import {
  LicenseAssessmentSchema,
  type LicenseAssessment,
  type LicenseClause,
  type LicenseDeclaration,
  type LicenseStatus,
} from './types';

/* ------------------------------------------------------------------------------------------------------------ */
/* Building blocks                                                                                               */
/* ------------------------------------------------------------------------------------------------------------ */

/** The assessment for a licence Ajar cannot place: every freedom unknown, never open. */
export function unknown(input: string, reason: string, extra: Partial<LicenseAssessment> = {}): LicenseAssessment {
  return {
    input,
    id: null,
    name: null,
    osiApproved: null,
    fsfLibre: null,
    status: 'unknown',
    reason,
    freedoms: deriveFreedoms('unknown', []),
    clauses: [],
    contentType: 'unknown',
    sources: [],
    ...extra,
  };
}

function fromFamily(input: string, family: LicenseFamily, id: string = family.id): LicenseAssessment {
  return {
    input,
    id,
    name: family.name,
    osiApproved: family.osiApproved,
    fsfLibre: family.fsfLibre,
    status: family.status,
    reason: family.reason,
    freedoms: { ...family.freedoms },
    clauses: family.clauses.map((c) => ({ ...c, freedoms: [...c.freedoms] })),
    contentType: family.contentType,
    sources: [...family.sources],
  };
}

const familyByHubId = new Map<string, LicenseFamily>();
const familyBySpdx = new Map<string, LicenseFamily>();
for (const f of licenseFamilies) {
  for (const h of f.recognise.hubIds) familyByHubId.set(h, f);
  for (const s of f.recognise.spdxIds) familyBySpdx.set(s.toLowerCase(), f);
}

function familyByName(normalised: string): LicenseFamily | undefined {
  return licenseFamilies.find((f) => f.recognise.names.some((re) => re.test(normalised)));
}

function familyByLink(normalised: string): LicenseFamily | undefined {
  return licenseFamilies.find((f) => f.recognise.links.some((re) => re.test(normalised)));
}

/* ------------------------------------------------------------------------------------------------------------ */
/* SPDX ids                                                                                                      */
/* ------------------------------------------------------------------------------------------------------------ */

function spdxSources(id: string, name: string, url: string): Source[] {
  const out: Source[] = [{ title: `${name} (SPDX License List)`, url: `https://spdx.org/licenses/${id}.html` }];
  if (url) out.push({ title: `${name}: licence text`, url });
  return out;
}

/** One SPDX id (optionally "+" and/or WITH an exception). The base licence decides; the rest is noted. */
function assessSpdxId(input: string, rawId: string, plus = false, exception?: string): LicenseAssessment {
  const spdx = spdxLicense(rawId);
  const suffix = `${plus ? '+' : ''}${exception ? ` WITH ${exception}` : ''}`;
  const note = [
    plus ? 'or any later version' : '',
    exception ? `with the SPDX exception ${exception} (extra permissions; the base licence decides)` : '',
  ]
    .filter(Boolean)
    .join('; ');
  const withNote = (a: LicenseAssessment): LicenseAssessment => ({
    ...a,
    id: `${a.id ?? rawId}${suffix}`,
    reason: note ? `${a.reason} (${note})` : a.reason,
  });

  const family = familyBySpdx.get(rawId.toLowerCase());
  if (family) return withNote(fromFamily(input, family, spdx?.id ?? rawId));
  if (!spdx) {
    return unknown(input, `"${rawId}" is not on the SPDX License List and not a licence Ajar recognises`);
  }
  const fsf = fsfLibre(spdx.id);
  const base = {
    input,
    id: spdx.id,
    name: spdx.name,
    osiApproved: spdx.osiApproved,
    fsfLibre: fsf,
    clauses: [] as LicenseClause[],
    sources: spdxSources(spdx.id, spdx.name, spdx.url),
  };
  if (spdx.osiApproved) {
    return withNote({
      ...base,
      status: 'open',
      reason: 'OSI-approved (SPDX License List flag)',
      freedoms: deriveFreedoms('open', []),
      contentType: 'code',
    });
  }
  const content = reviewedContentLicense(spdx.id);
  if (content) {
    const review = reviewSource(content);
    return withNote({
      ...base,
      status: 'open',
      reason: reviewReason(content),
      freedoms: deriveFreedoms('open', []),
      contentType: content.contentType,
      sources: review ? [...base.sources, review] : base.sources,
    });
  }
  if (fsf === true) {
    return withNote({
      ...base,
      status: 'open',
      reason: 'reviewed (FSF free-licence list, via the SPDX FSF-libre flag): grants the four freedoms; not OSI-approved',
      freedoms: deriveFreedoms('open', []),
      contentType: 'code',
    });
  }
  return withNote({
    ...base,
    status: 'unknown',
    reason: 'on the SPDX List but not OSI-approved and not reviewed by Ajar, so not counted as open',
    freedoms: deriveFreedoms('unknown', []),
    contentType: 'unknown',
  });
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Hub ids                                                                                                       */
/* ------------------------------------------------------------------------------------------------------------ */

/** The Hub's version-less family ids, resolved against every SPDX version of the family. */
const VERSION_FAMILIES: Record<string, { members: RegExp; contentType: ContentType; whyNot?: string }> = {
  bsd: { members: /^(?:0BSD|BSD-)/, contentType: 'code' },
  gpl: { members: /^GPL-\d/, contentType: 'code' },
  lgpl: { members: /^LGPL-\d/, contentType: 'code' },
  gfdl: {
    members: /^GFDL-/,
    contentType: 'document',
    whyNot: 'GNU FDL without a version or its invariant-section options: a documentation licence, not OSI-approved and not reviewed by Ajar',
  },
  cc: {
    members: /^CC-BY|^CC0-/,
    contentType: 'document',
    whyNot: 'Creative Commons family without its elements: it includes NonCommercial and NoDerivatives licences, so the exact licence is needed',
  },
};

function assessVersionFamily(input: string, hub: HubLicense): LicenseAssessment {
  const fam = VERSION_FAMILIES[hub.id]!;
  // Deprecated "-with-...-exception" ids are not separate licences; leave them out of the family.
  const members = spdxIds().filter((id) => fam.members.test(id) && !/-with-/.test(id));
  const notOsi = members.filter((id) => !spdxLicense(id)!.osiApproved);
  const sources: Source[] = hub.url ? [{ title: hub.name, url: hub.url }] : [];
  if (members.length > 0 && notOsi.length === 0) {
    return {
      input,
      id: hub.id,
      name: hub.name,
      osiApproved: true,
      fsfLibre: null,
      status: 'open',
      reason: `version not stated, but every SPDX version of this family (${members.length}) is OSI-approved`,
      freedoms: deriveFreedoms('open', []),
      clauses: [],
      contentType: fam.contentType,
      sources: [{ title: `${hub.name} (SPDX License List)`, url: 'https://spdx.org/licenses/' }, ...sources],
    };
  }
  const examples = notOsi.slice(0, 3).join(', ');
  return unknown(
    input,
    fam.whyNot ??
      `licence family without a version: ${examples || 'some versions'} ${notOsi.length === 1 ? 'is' : 'are'} not OSI-approved, so the exact licence is needed`,
    { id: hub.id, name: hub.name, contentType: fam.contentType, sources },
  );
}

/** A Hub id. Returns null for "other" / "unknown", which only the licence name or link can resolve. */
function assessHub(input: string, hub: HubLicense): LicenseAssessment | null {
  if (hub.id === 'other' || hub.id === 'unknown') return null;
  const family = familyByHubId.get(hub.id);
  if (family) return fromFamily(input, family);
  if (hub.spdx) return assessSpdxId(input, hub.spdx);
  if (VERSION_FAMILIES[hub.id]) return assessVersionFamily(input, hub);
  return unknown(input, `${hub.name}: no SPDX id and not reviewed by Ajar, so not counted as open`, {
    id: hub.id,
    name: hub.name,
    sources: hub.url ? [{ title: hub.name, url: hub.url }] : [],
  });
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Names and links                                                                                               */
/* ------------------------------------------------------------------------------------------------------------ */

const HUB_BY_NAME = new Map<string, HubLicense>(HUB_LICENSES.map((h) => [normaliseName(h.name), h]));
const SPDX_BY_NAME = new Map<string, string>(
  spdxIds().map((id) => [normaliseName(spdxLicense(id)!.name), id] as const),
);

/** A few spellings that are common in model cards but are neither ids nor official names. */
const ALIASES: Record<string, string> = {
  'apache-2': 'Apache-2.0',
  apache2: 'Apache-2.0',
  'apache-v2': 'Apache-2.0',
  'apache-v2.0': 'Apache-2.0',
  'bsd-2': 'BSD-2-Clause',
  'bsd-3': 'BSD-3-Clause',
  gplv2: 'GPL-2.0-only',
  gplv3: 'GPL-3.0-only',
  agplv3: 'AGPL-3.0-only',
  lgplv3: 'LGPL-3.0-only',
  cc0: 'CC0-1.0',
};

/** Name variants to try: as given, then without the words "license"/"version"/"the". */
function nameVariants(normalised: string): string[] {
  const stripped = normalised
    .replace(/(?:^|-)the(?=-)/g, '')
    .replace(/-(?:licen[cs]e|version)(?=-|$)/g, '')
    .replace(/^-+/, '');
  return [...new Set([normalised, stripped])];
}

function assessName(input: string, raw: string): LicenseAssessment | null {
  const normalised = normaliseName(raw);
  if (!normalised) return null;
  for (const n of nameVariants(normalised)) {
    const hub = hubLicense(n) ?? HUB_BY_NAME.get(n);
    if (hub && hub.id !== 'other' && hub.id !== 'unknown') return assessHub(input, hub);
    const spdx = spdxLicense(n)?.id ?? SPDX_BY_NAME.get(n) ?? ALIASES[n];
    if (spdx) return assessSpdxId(input, spdx);
  }
  const family = familyByName(normalised);
  return family ? fromFamily(input, family) : null;
}

/** Common licence-text hosts whose URL names the licence. */
function spdxFromLink(link: string): string | undefined {
  const cc = /^creativecommons\.org\/licenses\/(by(?:-[a-z]+)*)\/(\d\.\d)(?:\/.*)?$/.exec(link);
  if (cc) return `CC-${cc[1]!.toUpperCase()}-${cc[2]}`;
  if (/^creativecommons\.org\/publicdomain\/zero\/1\.0(?:\/.*)?$/.test(link)) return 'CC0-1.0';
  const osi = /^opensource\.org\/licenses?\/([a-z0-9.+-]+?)(?:\.php|\.html)?$/.exec(link);
  if (osi && spdxLicense(osi[1]!)) return spdxLicense(osi[1]!)!.id;
  if (/^apache\.org\/licenses\/license-2\.0(?:\.txt|\.html)?$/.test(link)) return 'Apache-2.0';
  const choose = /^(?:choosealicense\.com\/licenses\/([a-z0-9.-]+)|huggingface\.co\/datasets\/choosealicense\/licenses\/(?:blob|raw|resolve)\/[^/]+\/markdown\/([a-z0-9.-]+)\.md)$/.exec(
    link,
  );
  const chosen = choose?.[1] ?? choose?.[2];
  if (chosen) return hubLicense(chosen)?.spdx ?? spdxLicense(chosen)?.id;
  return undefined;
}

function assessLink(input: string, raw: string): LicenseAssessment | null {
  const link = normaliseLink(raw);
  if (!link) return null;
  const family = familyByLink(link);
  if (family) return fromFamily(input, family);
  const spdx = spdxFromLink(link);
  return spdx ? assessSpdxId(input, spdx) : null;
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Expressions                                                                                                   */
/* ------------------------------------------------------------------------------------------------------------ */

/** For OR the licensee picks, so prefer open; an unknown branch might still be open, so it beats a restricted one. */
const OR_RANK: Record<LicenseStatus, number> = { open: 3, unknown: 2, restricted: 1 };
/** For AND every licence applies, so any restriction wins; an unknown branch keeps the whole unknown. */
const AND_RANK: Record<LicenseStatus, number> = { restricted: 3, unknown: 2, open: 1 };

function mergeSources(parts: LicenseAssessment[]): Source[] {
  const seen = new Set<string>();
  const out: Source[] = [];
  for (const s of parts.flatMap((p) => p.sources)) {
    if (!seen.has(s.url)) {
      seen.add(s.url);
      out.push(s);
    }
  }
  return out;
}

function mergeFlag(values: (boolean | null)[]): boolean | null {
  if (values.some((v) => v === false)) return false;
  if (values.every((v) => v === true)) return true;
  return null;
}

function mergeContent(values: ContentType[]): ContentType {
  if (values.includes('unknown')) return 'unknown';
  return values.every((v) => v === values[0]) ? values[0]! : 'any';
}

function combine(input: string, op: 'and' | 'or', left: LicenseAssessment, right: LicenseAssessment): LicenseAssessment {
  const expr = `${wrap(left.id ?? '?')} ${op.toUpperCase()} ${wrap(right.id ?? '?')}`;
  const name = left.name && right.name ? `${left.name} ${op.toUpperCase()} ${right.name}` : null;
  if (op === 'or') {
    const chosen = OR_RANK[right.status] > OR_RANK[left.status] ? right : left;
    return {
      ...chosen,
      input,
      id: expr,
      name,
      reason: `OR: the licensee may choose, so the most open branch decides (${chosen.id ?? chosen.input}: ${chosen.reason})`,
      clauses: chosen.clauses,
      freedoms: deriveFreedoms(chosen.status, chosen.clauses),
      sources: mergeSources([chosen, chosen === left ? right : left]),
    };
  }
  const worst = AND_RANK[right.status] > AND_RANK[left.status] ? right : left;
  const clauses = [...left.clauses, ...right.clauses];
  return {
    input,
    id: expr,
    name,
    osiApproved: mergeFlag([left.osiApproved, right.osiApproved]),
    fsfLibre: mergeFlag([left.fsfLibre, right.fsfLibre]),
    status: worst.status,
    reason: `AND: every licence applies, so the most restrictive decides (${worst.id ?? worst.input}: ${worst.reason})`,
    freedoms: deriveFreedoms(worst.status, clauses),
    clauses,
    contentType: mergeContent([left.contentType, right.contentType]),
    sources: mergeSources([left, right]),
  };
}

function wrap(id: string): string {
  return / (?:AND|OR) /.test(id) ? `(${id})` : id;
}

function evaluate(input: string, node: SpdxNode, parsed: ParsedExpression): LicenseAssessment {
  if (!isLeaf(node)) {
    return combine(input, node.conjunction, evaluate(input, node.left, parsed), evaluate(input, node.right, parsed));
  }
  return evaluateLeaf(input, node, parsed);
}

function evaluateLeaf(input: string, leaf: SpdxLeaf, parsed: ParsedExpression): LicenseAssessment {
  const word = placeholderWord(parsed, leaf);
  if (word !== null) {
    // Not an SPDX id: a Hub id (e.g. "llama3.1") or a licence name written as one word.
    const hub = hubLicense(word);
    const a = (hub ? assessHub(input, hub) : null) ?? assessName(input, word);
    return a ?? unknown(input, `"${word}" is neither an SPDX id nor a licence Ajar recognises`, { id: word });
  }
  if (/^(?:LicenseRef-|DocumentRef-)/.test(leaf.license)) {
    return unknown(input, `${leaf.license} is a custom licence reference whose terms Ajar cannot see`, { id: leaf.license });
  }
  return assessSpdxId(input, leaf.license, leaf.plus === true, leaf.exception);
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Entry points                                                                                                  */
/* ------------------------------------------------------------------------------------------------------------ */

const EXPRESSION_HINT = /[()]|\s(?:and|or|with)\s|\+$/i;

/** One licence string: Hub id, SPDX id or expression, licence name, or URL. Null when nothing is recognised. */
function assessString(input: string, raw: string): LicenseAssessment | null {
  const s = raw.trim();
  if (!s) return null;
  if (looksLikeUrl(s)) return assessLink(input, s);
  const hub = hubLicense(s);
  if (hub) return assessHub(input, hub);
  const spdx = spdxLicense(s);
  if (spdx) return assessSpdxId(input, spdx.id);
  if (/^(?:LicenseRef|DocumentRef)-/i.test(s) && !/\s/.test(s)) {
    return unknown(input, `${s} is a custom licence reference whose terms Ajar cannot see`, { id: s });
  }
  if (EXPRESSION_HINT.test(s)) {
    const parsed = parseExpression(s);
    if (parsed) return evaluate(input, parsed.tree, parsed);
    // Unbalanced brackets cannot be a licence name with a parenthetical either: a malformed expression.
    if (!balanced(s)) return unknown(input, `"${s}" is not a well-formed SPDX expression`);
    return (
      assessName(input, s) ??
      unknown(input, `"${s}" is not a valid SPDX expression (unknown id, or an exception not on the SPDX list) nor a known licence name`)
    );
  }
  return assessName(input, s);
}

function balanced(s: string): boolean {
  let depth = 0;
  for (const ch of s) {
    if (ch === '(') depth++;
    else if (ch === ')' && --depth < 0) return false;
  }
  return depth === 0;
}

function describe(decl: LicenseDeclaration): string {
  const lic = Array.isArray(decl.license) ? decl.license.join(', ') : decl.license;
  const parts: string[] = [];
  if (lic) parts.push(lic);
  if (decl.licenseName && decl.licenseName !== lic) parts.push(`license_name: ${decl.licenseName}`);
  if (decl.licenseLink) parts.push(`license_link: ${decl.licenseLink}`);
  return parts.join('; ');
}

function isPlaceholderId(id: string): boolean {
  const lower = id.trim().toLowerCase();
  return lower === '' || lower === 'other' || lower === 'unknown';
}

function assessDeclaration(decl: LicenseDeclaration): LicenseAssessment {
  const input = describe(decl);
  const declared = (Array.isArray(decl.license) ? decl.license : decl.license ? [decl.license] : [])
    .map((l) => l.trim())
    .filter((l) => !isPlaceholderId(l));

  const recognised = declared.map((l) => assessString(input, l));
  // A single unrecognised value (free text) still leaves license_name / license_link to try below.
  if (declared.length > 1 || (declared.length === 1 && recognised[0])) {
    const parts = recognised.map(
      (a, i) =>
        a ??
        unknown(input, `"${declared[i]}" is not a Hub licence id, an SPDX id or expression, or a licence name Ajar recognises`),
    );
    if (parts.length === 1) return parts[0]!;
    // A list on the Hub does not say whether the licences are alternatives; assume all apply (never overclaims).
    const all = parts.reduce((acc, p) => combine(input, 'and', acc, p));
    return { ...all, reason: `several licences listed, taken as all applying: ${all.reason}` };
  }

  // license is "other", "unknown" or absent: only license_name / license_link can say which licence it is.
  // A name Ajar cannot place may still come with a link it knows: try both before giving up.
  const byName = decl.licenseName ? assessString(input, decl.licenseName) : null;
  if (byName && byName.status !== 'unknown') return byName;
  const byLink = decl.licenseLink ? assessLink(input, decl.licenseLink) : null;
  if (byLink && byLink.status !== 'unknown') return byLink;
  if (byName) return byName;
  if (byLink) return byLink;

  const given = (Array.isArray(decl.license) ? decl.license : [decl.license ?? '']).map((l) => (l ?? '').trim().toLowerCase());
  if (given.includes('other')) {
    return unknown(input, 'custom licence ("other") whose name and link Ajar does not recognise');
  }
  if (declared.length === 1) {
    return unknown(input, `"${declared[0]}" is not a Hub licence id, an SPDX id or expression, or a licence name Ajar recognises`);
  }
  if (decl.licenseName || decl.licenseLink) {
    return unknown(input, 'licence name/link not recognised');
  }
  return unknown(input, given.includes('unknown') ? 'the licence is declared as unknown' : 'no licence declared');
}

/** Classify a declared licence (SPDX id/expression, Hub licence id, or other + name/link). Never throws. */
export function assessLicense(decl: LicenseDeclaration): LicenseAssessment {
  let result: LicenseAssessment;
  try {
    result = assessDeclaration(decl);
  } catch (err) {
    // Defensive: a classifier bug must degrade to 'unknown', never to a crash in the content script.
    result = unknown(describe(decl), `could not classify: ${errorText(err)}`);
  }
  return LicenseAssessmentSchema.parse(result);
}

const OPENNESS: Record<LicenseStatus, number | null> = { open: 2, restricted: 1, unknown: null };

/**
 * Is licence `a` more permissive than licence `b`? Used for inheritance conflicts (a derivative declaring MIT on
 * top of a Llama 3.1 base → true). null when either is unknown. Two restricted licences compare by the set of
 * freedoms they restrict: `a` is more permissive only if it restricts a strict subset of what `b` restricts.
 */
export function isMorePermissive(a: LicenseAssessment, b: LicenseAssessment): boolean | null {
  const ra = OPENNESS[a.status];
  const rb = OPENNESS[b.status];
  if (ra === null || rb === null) return null;
  if (ra !== rb) return ra > rb;
  if (a.status === 'open') return false;
  const restricted = (x: LicenseAssessment) =>
    new Set(Object.entries(x.freedoms).filter(([, s]) => s === 'restricted').map(([f]) => f));
  const sa = restricted(a);
  const sb = restricted(b);
  return sa.size < sb.size && [...sa].every((f) => sb.has(f));
}

/** The URL of the licence text (first source), if known. */
export function licenseUrl(assessment: LicenseAssessment): string | null {
  return assessment.sources[0]?.url ?? null;
}
