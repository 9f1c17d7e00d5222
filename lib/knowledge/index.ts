/**
 * The knowledge pack at runtime: validated once, indexed into Maps, queried by repo id, URL or name.
 * Pure TypeScript (no browser or Node APIs), so the extension, the CLI and tests share it.
 */
import packJson from './pack.json';
import {
  KnowledgePackSchema,
  type Attribution,
  type ExpertMatch,
  type HubLicense,
  type IndexRecord,
  type KnowledgeLookup,
  type KnowledgePack,
  type LicenseClauseRow,
  type MatchKind,
  type MofComponent,
  type MofLicense,
  type MotRecord,
  type OsiOutcome,
  type Provenance,
} from './types';
import { NAME_ALIASES, REPO_ALIASES, currentRepoId, nameKey, patternMatches, repoKey, type RepoAlias } from './aliases';
import { extractHubRepoIds, normalizeRepoId, repoOrg } from './repo-ids';

export * from './types';
export { extractHubRepoIds, normalizeRepoId } from './repo-ids';
export { REPO_ALIASES, NAME_ALIASES, REPO_RENAMES, repoKey, currentRepoId, nameKey } from './aliases';

/** How resolveModel understood its query. */
export type ResolveVia =
  'repo-id' | 'url' | 'legacy-id' | 'name:reviewed' | 'name:mot' | 'name:index' | 'name:repo' | 'name:record';

export interface ResolvedModel {
  /** Hub repo id ("org/name", current spelling), or null when the name is only known from records. */
  repoId: string | null;
  matches: KnowledgeLookup;
  via: ResolveVia;
}

export interface Knowledge {
  readonly pack: KnowledgePack;
  readonly attributions: readonly Attribution[];
  readonly provenance: readonly Provenance[];
  readonly mofComponents: readonly MofComponent[];
  readonly mofLicenses: readonly MofLicense[];
  /** Expert records about this repo (case-insensitive): exact and family matches, exact first. */
  lookupRepo(repoId: string): KnowledgeLookup;
  /** A repo id, a huggingface.co URL (any subpath or query) or a known model name; null if none of these. */
  resolveModel(query: string): ResolvedModel | null;
  /** A Hub licence id ("llama3.1"), or an SPDX id, case-insensitive. */
  hubLicense(id: string): HubLicense | null;
  /** Clause rows for a Hub licence id or a licence name; [] for "other"/"unknown" (they name no licence). */
  clauseRows(hfIdOrName: string): LicenseClauseRow[];
  /**
   * One query per model the pack knows (a repo id where it has one, else the record's name), sorted:
   * for benchmarks and whole-pack checks.
   */
  allModelQueries(): string[];
  indexRecord(key: string): IndexRecord | null;
  motRecord(key: string): MotRecord | null;
  osiOutcome(system: string): OsiOutcome | null;
}

type Source = keyof KnowledgeLookup;
type AnyRecord = IndexRecord | MotRecord | OsiOutcome;

const empty = (): KnowledgeLookup => ({ index: [], mot: [], osi: [] });

/** Lower is better: exact before family, then data links before reviewed aliases before names. */
const rank = (m: ExpertMatch<unknown>) =>
  (m.match === 'exact' ? 0 : 3) + (m.via === 'link' ? 0 : m.via === 'alias' ? 1 : 2);

const recordKey = (source: Source, r: AnyRecord): string =>
  source === 'osi' ? (r as OsiOutcome).system : (r as IndexRecord | MotRecord).key;

/** Keeps the best match per record and orders them: exact first, then by key. */
class LookupBuilder {
  private readonly best = { index: new Map(), mot: new Map(), osi: new Map() } as {
    [S in Source]: Map<string, ExpertMatch<AnyRecord>>;
  };

  add(source: Source, record: AnyRecord | undefined, match: MatchKind, via: ExpertMatch<unknown>['via']): void {
    if (!record) return;
    const key = recordKey(source, record);
    const next: ExpertMatch<AnyRecord> = { match, via, record };
    const prev = this.best[source].get(key);
    if (!prev || rank(next) < rank(prev)) this.best[source].set(key, next);
  }

  build(): KnowledgeLookup {
    const sorted = (s: Source) =>
      [...this.best[s].values()].sort((a, b) => {
        const d = rank(a) - rank(b);
        if (d !== 0) return d;
        const ka = recordKey(s, a.record);
        const kb = recordKey(s, b.record);
        return ka < kb ? -1 : ka > kb ? 1 : 0;
      });
    return {
      index: sorted('index') as ExpertMatch<IndexRecord>[],
      mot: sorted('mot') as ExpertMatch<MotRecord>[],
      osi: sorted('osi') as ExpertMatch<OsiOutcome>[],
    };
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Licence names compared without dates in parentheses, case, spaces or punctuation. */
const licenseNameKey = (s: string) =>
  s
    .toLowerCase()
    .replace(/\(.*?\)/g, '')
    .replace(/[^a-z0-9.]/g, '');

interface NameHit {
  repoId: string | null;
  via: ResolveVia;
  records: { source: Source; record: AnyRecord }[];
}

function createKnowledge(pack: KnowledgePack): Knowledge {
  const indexByKey = new Map(pack.index.map((r) => [r.key.toLowerCase(), r]));
  const motByKey = new Map(pack.mot.map((r) => [r.key.toLowerCase(), r]));
  const osiBySystem = new Map(pack.osi.map((r) => [r.system.toLowerCase(), r]));
  const hubById = new Map<string, HubLicense>();
  for (const h of pack.hubLicenses) hubById.set(h.id.toLowerCase(), h);
  for (const h of pack.hubLicenses)
    if (h.spdx && !hubById.has(h.spdx.toLowerCase())) hubById.set(h.spdx.toLowerCase(), h);
  const hubByName = new Map(pack.hubLicenses.map((h) => [licenseNameKey(h.name), h]));

  // Repo keys in the pack are lower-case with renames applied; apply renames again in case the pack
  // predates a rename added to the alias table.
  const indexExact = new Map<string, IndexRecord[]>();
  const indexFamily = new Map<string, IndexRecord[]>();
  for (const r of pack.index) {
    for (const id of r.hfRepos) push(indexExact, repoKey(id), r);
    for (const id of r.familyHfRepos) push(indexFamily, repoKey(id), r);
  }
  const motExact = new Map<string, MotRecord[]>();
  for (const r of pack.mot) if (r.hfRepo) push(motExact, repoKey(r.hfRepo), r);

  const aliasById = new Map<string, RepoAlias[]>();
  const aliasByOrg = new Map<string, RepoAlias[]>();
  for (const a of REPO_ALIASES) {
    if (a.pattern.endsWith('*')) push(aliasByOrg, repoOrg(a.pattern), a);
    else push(aliasById, a.pattern.toLowerCase(), a);
  }

  const clausesById = new Map<string, LicenseClauseRow[]>();
  for (const row of pack.licenseClauses) for (const id of row.hfIds) push(clausesById, id.toLowerCase(), row);

  function collectRepo(out: LookupBuilder, key: string): void {
    for (const r of indexExact.get(key) ?? []) out.add('index', r, 'exact', 'link');
    for (const r of motExact.get(key) ?? []) out.add('mot', r, 'exact', 'link');
    for (const r of indexFamily.get(key) ?? []) out.add('index', r, 'family', 'link');
    const aliases = [...(aliasById.get(key) ?? []), ...(aliasByOrg.get(repoOrg(key)) ?? [])];
    for (const a of aliases) {
      if (!patternMatches(a.pattern, key)) continue;
      for (const k of a.index ?? []) out.add('index', indexByKey.get(k.toLowerCase()), a.match, 'alias');
      for (const k of a.mot ?? []) out.add('mot', motByKey.get(k.toLowerCase()), a.match, 'alias');
      for (const k of a.osi ?? []) out.add('osi', osiBySystem.get(k.toLowerCase()), a.match, 'alias');
    }
  }

  function lookupRepo(repoId: string): KnowledgeLookup {
    const id = normalizeRepoId(repoId);
    if (!id) return empty();
    const out = new LookupBuilder();
    collectRepo(out, repoKey(id));
    return out.build();
  }

  // Display spelling of repo ids: the pack stores lower-case keys, the raw links keep the case.
  let displayIds: Map<string, string> | undefined;
  function displayId(key: string): string {
    if (!displayIds) {
      displayIds = new Map();
      const note = (id: string) => {
        const k = repoKey(id);
        if (!displayIds!.has(k)) displayIds!.set(k, currentRepoId(id));
      };
      for (const a of NAME_ALIASES) note(a.repoId);
      for (const a of REPO_ALIASES) if (!a.pattern.endsWith('*')) note(a.pattern);
      for (const r of pack.mot) {
        const id = r.huggingface ? normalizeRepoId(r.huggingface) : null;
        if (id) note(id);
      }
      const scan = (l: string) => {
        // Cheap test first: most links are not Hub links.
        if (l.includes('hf.co/') || l.includes('huggingface.co/')) extractHubRepoIds(l).forEach(note);
      };
      for (const r of pack.index) {
        if (r.link) scan(r.link);
        for (const d of Object.values(r.dimensions)) d.links.forEach(scan);
      }
    }
    return displayIds.get(key) ?? key;
  }

  // Name table, built on first use; earlier sources win (reviewed, then MOT, index, repo names).
  let names: Map<string, NameHit> | undefined;
  function nameTable(): Map<string, NameHit> {
    if (names) return names;
    const table = new Map<string, NameHit>();
    const put = (name: string | null, hit: NameHit) => {
      const k = name ? nameKey(name) : '';
      if (k && !table.has(k)) table.set(k, hit);
    };
    for (const a of NAME_ALIASES) put(a.name, { repoId: a.repoId, via: 'name:reviewed', records: [] });
    for (const r of pack.mot) {
      if (!r.hfRepo) continue;
      put(r.name, { repoId: displayId(r.hfRepo), via: 'name:mot', records: [] });
      put(r.key, { repoId: displayId(r.hfRepo), via: 'name:mot', records: [] });
    }
    for (const r of pack.index) {
      if (r.hfRepos[0]) put(r.name, { repoId: displayId(r.hfRepos[0]), via: 'name:index', records: [] });
    }
    // The name part of every repo the pack knows ("pythia-6.9b"), unless two orgs share it.
    const byRepoName = new Map<string, string | null>();
    const allKeys = [
      ...pack.mot.flatMap((r) => (r.hfRepo ? [r.hfRepo] : [])),
      ...pack.index.flatMap((r) => [...r.hfRepos, ...r.familyHfRepos]),
      ...NAME_ALIASES.map((a) => repoKey(a.repoId)),
    ];
    for (const key of allKeys) {
      const n = nameKey(key.slice(key.indexOf('/') + 1));
      const prev = byRepoName.get(n);
      if (prev === undefined) byRepoName.set(n, key);
      else if (prev !== null && prev !== key) byRepoName.set(n, null);
    }
    for (const [n, key] of byRepoName) {
      if (key && !table.has(n)) table.set(n, { repoId: displayId(key), via: 'name:repo', records: [] });
    }
    // Records with no Hub repo at all ("GPT-4", OSI systems): the name finds the record itself.
    const recordsOnly = new Map<string, NameHit>();
    const addRecord = (name: string, source: Source, record: AnyRecord) => {
      const k = nameKey(name);
      if (!k || table.has(k)) return;
      const hit = recordsOnly.get(k) ?? { repoId: null, via: 'name:record' as const, records: [] };
      hit.records.push({ source, record });
      recordsOnly.set(k, hit);
    };
    for (const r of pack.mot) if (!r.hfRepo) addRecord(r.name, 'mot', r);
    for (const r of pack.index) if (r.hfRepos.length === 0) addRecord(r.name, 'index', r);
    for (const r of pack.osi) addRecord(r.system, 'osi', r);
    for (const [k, hit] of recordsOnly) table.set(k, hit);
    names = table;
    return table;
  }

  function resolveModel(query: string): ResolvedModel | null {
    const q = query.trim();
    if (!q) return null;
    const isUrl = /^(?:https?:\/\/)?(?:www\.)?(?:huggingface\.co|hf\.co)\//i.test(q);
    if (isUrl || /^[^\s/]+\/[^\s/]+/.test(q)) {
      const id = normalizeRepoId(q);
      if (id) return { repoId: currentRepoId(id), matches: lookupRepo(id), via: isUrl ? 'url' : 'repo-id' };
      if (isUrl) return null;
    }
    const table = nameTable();
    const k = nameKey(q);
    // "Meta Llama 3 70B" is the same as "Llama 3 70B".
    const hit = table.get(k) ?? (k.startsWith('meta') ? table.get(k.slice(4)) : undefined);
    if (hit) {
      if (hit.repoId) return { repoId: hit.repoId, matches: lookupRepo(hit.repoId), via: hit.via };
      const out = new LookupBuilder();
      for (const { source, record } of hit.records) out.add(source, record, 'exact', 'name');
      return { repoId: null, matches: out.build(), via: hit.via };
    }
    const legacy = /^[^\s/]+$/.test(q) ? normalizeRepoId(q) : null;
    if (legacy) return { repoId: legacy, matches: lookupRepo(legacy), via: 'legacy-id' };
    return null;
  }

  function hubLicense(id: string): HubLicense | null {
    return hubById.get(id.trim().toLowerCase()) ?? null;
  }

  function clauseRows(hfIdOrName: string): LicenseClauseRow[] {
    const s = hfIdOrName.trim().toLowerCase();
    if (s === '' || s === 'other' || s === 'unknown') return [];
    const byId = clausesById.get(s) ?? clausesById.get(hubByName.get(licenseNameKey(s))?.id ?? '');
    if (byId) return byId;
    const k = licenseNameKey(s);
    // A name matches a row when one is a prefix of the other ("Llama 2 Community License Agreement").
    if (k.length < 8) return [];
    return pack.licenseClauses.filter((row) => {
      const rk = licenseNameKey(row.license);
      return rk.length >= 8 && (rk.startsWith(k) || k.startsWith(rk));
    });
  }

  function allModelQueries(): string[] {
    const out = new Set<string>();
    for (const r of pack.index) out.add(r.hfRepos[0] ? displayId(r.hfRepos[0]) : r.name);
    for (const r of pack.mot) out.add(r.hfRepo ? displayId(r.hfRepo) : r.name);
    for (const r of pack.osi) out.add(r.system);
    return [...out].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  return {
    pack,
    attributions: pack.attributions,
    provenance: pack.provenance,
    mofComponents: pack.mofComponents,
    mofLicenses: pack.mofLicenses,
    lookupRepo,
    resolveModel,
    hubLicense,
    clauseRows,
    allModelQueries,
    indexRecord: (key) => indexByKey.get(key.toLowerCase()) ?? null,
    motRecord: (key) => motByKey.get(key.toLowerCase()) ?? null,
    osiOutcome: (system) => osiBySystem.get(system.toLowerCase()) ?? null,
  };
}

let defaultKnowledge: Knowledge | undefined;

/**
 * The knowledge base. Without an argument: the committed pack.json, validated and indexed once and
 * then shared. With a pack object (tests, a fresher pack): validated and indexed afresh.
 */
export function loadKnowledge(pack?: unknown): Knowledge {
  if (pack === undefined) {
    defaultKnowledge ??= createKnowledge(KnowledgePackSchema.parse(packJson));
    return defaultKnowledge;
  }
  return createKnowledge(KnowledgePackSchema.parse(pack));
}
