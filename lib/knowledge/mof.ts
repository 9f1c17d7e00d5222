/**
 * Model Openness Framework 1.0: which class a set of components reaches.
 *
 * The rule, as we read MOT's record format (schema/sample_model.yml) and its records:
 * - A component is present when the record lists it under `components`, unless its licence field
 *   says "Component not included" (records spell this several ways; MOT's own sample has no such value,
 *   it is a convention of the record authors). A component the record does not list is absent.
 * - Its licence is its own `license`; when that is missing or empty, it inherits the release licence
 *   for its content type (`release.license.code|data|document`), then `release.license.distribution`
 *   (the sample says so in comments). "unlicensed" means present without a licence.
 * - A licence counts for class purposes when it is in MOF's type-appropriate list
 *   (mof-licenses.json) for the component's content type. Obvious spellings of the same id
 *   ("Apache 2.0", "MIT license", "CC BY-SA 4.0") are folded to the SPDX id first.
 * - Class III: every required class-3 component present with such a licence; II: III plus every
 *   required class-2 one; I: II plus every required class-1 one. Optional components never count.
 * MOF's lists are strict: code licences (e.g. Apache-2.0) are not listed for data, so weights released
 * under Apache-2.0 do not reach class III. `classAnyOpen` relaxes that (any listed or OSI-approved
 * licence counts, whatever its type) so callers can say "would reach II if licences were type-appropriate".
 */
import type { HubLicense, MofClass, MofComponent, MofContentType, MofLicense, MofLicenseFit } from './types';

export interface LicenseTables {
  mofLicenses: readonly MofLicense[];
  hubLicenses: readonly HubLicense[];
}

/** Folds licence spellings to SPDX / Hub ids and tells how a licence fits a content type. */
export interface LicenseCanon {
  canonical(raw: string): string;
  fit(license: string | null, contentType: MofContentType): MofLicenseFit;
}

const NOT_INCLUDED = /component\s+not\s+include/i;
const UNLICENSED = /^unlicen[sc]ed$/i;

/** Whether a recorded licence value actually says the component is not included. */
export function isNotIncludedMarker(raw: string | null | undefined): boolean {
  return raw != null && NOT_INCLUDED.test(raw);
}

function normKey(s: string): string {
  return s.trim().toLowerCase().replace(/\s+/g, ' ');
}

export function createLicenseCanon(tables: LicenseTables): LicenseCanon {
  const byKey = new Map<string, string>();
  const add = (key: string, id: string) => {
    const k = normKey(key);
    if (k && !byKey.has(k)) byKey.set(k, id);
  };
  for (const l of tables.mofLicenses) add(l.id, l.id);
  for (const h of tables.hubLicenses) if (h.spdx) add(h.spdx, h.spdx);
  for (const l of tables.mofLicenses) add(l.name, l.id);
  for (const h of tables.hubLicenses) {
    add(h.id, h.spdx ?? h.id);
    add(h.name, h.spdx ?? h.id);
  }
  // Not derivable from the tables: a shorthand used in several MOT records.
  add('bsd-3', 'BSD-3-Clause');

  const appropriate = new Map<string, Set<MofContentType>>();
  for (const l of tables.mofLicenses) {
    const set = appropriate.get(l.id) ?? new Set<MofContentType>();
    for (const t of l.contentTypes) set.add(t);
    appropriate.set(l.id, set);
  }
  const osiApproved = new Set<string>();
  for (const h of tables.hubLicenses) if (h.spdx && h.osiApproved) osiApproved.add(h.spdx);
  for (const l of tables.mofLicenses) if (l.osiApproved) osiApproved.add(l.id);

  const canonical = (raw: string): string => {
    const k = normKey(raw);
    const tries = [k, k.replace(/ /g, '-'), k.replace(/^the /, ''), k.replace(/ licen[sc]e$/, '')];
    for (const t of tries) {
      const hit = byKey.get(t);
      if (hit) return hit;
    }
    return raw.trim();
  };

  return {
    canonical,
    fit(license, contentType) {
      if (license == null || license.trim() === '' || UNLICENSED.test(license.trim())) return 'none';
      const id = canonical(license);
      const types = appropriate.get(id);
      if (types?.has(contentType)) return 'type-appropriate';
      if (types || osiApproved.has(id)) return 'open-other-type';
      return 'not-open';
    },
  };
}

export interface ListedComponent {
  name: string;
  /** Licence as recorded (null when the field is missing or empty). */
  license: string | null;
}

/** Release-level licences a component inherits when it gives none. */
export interface ReleaseLicenses {
  distribution?: string | null;
  code?: string | null;
  data?: string | null;
  document?: string | null;
}

export interface EvaluatedComponent {
  name: string;
  included: boolean;
  effectiveLicense: string | null;
  fit: MofLicenseFit;
}

/** Apply the presence and inheritance rules above to the components a record lists. */
export function evaluateComponents(
  listed: readonly ListedComponent[],
  release: ReleaseLicenses,
  mofComponents: readonly MofComponent[],
  canon: LicenseCanon,
): EvaluatedComponent[] {
  const typeOf = new Map(mofComponents.map((c) => [c.name.toLowerCase(), c.contentType]));
  const nonEmpty = (s: string | null | undefined) => (s != null && s.trim() !== '' ? s.trim() : null);
  return listed.map((c) => {
    if (isNotIncludedMarker(c.license)) {
      return { name: c.name, included: false, effectiveLicense: null, fit: 'none' };
    }
    const contentType = typeOf.get(c.name.trim().toLowerCase());
    const own = nonEmpty(c.license);
    const inherited = own ?? nonEmpty(contentType ? release[contentType] : null) ?? nonEmpty(release.distribution);
    if (inherited == null || UNLICENSED.test(inherited)) {
      return { name: c.name, included: true, effectiveLicense: null, fit: 'none' };
    }
    const effectiveLicense = canon.canonical(inherited);
    // A name outside the 17 components cannot count towards any class.
    const fit = contentType ? canon.fit(effectiveLicense, contentType) : 'not-open';
    return { name: c.name, included: true, effectiveLicense, fit };
  });
}

/** The MOF class reached by evaluated components, counting a component when `counts(fit)`. */
export function mofClassOf(
  components: readonly Pick<EvaluatedComponent, 'name' | 'included' | 'fit'>[],
  mofComponents: readonly MofComponent[],
  counts: (fit: MofLicenseFit) => boolean = (f) => f === 'type-appropriate',
): MofClass {
  const ok = new Set(components.filter((c) => c.included && counts(c.fit)).map((c) => c.name.trim().toLowerCase()));
  const classMet = (k: 1 | 2 | 3) =>
    mofComponents.filter((c) => c.required && c.class === k).every((c) => ok.has(c.name.toLowerCase()));
  if (!classMet(3)) return null;
  if (!classMet(2)) return 'III';
  if (!classMet(1)) return 'II';
  return 'I';
}

/** Both classes for one record: strict (type-appropriate) and with any open licence. */
export function classifyMof(
  components: readonly EvaluatedComponent[],
  mofComponents: readonly MofComponent[],
): { mofClass: MofClass; mofClassAnyOpenLicense: MofClass } {
  return {
    mofClass: mofClassOf(components, mofComponents),
    mofClassAnyOpenLicense: mofClassOf(
      components,
      mofComponents,
      (f) => f === 'type-appropriate' || f === 'open-other-type',
    ),
  };
}
