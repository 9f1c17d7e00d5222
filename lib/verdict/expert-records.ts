/** Reading the expert records (OSAI Index, Model Openness Tool, OSI) a verdict draws on. */
import type { Source } from '../sources';
import type { ExpertMatch, IndexRecord, KnowledgeLookup, MotRecord, OsiOutcome } from '../knowledge/types';
import type { ExpertEntry } from './schema';

type IndexClass = 'open' | 'partial' | 'closed' | null;

export const exactOnly = <T>(matches: ExpertMatch<T>[]): T[] =>
  matches.filter((m) => m.match === 'exact').map((m) => m.record);

export function indexClass(rec: IndexRecord, dim: string): IndexClass {
  return rec.dimensions[dim]?.class ?? null;
}

export function indexLinks(rec: IndexRecord, dim: string): Source[] {
  const links = rec.dimensions[dim]?.links ?? [];
  return [rec.source, ...links.slice(0, 3).map((url) => ({ title: `${rec.name}: ${dim} evidence`, url }))];
}

/**
 * A MOT component counts as released when the record lists it as included with an open licence
 * (after MOT's licence inheritance, see lib/knowledge/mof.ts). "unlicensed" or a restrictive licence does not.
 */
export function motComponentLicense(
  rec: MotRecord,
  name: string,
): { license: string | null; released: string | null; path: string | null; included: boolean } | null {
  const c = rec.components.find((x) => x.name.toLowerCase() === name.toLowerCase());
  if (!c) return null;
  const open = c.included && (c.fit === 'type-appropriate' || c.fit === 'open-other-type');
  // `released`: the licence it is released under, open or not (availability is a separate question from openness).
  return {
    license: open ? c.effectiveLicense : null,
    released: c.included ? c.effectiveLicense : null,
    path: c.path,
    included: c.included,
  };
}

export function expertEntries(expert: KnowledgeLookup): ExpertEntry[] {
  const out: ExpertEntry[] = [];
  for (const m of expert.osi) {
    out.push({
      origin: 'osi',
      match: m.match,
      via: m.via,
      key: m.record.system,
      name: `${m.record.system} (${m.record.producer})`,
      facts: { outcome: m.record.outcome },
      source: m.record.source,
    });
  }
  for (const m of expert.index) {
    const facts: Record<string, string> = {};
    for (const [dim, v] of Object.entries(m.record.dimensions)) facts[dim] = v.class ?? 'not rated';
    if (m.record.endModelLicense) facts['end-model licence'] = m.record.endModelLicense;
    out.push({
      origin: 'osai-index',
      match: m.match,
      via: m.via,
      key: m.record.key,
      name: m.record.name,
      facts,
      source: m.record.source,
    });
  }
  for (const m of expert.mot) {
    const rec = m.record;
    const facts: Record<string, string> = { class: rec.mofClassAnyOpenLicense ?? 'none' };
    if (rec.distributionLicense) facts['distribution licence'] = rec.distributionLicense;
    out.push({ origin: 'mot', match: m.match, via: m.via, key: rec.key, name: rec.name, facts, source: rec.source });
  }
  return out;
}

export function osiFor(expert: KnowledgeLookup): ExpertMatch<OsiOutcome> | null {
  return expert.osi.find((m) => m.match === 'exact') ?? expert.osi[0] ?? null;
}
