/**
 * What a name resolution adds to a verdict, kept apart from lib/verdict so that the evaluator can take it over as
 * an input later (see the report of the names branch):
 * - familyLookup: the expert records of a family's members, pooled and shown as 'family' (a record about one
 *   member is never about the family name as a whole);
 * - applyNameResolution: the label a family or a closed product supports, with its source, when the evidence for
 *   the exact model says nothing. A closed product is `closed` whatever an expert record claims, and a record that
 *   says otherwise is shown as a disagreement (the Claude 2 case: a Model Openness Tool record lists parameters
 *   under MIT, but no weights were ever released).
 */
import { assessLicense, type LicenseAssessment } from '../licenses';
import { hubLicense } from '../licenses/hub';
import type { Source } from '../sources';
import type { ExpertMatch, Knowledge, KnowledgeLookup } from '../knowledge';
import type { Disagreement, Label, Verdict } from '../verdict/schema';
import type { ClosedProduct, FamilyLicence, ModelFamily, NameResolution } from './types';

/** A licence as a family table writes it (Hub id or license_name), assessed. */
export function assessMemberLicence(license: string): LicenseAssessment {
  return hubLicense(license) ? assessLicense({ license }) : assessLicense({ license: 'other', licenseName: license });
}

/** Expert records of all the members, each marked 'family'; deduplicated by record. */
export function familyLookup(knowledge: Knowledge, repoIds: readonly string[]): KnowledgeLookup {
  const out: KnowledgeLookup = { index: [], mot: [], osi: [] };
  const seen = { index: new Set<string>(), mot: new Set<string>(), osi: new Set<string>() };
  const keyOf = (r: { key?: string; system?: string }) => r.key ?? r.system ?? '';
  for (const id of repoIds) {
    const l = knowledge.lookupRepo(id);
    for (const src of ['index', 'mot', 'osi'] as const) {
      for (const m of l[src] as ExpertMatch<{ key?: string; system?: string }>[]) {
        const k = keyOf(m.record);
        if (seen[src].has(k)) continue;
        seen[src].add(k);
        (out[src] as ExpertMatch<unknown>[]).push({ ...m, match: 'family' });
      }
    }
  }
  return out;
}

function productSources(p: ClosedProduct): Source[] {
  return p.secondSource ? [p.source, p.secondSource] : [p.source];
}

function mergeSources(a: readonly Source[], b: readonly Source[]): Source[] {
  const seen = new Set(a.map((s) => s.url));
  return [...a, ...b.filter((s) => !seen.has(s.url) && seen.add(s.url))];
}

/** Expert entries that say weights are out (a licence on parameters, or an open weights class). */
function recordsClaimingWeights(v: Verdict): Verdict['expert'] {
  return v.expert.filter((e) =>
    Object.entries(e.facts).some(
      ([k, val]) =>
        /param|weight/i.test(k) && val !== '' && !/^(?:closed|none|unlicensed|not included|no|null)$/i.test(val),
    ),
  );
}

const ORIGIN_NAME = {
  mot: 'Model Openness Tool',
  'osai-index': 'European Open Source AI Index',
  osi: 'OSI validation',
} as const;

function closedVerdict(v: Verdict, p: ClosedProduct, query: string): Verdict {
  const sources = productSources(p);
  const claims = recordsClaimingWeights(v);
  const disagreements: Disagreement[] = [...v.disagreements];
  const evaluatedOpen = v.label !== 'closed' && v.label !== 'unknown';
  if (claims.length > 0 || evaluatedOpen) {
    const records = claims.length > 0 ? claims : v.expert;
    const licence = v.license?.id ? `, licence ${v.license.id} (${v.license.from})` : '';
    disagreements.push({
      topic: 'weights released',
      statements: [
        { who: 'Ajar closed-products table', says: `${p.name} (${p.vendor}): no weights released; ${p.note}`, sources },
        ...records.map((e) => ({
          who: `${ORIGIN_NAME[e.origin]} record "${e.name}"`,
          says:
            Object.entries(e.facts)
              .filter(([k]) => /param|weight/i.test(k))
              .map(([k, val]) => `${k}: ${val}`)
              .join('; ') || `read as ${v.label}${licence}`,
          sources: [e.source],
        })),
      ],
      resolution:
        'The label follows the vendor documentation: the product is served by API or app only. An expert record alone, without a download location, does not establish released weights.',
    });
  }
  return {
    ...v,
    model: query || p.name,
    label: 'closed',
    summary: `Closed: ${p.name} by ${p.vendor} is API or app only; no weights were released (closed-products table, source: ${p.source.url}).`,
    openWeights: { status: 'no', reason: `No weights released: ${p.note}.`, sources },
    euAiActHint: {
      ...v.euAiActHint,
      status: 'no',
      reason: 'No released parameters, so the open-source exemption cannot apply.',
      sources,
    },
    disagreements,
    sources: mergeSources(sources, v.sources),
  };
}

/** An exact repo the evidence could not place (offline, pack silent): the licence its Hub record declares. */
function memberVerdict(v: Verdict, r: Extract<NameResolution, { kind: 'repo' }>): Verdict {
  if (v.label !== 'unknown') return v;
  const a = assessMemberLicence(r.license);
  if (a.status === 'unknown') return v;
  // The evaluator may have read a restricting licence and still said 'unknown' (weights not placed offline): the
  // table's Hub record places them.
  return {
    ...v,
    label: a.status === 'restricted' ? 'restricted-weights' : 'open-weights',
    summary: `${r.repoId} declares ${a.name ?? a.input} on the Hub (Ajar's reviewed name table, ${r.family.name})${
      a.status === 'restricted' ? `, which restricts use (${a.reason})` : `: ${a.reason}; data and code not assessed`
    }.`,
    license: v.license ?? {
      input: a.input,
      id: a.id,
      name: a.name,
      osiApproved: a.osiApproved,
      status: a.status,
      reason: a.reason,
      clauses: a.clauses,
      from: `Ajar's reviewed name table (Hub record of ${r.repoId})`,
      sources: a.sources,
    },
    sources: mergeSources([r.family.source, ...a.sources], v.sources),
  };
}

function licenceList(l: FamilyLicence): string {
  if (l.kind === 'shared') return l.license;
  return l.groups
    .map(
      (g) =>
        `${g.license} (${g.members.length > 3 ? `${g.members.slice(0, 3).join(', ')}, ...` : g.members.join(', ')})`,
    )
    .join('; ');
}

function familyVerdict(v: Verdict, family: ModelFamily, licence: FamilyLicence, memberCount: number): Verdict {
  const source = family.source;
  const scope = `family-level (${family.name}, ${memberCount} member${memberCount === 1 ? '' : 's'} on the Hub)`;
  if (licence.kind === 'mixed') {
    const statuses = licence.groups.map((g) =>
      g.license === 'closed' ? 'closed' : assessMemberLicence(g.license).status,
    );
    const noneOpen = statuses.every((s) => s === 'restricted' || s === 'closed');
    const label: Label =
      v.label !== 'unknown'
        ? v.label
        : noneOpen
          ? statuses.every((s) => s === 'closed')
            ? 'closed'
            : 'restricted-weights'
          : 'unknown';
    return {
      ...v,
      model: family.name,
      label,
      summary: `${scope}: the members' licences are mixed: ${licenceList(licence)}. ${
        noneOpen
          ? 'None of them is open, so the family is at best restricted.'
          : 'Name a size or version to get one answer.'
      }`,
      sources: mergeSources([source], v.sources),
    };
  }
  const a = assessMemberLicence(licence.license);
  const label: Label =
    v.label !== 'unknown'
      ? v.label
      : a.status === 'restricted'
        ? 'restricted-weights'
        : a.status === 'open'
          ? 'open-weights'
          : 'unknown';
  return {
    ...v,
    model: family.name,
    label,
    summary: `${scope}: every member declares ${a.name ?? a.input}${a.status === 'restricted' ? `, which restricts use (${a.reason})` : a.status === 'open' ? `, ${a.reason}` : ''}.`,
    license:
      v.license ??
      (a.id === null
        ? null
        : {
            input: a.input,
            id: a.id,
            name: a.name,
            osiApproved: a.osiApproved,
            status: a.status,
            reason: a.reason,
            clauses: a.clauses,
            from: `family: ${family.name} (the licence all its listed members declare on the Hub)`,
            sources: a.sources,
          }),
    sources: mergeSources([source, ...a.sources], v.sources),
  };
}

/**
 * The verdict for a name the registry resolved. The evaluator's own label stands when it is not 'unknown', except for
 * closed products, whose label is 'closed'; an exact repo only gets its table licence when nothing else is known.
 */
export function applyNameResolution(v: Verdict, r: NameResolution): Verdict {
  if (r.kind === 'closed') return closedVerdict(v, r.product, r.query);
  if (r.kind === 'family') return familyVerdict(v, r.family, r.licence, r.members.length);
  return memberVerdict(v, r);
}
