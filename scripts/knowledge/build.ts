/**
 * Builds the knowledge pack from ../shared/data. Node-only (reads files); the output is pure data.
 *
 * Facts only: ids, names, links, classes, licence ids, dates, and the short clause quotes of
 * license-clauses.tsv. Never notes, descriptions or tooltips. Output is deterministic: arrays sorted by
 * key with a locale-free comparison, no build time, so the staleness test can deep-compare.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { FREEDOMS, type Freedom } from '../../lib/licenses/types';
import {
  KNOWLEDGE_SCHEMA_VERSION,
  KnowledgePackSchema,
  type Attribution,
  type HubLicense,
  type IndexDimension,
  type IndexRecord,
  type KnowledgePack,
  type LicenseClauseRow,
  type MofComponent,
  type MofContentType,
  type MofLicense,
  type MotRecord,
  type OsiOutcome,
  type Provenance,
} from '../../lib/knowledge/types';
import { extractHubRepoIds, normalizeRepoId, repoOrg } from '../../lib/knowledge/repo-ids';
import { repoKey } from '../../lib/knowledge/aliases';
import { classifyMof, createLicenseCanon, evaluateComponents } from '../../lib/knowledge/mof';

export interface BuildReport {
  counts: Record<string, number>;
  /** Files that could not be read as records, with the reason. */
  skipped: { file: string; reason: string }[];
  /** Odd values that were normalised or dropped. */
  warnings: string[];
}

export const OSAI_URL = 'https://osai-index.eu/';
export const MOT_URL = 'https://mot.isitopen.ai';
export const OSI_URL = 'https://opensource.org/ai';
const MOT_REPO = 'https://github.com/lfai/model_openness_tool';
const OSAI_CITATION =
  "Liesenfeld, A. and Dingemanse, M., 2024. Rethinking open source generative AI: open-washing and the EU AI Act. FAccT '24, pp. 1774-1787";
const OSAI_DOI_FALLBACK = '10.5281/zenodo.15386042';
const HUB_DOCS_LICENSES = 'https://github.com/huggingface/hub-docs/blob/main/docs/hub/repositories-licenses.md';

/** The index's dimensions, used when _parameters.yml is missing or unreadable. */
const DEFAULT_DIMENSIONS = [
  'datasources_basemodel',
  'datasources_endmodel',
  'weights_basemodel',
  'weights_endmodel',
  'trainingcode',
  'code',
  'hardware_architecture',
  'preprint',
  'paper',
  'modelcard',
  'datasheet',
  'licenses',
];

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

type Yaml = unknown;
const isObj = (v: Yaml): v is Record<string, Yaml> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A scalar as a trimmed string; lists joined with "; "; empty, objects and null give null. */
function str(v: Yaml): string | null {
  if (v == null) return null;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (Array.isArray(v)) {
    const parts = v.map(str).filter((x): x is string => x !== null);
    return parts.length ? parts.join('; ') : null;
  }
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return null;
}

/** Links may be a string, a list of strings, or empty. */
function links(v: Yaml): string[] {
  const raw = Array.isArray(v) ? v : [v];
  const out: string[] = [];
  for (const x of raw) {
    const s = str(x);
    if (s && !out.includes(s)) out.push(s);
  }
  return out;
}

function readYaml(file: string): { data?: Yaml; error?: string } {
  try {
    const doc = parseDocument(readFileSync(file, 'utf8'));
    if (doc.errors.length > 0) return { error: doc.errors[0]!.message.split('\n')[0] };
    return { data: doc.toJS() as Yaml };
  } catch (e) {
    return { error: e instanceof Error ? e.message.split('\n')[0] : String(e) };
  }
}

function readTsv(file: string): Record<string, string>[] {
  const lines = readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  const header = lines[0]!.split('\t').map((h) => h.trim());
  return lines.slice(1).map((line) => {
    const cells = line.split('\t');
    return Object.fromEntries(header.map((h, i) => [h, (cells[i] ?? '').trim()]));
  });
}

/** "Source: <url> ... commit <sha> (Fri Jun 12 21:44:53 2026 +0200)" → url, sha, YYYY-MM-DD. */
function readSourceTxt(file: string): { url: string | null; commit: string | null; date: string | null } {
  if (!existsSync(file)) return { url: null, commit: null, date: null };
  const t = readFileSync(file, 'utf8');
  const url = /https:\/\/github\.com\/[^\s)]+/.exec(t)?.[0] ?? null;
  const commit = /\b[0-9a-f]{40}\b/.exec(t)?.[0] ?? null;
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const m = /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{1,2}) [\d:]+ (\d{4})/.exec(t);
  const date = m ? `${m[3]}-${String(months.indexOf(m[1]!) + 1).padStart(2, '0')}-${m[2]!.padStart(2, '0')}` : null;
  return { url, commit, date };
}

/** Index class values: "open" / "partial" / "closed", possibly with the readme's coloured squares. */
function indexClass(v: Yaml, where: string, warnings: string[]): 'open' | 'partial' | 'closed' | null {
  const s = str(v);
  if (s === null) return null;
  if (s.includes('🟩')) return 'open';
  if (s.includes('🟧')) return 'partial';
  if (s.includes('🟥')) return 'closed';
  const word = s.toLowerCase().replace(/[^a-z]/g, '');
  if (word === 'open' || word === 'partial' || word === 'closed') return word;
  warnings.push(`${where}: unknown class ${JSON.stringify(s)}, kept as null`);
  return null;
}

/** Org pages among huggingface.co links (huggingface.co/<org> with nothing after it). */
function hubOrgPages(texts: string[]): string[] {
  const out: string[] = [];
  for (const t of texts) {
    for (const m of t.matchAll(/huggingface\.co\/([A-Za-z0-9_][A-Za-z0-9._-]*)\/?(?=$|[\s"'?#])/g)) {
      out.push(m[1]!.toLowerCase());
    }
  }
  return out;
}

function readDimensions(dir: string, warnings: string[]): IndexDimension[] {
  const file = join(dir, '_parameters.yml');
  const { data, error } = existsSync(file) ? readYaml(file) : { error: 'missing' };
  const out: IndexDimension[] = [];
  if (Array.isArray(data)) {
    for (const group of data) {
      if (!isObj(group) || !Array.isArray(group.params)) continue;
      for (const p of group.params) {
        const ref = isObj(p) ? str(p.ref) : null;
        if (ref) out.push({ ref, name: (isObj(p) && str(p.name)) || ref, group: str(group.ref) ?? '' });
      }
    }
  }
  if (out.length === 0) {
    warnings.push(`osai-index/_parameters.yml: ${error ?? 'no dimensions'}; using the built-in list`);
    return DEFAULT_DIMENSIONS.map((ref) => ({ ref, name: ref, group: '' }));
  }
  return out;
}

const OSAI_SKIP = /^(_|a_submission_template\.|readme\.)/i;

function buildIndex(dataDir: string, dims: IndexDimension[], attribution: string, report: BuildReport): IndexRecord[] {
  const dir = join(dataDir, 'osai-index');
  const files = readdirSync(dir)
    .filter((f) => /\.ya?ml$/i.test(f) && !OSAI_SKIP.test(f))
    .sort(cmp);
  const records: IndexRecord[] = [];
  for (const file of files) {
    const where = `osai-index/${file}`;
    const { data, error } = readYaml(join(dir, file));
    if (error || !isObj(data) || !isObj(data.system)) {
      report.skipped.push({ file: where, reason: error ?? 'no system section' });
      continue;
    }
    const sys = data.system;
    const org = isObj(data.org) ? data.org : {};
    const key = file.replace(/\.ya?ml$/i, '');
    const name = str(sys.name);
    if (!name) {
      report.skipped.push({ file: where, reason: 'no system name' });
      continue;
    }
    const dimensions: IndexRecord['dimensions'] = {};
    for (const d of dims) {
      const v = data[d.ref];
      dimensions[d.ref] = isObj(v)
        ? { class: indexClass(v.class, `${where} ${d.ref}`, report.warnings), links: links(v.link) }
        : { class: null, links: [] };
    }
    const sysLinks = links(sys.link);
    const endModelName = str(sys.endmodelname);

    // Which repos the record is about (see IndexRecord.hfRepos / familyHfRepos).
    const ids = (ls: string[]) => ls.flatMap(extractHubRepoIds).map(repoKey);
    const sysRepos = ids(sysLinks);
    const endRepos = ids(dimensions.weights_endmodel?.links ?? []);
    const cardRepos = ids(dimensions.modelcard?.links ?? []);
    const anchorRepos = sysRepos.length ? sysRepos : endRepos.length ? endRepos : cardRepos;
    const anchors = new Set(anchorRepos.map(repoOrg));
    const inAnchors = (id: string) => anchors.size === 0 || anchors.has(repoOrg(id));
    const allLinked = ids(Object.values(dimensions).flatMap((d) => d.links));
    const endName = endModelName?.toLowerCase().replace(/\s+/g, '-');
    const exact = [
      ...sysRepos,
      ...endRepos.filter(inAnchors),
      ...cardRepos.filter(inAnchors),
      // A link anywhere in the record that names the end model itself.
      ...allLinked.filter((id) => endName !== undefined && id.split('/')[1] === endName && inAnchors(id)),
    ];
    const hfRepos = [...new Set(exact)];
    const familyOrgs = new Set([...anchors, ...hubOrgPages(links(org.link))]);
    const baseLinked = ids([
      ...(dimensions.weights_basemodel?.links ?? []),
      ...(dimensions.datasources_basemodel?.links ?? []),
    ]);
    const familyHfRepos = [...new Set(baseLinked.filter((id) => familyOrgs.has(repoOrg(id)) && !hfRepos.includes(id)))];

    records.push({
      key,
      name,
      link: sysLinks[0] ?? null,
      type: str(sys.type),
      baseModelName: str(sys.basemodelname),
      endModelName,
      // Four files spell the field "endmodel license".
      endModelLicense: str(sys.endmodellicense ?? sys['endmodel license']),
      releaseDate: str(sys.releasedate),
      org: { name: str(org.name), link: links(org.link)[0] ?? null },
      dimensions,
      hfRepos,
      performanceClass: str(sys.performanceclass),
      familyHfRepos,
      source: { title: `European Open Source AI Index: ${name}`, url: OSAI_URL, attribution },
    });
  }
  return records.sort((a, b) => cmp(a.key, b.key));
}

function buildMofTables(dataDir: string): { components: MofComponent[]; licenses: MofLicense[] } {
  const settings = readYaml(join(dataDir, 'mof/schema/mof.settings.components.yml'));
  if (settings.error || !isObj(settings.data) || !Array.isArray(settings.data.components)) {
    throw new Error(`mof/schema/mof.settings.components.yml: ${settings.error ?? 'no components list'}`);
  }
  const components: MofComponent[] = settings.data.components.map((c: Yaml) => {
    if (!isObj(c)) throw new Error('mof.settings.components.yml: component is not a mapping');
    const cls = Number(c.class);
    if (cls !== 1 && cls !== 2 && cls !== 3) throw new Error(`MOF component ${String(c.name)}: class ${cls}`);
    return {
      id: Number(c.id),
      name: str(c.name) ?? '',
      class: cls,
      required: c.required === true,
      contentType: str(c.content_type) as MofContentType,
    };
  });
  components.sort((a, b) => a.id - b.id);

  const json = JSON.parse(readFileSync(join(dataDir, 'mof/licenses/mof-licenses.json'), 'utf8')) as {
    licenses: { licenseId: string; name: string; ContentType: string | string[]; isOsiApproved?: boolean }[];
  };
  // The same licence can appear once per content type (CC0-1.0, CC-PDDC): merge them.
  const byId = new Map<string, MofLicense>();
  for (const l of json.licenses) {
    const types = (Array.isArray(l.ContentType) ? l.ContentType : [l.ContentType]) as MofContentType[];
    const prev = byId.get(l.licenseId);
    const merged = [...new Set([...(prev?.contentTypes ?? []), ...types])].sort(cmp);
    byId.set(l.licenseId, {
      id: l.licenseId,
      name: l.name,
      contentTypes: merged,
      osiApproved: typeof l.isOsiApproved === 'boolean' ? l.isOsiApproved : null,
    });
  }
  return { components, licenses: [...byId.values()].sort((a, b) => cmp(a.id, b.id)) };
}

function buildHubLicenses(dataDir: string): HubLicense[] {
  const flag = (s: string | undefined) => (s === 'true' ? true : s === 'false' ? false : null);
  return readTsv(join(dataDir, 'hf-licenses.tsv'))
    .filter((r) => r.hf_license_id)
    .map((r) => ({
      id: r.hf_license_id!,
      name: r.full_name || r.hf_license_id!,
      spdx: r.spdx_equivalent || null,
      osiApproved: flag(r.spdx_isOsiApproved),
      fsfLibre: flag(r.spdx_isFsfLibre),
      url: r.license_url_from_hf_docs || null,
    }))
    .sort((a, b) => cmp(a.id, b.id));
}

function buildMot(
  dataDir: string,
  commit: string | null,
  mof: { components: MofComponent[]; licenses: MofLicense[] },
  hubLicenses: HubLicense[],
  report: BuildReport,
): MotRecord[] {
  const dir = join(dataDir, 'mof/models');
  const canon = createLicenseCanon({ mofLicenses: mof.licenses, hubLicenses });
  const known = new Set(mof.components.map((c) => c.name.toLowerCase()));
  const records: MotRecord[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => /\.ya?ml$/i.test(f))
    .sort(cmp)) {
    const where = `mof/models/${file}`;
    const { data, error } = readYaml(join(dir, file));
    const rel = isObj(data) ? data.release : undefined;
    if (error || !isObj(rel)) {
      report.skipped.push({ file: where, reason: error ?? 'no release section' });
      continue;
    }
    const key = file.replace(/\.ya?ml$/i, '');
    const name = str(rel.name) ?? key;
    const lic = isObj(rel.license) ? rel.license : {};
    const licName = (k: string) => (isObj(lic[k]) ? str((lic[k] as Record<string, Yaml>).name) : null);
    const listed: { name: string; license: string | null; path: string | null }[] = [];
    for (const c of Array.isArray(rel.components) ? rel.components : []) {
      const cname = isObj(c) ? str(c.name) : null;
      if (!isObj(c) || !cname) {
        report.warnings.push(`${where}: component without a name, dropped`);
        continue;
      }
      if (!known.has(cname.toLowerCase())) report.warnings.push(`${where}: unknown component ${cname}`);
      listed.push({ name: cname, license: str(c.license), path: str(c.component_path) });
    }
    const evaluated = evaluateComponents(
      listed,
      {
        distribution: licName('distribution'),
        code: licName('code'),
        data: licName('data'),
        document: licName('document'),
      },
      mof.components,
      canon,
    );
    const huggingface = str(rel.huggingface);
    const hfId = huggingface ? normalizeRepoId(huggingface) : null;
    if (huggingface && !hfId)
      report.warnings.push(`${where}: huggingface ${JSON.stringify(huggingface)} names no repo`);
    records.push({
      key,
      name,
      version: str(rel.version),
      date: str(rel.date),
      producer: str(rel.producer),
      type: str(rel.type),
      repository: str(rel.repository),
      huggingface,
      hfRepo: hfId ? repoKey(hfId) : null,
      distributionLicense: licName('distribution'),
      components: listed.map((c, i) => ({ ...c, ...evaluated[i]!, name: c.name })),
      ...classifyMof(evaluated, mof.components),
      source: {
        title: `Model Openness Tool: ${name}`,
        url: `${MOT_REPO}/blob/${commit ?? 'main'}/models/${encodeURIComponent(file)}`,
        attribution: 'LF AI & Data Model Openness Tool (mot.isitopen.ai), MIT licence',
      },
    });
  }
  return records.sort((a, b) => cmp(a.key, b.key));
}

function buildOsi(dataDir: string, report: BuildReport): OsiOutcome[] {
  const outcomes = new Set(['pass', 'fail', 'would-pass-if-license-changed']);
  const out: OsiOutcome[] = [];
  for (const r of readTsv(join(dataDir, 'osi-validation.tsv'))) {
    const outcome = r.osi_validation_outcome ?? '';
    if (!r.system || !outcomes.has(outcome)) {
      report.warnings.push(
        `osi-validation.tsv: row ${JSON.stringify(r.system)} has outcome ${JSON.stringify(outcome)}, dropped`,
      );
      continue;
    }
    out.push({
      system: r.system,
      producer: r.producer ?? '',
      outcome: outcome as OsiOutcome['outcome'],
      source: { title: 'OSI Open Source AI Definition 1.0 FAQ: validation phase', url: OSI_URL },
    });
  }
  return out.sort((a, b) => cmp(a.system, b.system));
}

/** "Use/Share (field of endeavour)" → ['use', 'share']; the parenthesis is commentary, not a freedom. */
function parseFreedoms(s: string): Freedom[] {
  const head = s.split('(')[0]!;
  const words = head.split(/[/,;+&]|\band\b/).map((w) => w.trim().toLowerCase());
  return FREEDOMS.filter((f) => words.includes(f));
}

/** First host/path token of a free-text source ("github.com/meta-llama/llama LICENSE @sha"). */
function sourceUrl(source: string): string | null {
  const m = /(?:https?:\/\/)?((?:[a-z0-9-]+\.)+[a-z]{2,}\/[^\s;,()]*)/i.exec(source);
  return m ? `https://${m[1]!.replace(/[.:]+$/, '')}` : null;
}

function buildClauses(dataDir: string, report: BuildReport): LicenseClauseRow[] {
  const rows: LicenseClauseRow[] = [];
  let prev: LicenseClauseRow | undefined;
  for (const r of readTsv(join(dataDir, 'license-clauses.tsv'))) {
    const where = `license-clauses.tsv ${JSON.stringify(r.license)} ${r.clause_ref}`;
    // "(as above)" and "same" point at the row before.
    const idsRaw = r.hf_id ?? '';
    const hfIds = /^\(as above\)$/i.test(idsRaw)
      ? (prev?.hfIds ?? [])
      : idsRaw
          .split(',')
          .map((s) => s.replace(/\(.*?\)/g, '').trim())
          .filter(Boolean);
    const sameSource = /^same\b/i.test(r.source ?? '');
    const source = sameSource && prev ? prev.source : (r.source ?? '');
    const ownUrl = sameSource ? null : sourceUrl(source);
    // A source without a host ("models/llama3_1/LICENSE") continues the row above for the same licence.
    const url = sameSource
      ? (prev?.sourceUrl ?? null)
      : (ownUrl ?? (prev && prev.license === r.license ? prev.sourceUrl : null));
    const freedoms = parseFreedoms(r.breaks_osaid_freedom ?? '');
    if (!r.license || hfIds.length === 0 || freedoms.length === 0 || !r.quote_or_paraphrase) {
      report.warnings.push(`${where}: incomplete row, dropped`);
      continue;
    }
    const row: LicenseClauseRow = {
      license: r.license,
      hfIds,
      ref: r.clause_ref ?? '',
      restriction: r.restriction_type ?? '',
      freedoms,
      quote: r.quote_or_paraphrase,
      source,
      sourceUrl: url,
    };
    rows.push(row);
    prev = row;
  }
  return rows.sort((a, b) => cmp(a.license, b.license) || cmp(a.ref, b.ref));
}

export function buildKnowledgePack(dataDir: string): { pack: KnowledgePack; report: BuildReport } {
  for (const p of ['osai-index', 'mof/models', 'osi-validation.tsv', 'hf-licenses.tsv', 'license-clauses.tsv']) {
    if (!existsSync(join(dataDir, p))) throw new Error(`${join(dataDir, p)} not found`);
  }
  const report: BuildReport = { counts: {}, skipped: [], warnings: [] };

  const osaiSrc = readSourceTxt(join(dataDir, 'osai-index/SOURCE.txt'));
  const motSrc = readSourceTxt(join(dataDir, 'mof/SOURCE.txt'));
  const zenodoFile = join(dataDir, 'osai-index/.zenodo.json');
  const zenodoLicense = existsSync(zenodoFile)
    ? ((JSON.parse(readFileSync(zenodoFile, 'utf8')) as { license?: { id?: string } }).license?.id ?? null)
    : null;
  const readmeFile = join(dataDir, 'osai-index/readme.md');
  const doi = (existsSync(readmeFile) && /10\.5281\/zenodo\.\d+/.exec(readFileSync(readmeFile, 'utf8'))?.[0]) || null;
  if (!doi) report.warnings.push('osai-index/readme.md: no DOI found, using the known one');
  const motLicenseFile = join(dataDir, 'mof/LICENSE.MOT-repo-MIT.txt');
  const motLicense =
    existsSync(motLicenseFile) &&
    /Permission is hereby granted, free of charge/.test(readFileSync(motLicenseFile, 'utf8'))
      ? 'MIT'
      : null;
  if (!motLicense) report.warnings.push('mof: MIT licence text not found');

  const attributions: Attribution[] = [
    {
      id: 'mot',
      name: 'LF AI & Data Model Openness Tool',
      url: MOT_URL,
      license: motLicense ?? 'MIT',
      citation: null,
      doi: null,
    },
    {
      id: 'osai-index',
      name: 'European Open Source AI Index',
      url: OSAI_URL,
      license: zenodoLicense ?? 'CC-BY-4.0',
      citation: OSAI_CITATION,
      doi: doi ?? OSAI_DOI_FALLBACK,
    },
    {
      id: 'osi',
      name: 'Open Source Initiative: Open Source AI Definition 1.0',
      url: OSI_URL,
      license: null,
      citation: null,
      doi: null,
    },
  ];
  const osaiAttribution = `${OSAI_URL} (${zenodoLicense ?? 'CC-BY-4.0'}). ${OSAI_CITATION}. doi:${doi ?? OSAI_DOI_FALLBACK}`;

  const indexDimensions = readDimensions(join(dataDir, 'osai-index'), report.warnings);
  const index = buildIndex(dataDir, indexDimensions, osaiAttribution, report);
  const mof = buildMofTables(dataDir);
  const hubLicenses = buildHubLicenses(dataDir);
  const mot = buildMot(dataDir, motSrc.commit, mof, hubLicenses, report);
  const osi = buildOsi(dataDir, report);
  const licenseClauses = buildClauses(dataDir, report);

  const provenance: Provenance[] = [
    {
      id: 'hf-licenses',
      title: 'Hugging Face Hub licence ids (hub-docs)',
      url: HUB_DOCS_LICENSES,
      commit: null,
      date: null,
      license: 'Apache-2.0',
      count: hubLicenses.length,
    },
    {
      id: 'license-clauses',
      title: 'Licence clauses against the OSAID freedoms (compiled from the licence texts in each row)',
      url: null,
      commit: null,
      date: null,
      license: null,
      count: licenseClauses.length,
    },
    {
      id: 'mot',
      title: 'Model Openness Tool model records',
      url: motSrc.url ?? MOT_REPO,
      commit: motSrc.commit,
      date: motSrc.date,
      license: motLicense,
      count: mot.length,
    },
    {
      id: 'osai-index',
      title: 'European Open Source AI Index database',
      url: osaiSrc.url,
      commit: osaiSrc.commit,
      date: osaiSrc.date,
      license: zenodoLicense,
      count: index.length,
    },
    {
      id: 'osi',
      title: 'OSI Open Source AI Definition 1.0 FAQ: validation-phase outcomes',
      url: OSI_URL,
      commit: null,
      date: null,
      license: null,
      count: osi.length,
    },
  ];

  const pack = KnowledgePackSchema.parse({
    schemaVersion: KNOWLEDGE_SCHEMA_VERSION,
    provenance,
    attributions,
    indexDimensions,
    index,
    mot,
    osi,
    mofComponents: mof.components,
    mofLicenses: mof.licenses,
    hubLicenses,
    licenseClauses,
  });
  report.counts = {
    index: index.length,
    mot: mot.length,
    osi: osi.length,
    hubLicenses: hubLicenses.length,
    licenseClauses: licenseClauses.length,
    mofComponents: mof.components.length,
    mofLicenses: mof.licenses.length,
    skipped: report.skipped.length,
    warnings: report.warnings.length,
  };
  return { pack, report };
}
