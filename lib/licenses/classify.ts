import { errorText } from '../error-text';
import { hubLicense } from './hub';
import { looksLikeUrl } from './recognise';
import { parseExpression, spdxLicense } from './spdx';
import { LicenseAssessmentSchema, type LicenseAssessment, type LicenseDeclaration, type LicenseStatus } from './types';
import { assessLink, assessName } from './assess-names';
import { assessHub, assessSpdxId, unknown } from './assess-ids';
import { combine, evaluate } from './assess-expression';

export { unknown } from './assess-ids';

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
      unknown(
        input,
        `"${s}" is not a valid SPDX expression (unknown id, or an exception not on the SPDX list) nor a known licence name`,
      )
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
        unknown(
          input,
          `"${declared[i]}" is not a Hub licence id, an SPDX id or expression, or a licence name Ajar recognises`,
        ),
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

  const given = (Array.isArray(decl.license) ? decl.license : [decl.license ?? '']).map((l) =>
    (l ?? '').trim().toLowerCase(),
  );
  if (given.includes('other')) {
    return unknown(input, 'custom licence ("other") whose name and link Ajar does not recognise');
  }
  if (declared.length === 1) {
    return unknown(
      input,
      `"${declared[0]}" is not a Hub licence id, an SPDX id or expression, or a licence name Ajar recognises`,
    );
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
    new Set(
      Object.entries(x.freedoms)
        .filter(([, s]) => s === 'restricted')
        .map(([f]) => f),
    );
  const sa = restricted(a);
  const sb = restricted(b);
  return sa.size < sb.size && [...sa].every((f) => sb.has(f));
}

/** The URL of the licence text (first source), if known. */
export function licenseUrl(assessment: LicenseAssessment): string | null {
  return assessment.sources[0]?.url ?? null;
}
