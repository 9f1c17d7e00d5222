/** Assessing a licence by id: the building blocks (unknown, from a family), SPDX ids and Hub ids. */
import type { Source } from '../sources';
import { reviewReason, reviewSource, reviewedContentLicense } from './content';
import { deriveFreedoms, type ContentType, type LicenseFamily } from './family';
import { licenseFamilies } from './families';
import type { HubLicense } from './hub';
import { fsfLibre, spdxIds, spdxLicense } from './spdx';
import type { LicenseAssessment, LicenseClause } from './types';

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

export function fromFamily(input: string, family: LicenseFamily, id: string = family.id): LicenseAssessment {
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

export function familyByName(normalised: string): LicenseFamily | undefined {
  return licenseFamilies.find((f) => f.recognise.names.some((re) => re.test(normalised)));
}

export function familyByLink(normalised: string): LicenseFamily | undefined {
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
export function assessSpdxId(input: string, rawId: string, plus = false, exception?: string): LicenseAssessment {
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
      reason:
        'reviewed (FSF free-licence list, via the SPDX FSF-libre flag): grants the four freedoms; not OSI-approved',
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
    whyNot:
      'GNU FDL without a version or its invariant-section options: a documentation licence, not OSI-approved and not reviewed by Ajar',
  },
  cc: {
    members: /^CC-BY|^CC0-/,
    contentType: 'document',
    whyNot:
      'Creative Commons family without its elements: it includes NonCommercial and NoDerivatives licences, so the exact licence is needed',
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
export function assessHub(input: string, hub: HubLicense): LicenseAssessment | null {
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
