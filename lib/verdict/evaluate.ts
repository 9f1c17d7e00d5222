import type { Source } from '../sources';
import { assessLicense } from '../licenses';
import { DEFAULT_HUB_ENDPOINT } from '../hub/endpoint';
import { FREEDOMS, type Freedom, type FreedomStatus, type LicenseAssessment } from '../licenses/types';
import type { ModelEvidence } from '../evidence/types';
import type { ExpertMatch, IndexRecord, KnowledgeLookup, MofComponent, MotRecord, OsiOutcome } from '../knowledge/types';
import type {
  ComponentStatus,
  Disagreement,
  ExpertEntry,
  Label,
  Reason,
  Verdict,
} from './schema';

/** One of the 17 MOF components, as the knowledge pack lists them. */
export type MofComponentSpec = Pick<MofComponent, 'name' | 'class' | 'required'>;

export interface EvaluateInput {
  /** Hub repo id ("org/name") or, when none is known, the model's name. */
  model: string;
  /** Live Hub evidence, or null when the Hub was not asked (offline) or could not answer. */
  evidence: ModelEvidence | null;
  expert: KnowledgeLookup;
  mofComponents: readonly MofComponentSpec[];
  /** ISO time of evaluation; passed in so lib/ stays free of clocks. */
  now: string;
}

const OSI_SOURCE: Source = {
  title: 'OSI Open Source AI Definition 1.0',
  url: 'https://opensource.org/ai/open-source-ai-definition',
};

const EU_DISCLAIMER =
  'A hint, not legal advice: the EU AI Act (Art. 53(2)) exempts some models released under a free and open-source licence with public parameters; the exemption does not cover general-purpose models with systemic risk, or models that are monetised.';

type IndexClass = 'open' | 'partial' | 'closed' | null;

interface ComponentFinding {
  status: ComponentStatus;
  evidence: Reason[];
}

/** The licence the verdict rests on: live Hub declaration first, else an exact expert record. */
interface ChosenLicense {
  assessment: LicenseAssessment;
  from: string;
  sources: Source[];
}

const exactOnly = <T>(matches: ExpertMatch<T>[]): T[] => matches.filter((m) => m.match === 'exact').map((m) => m.record);

function indexClass(rec: IndexRecord, dim: string): IndexClass {
  return rec.dimensions[dim]?.class ?? null;
}

function indexLinks(rec: IndexRecord, dim: string): Source[] {
  const links = rec.dimensions[dim]?.links ?? [];
  return [rec.source, ...links.slice(0, 3).map((url) => ({ title: `${rec.name}: ${dim} evidence`, url }))];
}

/**
 * A MOT component counts as released when the record lists it as included with an open licence
 * (after MOT's licence inheritance, see lib/knowledge/mof.ts). "unlicensed" or a restrictive licence does not.
 */
function motComponentLicense(rec: MotRecord, name: string): { license: string | null; released: string | null; path: string | null; included: boolean } | null {
  const c = rec.components.find((x) => x.name.toLowerCase() === name.toLowerCase());
  if (!c) return null;
  const open = c.included && (c.fit === 'type-appropriate' || c.fit === 'open-other-type');
  // `released`: the licence it is released under, open or not (availability is a separate question from openness).
  return { license: open ? c.effectiveLicense : null, released: c.included ? c.effectiveLicense : null, path: c.path, included: c.included };
}

function chooseLicense(evidence: ModelEvidence | null, index: IndexRecord[], mot: MotRecord[]): ChosenLicense | null {
  // A derivative cannot relax its base model's licence: on a conflict, the base's terms are the ones that bind.
  const conflictBase = evidence?.inheritanceConflict
    ? evidence.baseModels.find((b) => b.id.toLowerCase() === evidence.inheritanceConflict!.baseId.toLowerCase() && b.license)
    : undefined;
  if (evidence && conflictBase?.license) {
    const declared = evidence.license?.assessment;
    return {
      assessment: conflictBase.license,
      from: `base model ${conflictBase.id} (the declared ${declared?.id ?? declared?.input ?? 'licence'} cannot relax it)`,
      sources: [conflictBase.source, ...(evidence.license ? [evidence.license.source] : [])],
    };
  }
  if (evidence?.license) {
    const inherited = evidence.license.inheritedFrom;
    return { assessment: evidence.license.assessment, from: inherited ? `base model ${inherited} (no licence declared; inherited)` : 'Hugging Face Hub record', sources: [evidence.license.source] };
  }
  // Offline (or no licence on the Hub): an exact expert record may name the licence.
  for (const rec of mot) {
    const lic = rec.distributionLicense ?? motComponentLicense(rec, 'Model parameters (Final)')?.released ?? null;
    if (lic) {
      return {
        assessment: assessLicense({ license: lic, licenseName: lic }),
        from: `Model Openness Tool record "${rec.name}"`,
        sources: [rec.source],
      };
    }
  }
  for (const rec of index) {
    if (rec.endModelLicense) {
      return {
        assessment: assessLicense({ license: rec.endModelLicense, licenseName: rec.endModelLicense }),
        from: `European Open Source AI Index record "${rec.name}"`,
        sources: [rec.source],
      };
    }
  }
  return null;
}

function hubSource(evidence: ModelEvidence): Source {
  return evidence.sources[0] ?? { title: `Hugging Face: ${evidence.repoId}`, url: `${DEFAULT_HUB_ENDPOINT}/${evidence.repoId}` };
}

/** Parameters: live siblings first, then exact expert records. */
function parametersFinding(evidence: ModelEvidence | null, index: IndexRecord[], mot: MotRecord[]): ComponentFinding {
  const found: Reason[] = [];
  if (evidence && evidence.hubStatus === 'ok' && evidence.weights.status !== 'unknown') {
    const src = evidence.weights.source ?? hubSource(evidence);
    if (evidence.weights.status === 'present') {
      const gated = evidence.gated === 'manual' ? ' (gated: access needs the owner\'s approval)' : evidence.gated === 'auto' ? ' (gated: access after accepting terms)' : '';
      return {
        status: 'available',
        evidence: [{ text: `Weights on the Hub: ${evidence.weights.fileCount} file(s), ${evidence.weights.formats.join(', ')}${gated}.`, sources: [src] }],
      };
    }
    return { status: 'missing', evidence: [{ text: 'The Hub repository lists no weight files.', sources: [src] }] };
  }
  for (const rec of index) {
    const cls = indexClass(rec, 'weights_endmodel');
    // The index rates access, not mere existence: "partial" weights are downloadable with conditions, and
    // "closed" can mean gated or restrictively licensed, so it is not proof that no weights exist.
    if (cls === 'open' || cls === 'partial') return { status: 'available', evidence: [{ text: `European Open Source AI Index: end-model weights "${cls}" (${rec.name}).`, sources: indexLinks(rec, 'weights_endmodel') }] };
    if (cls === 'closed') found.push({ text: `European Open Source AI Index: end-model weights "closed" (${rec.name}); whether they can be downloaded at all is not recorded.`, sources: indexLinks(rec, 'weights_endmodel') });
  }
  for (const rec of mot) {
    const c = motComponentLicense(rec, 'Model parameters (Final)');
    if (c?.released) {
      return {
        status: 'available',
        evidence: [{ text: `Model Openness Tool: final parameters released under ${c.released} (${rec.name}).`, sources: [rec.source, ...(c.path ? [{ title: 'parameters', url: c.path }] : [])] }],
      };
    }
  }
  if (found.length === 0) found.push({ text: 'No evidence about the weights: the Hub was not reached and no expert record covers this exact model.', sources: [] });
  return { status: 'unknown', evidence: found };
}

/** Code: OSAID wants the complete code to train and run. Only an exact expert record can say it is all there. */
function codeFinding(evidence: ModelEvidence | null, index: IndexRecord[], mot: MotRecord[]): ComponentFinding {
  const reasons: Reason[] = [];
  for (const rec of index) {
    const cls = indexClass(rec, 'trainingcode');
    const text = `European Open Source AI Index: training code "${cls ?? 'not rated'}" (${rec.name}).`;
    if (cls === 'open') return { status: 'available', evidence: [{ text, sources: indexLinks(rec, 'trainingcode') }] };
    if (cls === 'closed') return { status: 'missing', evidence: [{ text, sources: indexLinks(rec, 'trainingcode') }] };
    if (cls === 'partial') reasons.push({ text: `${text} Partial code is not the complete code OSAID requires.`, sources: indexLinks(rec, 'trainingcode') });
  }
  for (const rec of mot) {
    const training = motComponentLicense(rec, 'Training code');
    const inference = motComponentLicense(rec, 'Inference code');
    if (training?.license && inference?.license) {
      return {
        status: 'available',
        evidence: [{ text: `Model Openness Tool: training code (${training.license}) and inference code (${inference.license}) released (${rec.name}).`, sources: [rec.source] }],
      };
    }
    if (training || inference) {
      reasons.push({ text: `Model Openness Tool: training or inference code not recorded as released under a licence (${rec.name}).`, sources: [rec.source] });
    }
  }
  if (evidence && evidence.codeLinks.length > 0) {
    reasons.push({
      text: `The model card links to code (${evidence.codeLinks.slice(0, 3).join(', ')}); whether it is the complete training code is not known from the Hub.`,
      sources: evidence.codeLinks.slice(0, 3).map((url) => ({ title: 'Code linked from the model card', url })),
    });
  }
  if (reasons.length === 0) reasons.push({ text: 'No evidence about training code.', sources: [] });
  return { status: 'unknown', evidence: reasons };
}

/** Data information: a complete description and listing of the training data. */
function dataFinding(evidence: ModelEvidence | null, index: IndexRecord[], mot: MotRecord[]): ComponentFinding {
  const reasons: Reason[] = [];
  for (const rec of index) {
    const base = indexClass(rec, 'datasources_basemodel');
    const end = indexClass(rec, 'datasources_endmodel');
    const sheet = indexClass(rec, 'datasheet');
    const text = `European Open Source AI Index: base-model data "${base ?? 'not rated'}", end-model data "${end ?? 'not rated'}", datasheet "${sheet ?? 'not rated'}" (${rec.name}).`;
    const sources = indexLinks(rec, 'datasources_basemodel');
    if (base === 'closed' || end === 'closed') return { status: 'missing', evidence: [{ text, sources }] };
    if (base === 'open' && (end === 'open' || end === null) && sheet !== 'closed') return { status: 'available', evidence: [{ text, sources }] };
    reasons.push({ text, sources });
  }
  for (const rec of mot) {
    const ds = motComponentLicense(rec, 'Datasets');
    const card = motComponentLicense(rec, 'Data card');
    if (ds?.license && card?.license) {
      return { status: 'available', evidence: [{ text: `Model Openness Tool: datasets (${ds.license}) and data card (${card.license}) released (${rec.name}).`, sources: [rec.source] }] };
    }
  }
  if (evidence && evidence.datasets.length > 0) {
    const list = evidence.datasets.map((d) => `${d.id} (${d.dataClass})`).join(', ');
    reasons.push({
      text: `The Hub record declares datasets: ${list}. Whether they are all of the training data is not known from the Hub.`,
      sources: evidence.datasets.map((d) => d.source),
    });
  }
  if (reasons.length === 0) reasons.push({ text: 'No evidence about training data.', sources: [] });
  return { status: 'unknown', evidence: reasons };
}

function licenseFreedomReasons(lic: ChosenLicense | null, f: Freedom): { status: FreedomStatus; reasons: Reason[] } {
  if (!lic) return { status: 'unknown', reasons: [{ text: 'No licence is known for this model.', sources: [] }] };
  const a = lic.assessment;
  const status = a.freedoms[f] ?? 'unknown';
  if (status === 'restricted') {
    const clauses = a.clauses.filter((c) => c.freedoms.includes(f));
    const reasons: Reason[] = clauses.map((c) => ({ text: `${a.name ?? a.input} ${c.ref}: ${c.restriction}.`, sources: [c.source], clause: c }));
    if (reasons.length === 0) reasons.push({ text: `${a.name ?? a.input}: ${a.reason}`, sources: a.sources.length ? a.sources : lic.sources });
    return { status, reasons };
  }
  const text = status === 'granted' ? `${a.name ?? a.input} grants it: ${a.reason}` : `${a.name ?? a.input}: ${a.reason}`;
  return { status, reasons: [{ text, sources: [...lic.sources, ...a.sources] }] };
}

function freedomsFor(
  lic: ChosenLicense | null,
  params: ComponentFinding,
  code: ComponentFinding,
  data: ComponentFinding,
  evidence: ModelEvidence | null,
): Verdict['osaid']['freedoms'] {
  const out = {} as Verdict['osaid']['freedoms'];
  for (const f of FREEDOMS) {
    const base = licenseFreedomReasons(lic, f);
    let status = base.status;
    const reasons = [...base.reasons];
    // Without the weights nobody can use, modify or share the model, whatever the licence says.
    if (params.status === 'missing' && f !== 'study') {
      status = 'restricted';
      reasons.unshift({ text: 'No parameters are released.', sources: params.evidence.flatMap((r) => r.sources) });
    }
    // Studying needs the components themselves: missing code or data information limits it.
    if (f === 'study' || f === 'modify') {
      const gaps = [code, data].filter((c) => c.status !== 'available');
      if (gaps.some((c) => c.status === 'missing')) {
        status = 'restricted';
        reasons.push({ text: 'Training code or data information is not released, so the preferred form to study and modify is incomplete.', sources: gaps.flatMap((g) => g.evidence.flatMap((r) => r.sources)) });
      } else if (gaps.length > 0 && status === 'granted') {
        status = 'unknown';
        reasons.push({ text: 'Whether the complete training code and data information are released is not known.', sources: [] });
      }
    }
    // Manual gating means asking the owner for permission before use.
    if (f === 'use' && evidence?.gated === 'manual') {
      status = 'restricted';
      reasons.push({ text: 'Access is gated: the repository owner must approve each request.', sources: [hubSource(evidence)] });
    }
    out[f] = { status, reasons };
  }
  return out;
}

function expertEntries(expert: KnowledgeLookup): ExpertEntry[] {
  const out: ExpertEntry[] = [];
  for (const m of expert.osi) {
    out.push({ origin: 'osi', match: m.match, via: m.via, key: m.record.system, name: `${m.record.system} (${m.record.producer})`, facts: { outcome: m.record.outcome }, source: m.record.source });
  }
  for (const m of expert.index) {
    const facts: Record<string, string> = {};
    for (const [dim, v] of Object.entries(m.record.dimensions)) facts[dim] = v.class ?? 'not rated';
    if (m.record.endModelLicense) facts['end-model licence'] = m.record.endModelLicense;
    out.push({ origin: 'osai-index', match: m.match, via: m.via, key: m.record.key, name: m.record.name, facts, source: m.record.source });
  }
  for (const m of expert.mot) {
    const rec = m.record;
    const facts: Record<string, string> = { class: rec.mofClassAnyOpenLicense ?? 'none' };
    if (rec.distributionLicense) facts['distribution licence'] = rec.distributionLicense;
    out.push({ origin: 'mot', match: m.match, via: m.via, key: rec.key, name: rec.name, facts, source: rec.source });
  }
  return out;
}

function osiFor(expert: KnowledgeLookup): ExpertMatch<OsiOutcome> | null {
  return expert.osi.find((m) => m.match === 'exact') ?? expert.osi[0] ?? null;
}

function mofFor(
  evidence: ModelEvidence | null,
  lic: ChosenLicense | null,
  mot: MotRecord[],
  specs: readonly MofComponentSpec[],
): Verdict['mof'] {
  const rec = mot[0];
  if (rec) {
    const components = specs.map((spec) => {
      const c = rec.components.find((x) => x.name.toLowerCase() === spec.name.toLowerCase());
      const open = !!c && c.included && (c.fit === 'type-appropriate' || c.fit === 'open-other-type');
      return {
        name: spec.name,
        mofClass: spec.class,
        required: spec.required,
        status: open ? ('present' as const) : c?.included ? ('unknown' as const) : ('missing' as const),
        license: c?.effectiveLicense ?? null,
        url: c?.path || null,
        source: rec.source,
      };
    });
    // MOF recommends licences by content type; we count any open licence (as MOF 1.0 accepts
    // OSI-approved licences for parameters) and say when the strict reading gives a lower class.
    const cls = rec.mofClassAnyOpenLicense;
    const strict = rec.mofClass;
    const strictNote = cls && strict !== cls ? ` Counting only MOF's type-appropriate licences, it reaches ${strict ? `Class ${strict}` : 'no class'}.` : '';
    return {
      class: cls ?? 'none',
      reason: (cls
        ? `Model Openness Tool record "${rec.name}" reaches Class ${cls}.`
        : `Model Openness Tool record "${rec.name}" does not complete Class III: not every required component is released under an open licence.`) + strictNote,
      decidedBy: 'mot',
      components,
    };
  }
  // Live evidence speaks to few components: the final parameters, the model card and papers.
  const components = specs.map((s) => {
    let status: 'present' | 'missing' | 'unknown' = 'unknown';
    let license: string | null = null;
    let url: string | null = null;
    let source: Source | null = null;
    if (evidence && evidence.hubStatus === 'ok') {
      if (s.name === 'Model parameters (Final)') {
        source = evidence.weights.source;
        if (evidence.weights.status === 'absent') status = 'missing';
        else if (evidence.weights.status === 'present' && lic) {
          license = lic.assessment.id ?? lic.assessment.input;
          status = lic.assessment.status === 'open' ? 'present' : lic.assessment.status === 'restricted' ? 'missing' : 'unknown';
        }
      } else if (s.name === 'Model card') {
        status = evidence.card.present ? 'present' : 'unknown';
        source = evidence.card.source;
        url = evidence.card.source?.url ?? null;
      } else if (s.name === 'Research paper' && evidence.papers.length > 0) {
        status = 'present';
        url = evidence.papers[0]!.url;
        source = { title: `arXiv ${evidence.papers[0]!.id}`, url };
      }
    }
    return { name: s.name, mofClass: s.class, required: s.required, status, license, url, source };
  });
  const params = components.find((c) => c.name === 'Model parameters (Final)');
  if (params?.status === 'missing') {
    return {
      class: 'none',
      reason: 'Class III needs the final parameters under an open licence; they are missing or restricted.',
      decidedBy: 'evidence',
      components,
    };
  }
  return {
    class: 'unknown',
    reason: 'No Model Openness Tool record for this model, and the Hub does not show the licences of the other required components.',
    decidedBy: 'evidence',
    components,
  };
}

function pushDisagreement(list: Disagreement[], d: Disagreement) {
  if (d.statements.length > 1) list.push(d);
}

function findDisagreements(
  evidence: ModelEvidence | null,
  index: IndexRecord[],
  mot: MotRecord[],
  osi: ExpertMatch<OsiOutcome> | null,
  evidenceOnlyOsaid: 'pass' | 'fail' | 'unknown',
): Disagreement[] {
  const out: Disagreement[] = [];
  // Licence: compare the status (open / restricted) that each source's licence implies.
  const lic: Disagreement['statements'] = [];
  if (evidence?.license) lic.push({ who: 'Hugging Face Hub', says: `${evidence.license.assessment.id ?? evidence.license.assessment.input} (${evidence.license.assessment.status})`, sources: [evidence.license.source] });
  for (const r of mot) if (r.distributionLicense) {
    const a = assessLicense({ license: r.distributionLicense, licenseName: r.distributionLicense });
    lic.push({ who: `Model Openness Tool (${r.name})`, says: `${r.distributionLicense} (${a.status})`, sources: [r.source] });
  }
  for (const r of index) if (r.endModelLicense) {
    const a = assessLicense({ license: r.endModelLicense, licenseName: r.endModelLicense });
    lic.push({ who: `Open Source AI Index (${r.name})`, says: `${r.endModelLicense} (${a.status})`, sources: [r.source] });
  }
  const licStatuses = new Set(lic.map((s) => s.says.replace(/^.*\((\w+)\)$/, '$1')).filter((s) => s !== 'unknown'));
  if (licStatuses.size > 1) {
    pushDisagreement(out, { topic: 'licence', statements: lic, resolution: evidence?.license ? 'The verdict follows the live Hub record.' : 'The verdict follows the Model Openness Tool record, then the index.' });
  }
  // Weights: the live repository against the index.
  if (evidence && evidence.weights.status !== 'unknown') {
    for (const r of index) {
      const cls = indexClass(r, 'weights_endmodel');
      const live = evidence.weights.status === 'present';
      if ((cls === 'closed' && live) || (cls === 'open' && !live)) {
        pushDisagreement(out, {
          topic: 'weights',
          statements: [
            { who: 'Hugging Face Hub', says: live ? 'weight files present' : 'no weight files', sources: [evidence.weights.source ?? hubSource(evidence)] },
            { who: `Open Source AI Index (${r.name})`, says: `end-model weights ${cls}`, sources: [r.source] },
          ],
          resolution: 'The verdict follows the live Hub record.',
        });
      }
    }
  }
  if (osi && evidenceOnlyOsaid !== 'unknown' && evidenceOnlyOsaid !== (osi.record.outcome === 'pass' ? 'pass' : 'fail')) {
    pushDisagreement(out, {
      topic: 'OSAID',
      statements: [
        { who: `OSI validation (${osi.record.system})`, says: osi.record.outcome, sources: [osi.record.source] },
        { who: 'Evidence gathered by Ajar', says: evidenceOnlyOsaid, sources: [] },
      ],
      resolution: "OSI's own validation outcome decides the OSAID verdict.",
    });
  }
  return out;
}

function dedupeSources(all: Source[]): Source[] {
  const seen = new Set<string>();
  const out: Source[] = [];
  for (const s of all) {
    const k = `${s.url}|${s.title}`;
    if (!s.url || seen.has(k)) continue;
    seen.add(k);
    out.push(s);
  }
  return out;
}

/** One line for restricted weights: which licence, which freedoms, and the clause that matters most. */
function restrictedSummary(lic: ChosenLicense | null, evidence: ModelEvidence | null): string {
  if (!lic || lic.assessment.status !== 'restricted') {
    return evidence?.gated === 'manual'
      ? 'Weights available only with the owner\'s approval (manual gating).'
      : 'Weights available under restrictive terms.';
  }
  const a = lic.assessment;
  const restricted = FREEDOMS.filter((f) => a.freedoms[f] === 'restricted');
  // A clause restricting use usually decides whether someone may rely on the model at all.
  const key = a.clauses.find((c) => c.freedoms.includes('use')) ?? a.clauses[0];
  const conflict = evidence?.inheritanceConflict ? ` Its declared licence conflicts with its base: ${evidence.inheritanceConflict.reason}` : '';
  return `Weights available, but the ${a.name ?? a.input} restricts ${restricted.join(', ') || 'the freedoms'}${key ? ` (${key.ref}: ${key.restriction})` : ''}.${conflict}`;
}

/** Why there is no label: name what is missing, above all a licence Ajar does not know (never called open). */
function unknownSummary(lic: ChosenLicense | null, evidence: ModelEvidence | null): string {
  if (lic && lic.assessment.status === 'unknown') {
    const what = lic.assessment.name ?? (lic.assessment.input.trim() || null);
    if (!what) return 'No licence is declared; not enough evidence for a label.';
    return `Its licence (${what}) is not one Ajar recognises or has reviewed, so its terms are unknown; not enough evidence for a label.`;
  }
  if (!lic && evidence) return 'No licence is declared; not enough evidence for a label.';
  return 'Not enough evidence for a label.';
}

/** Turn gathered evidence and expert records into a verdict. Pure: same input, same verdict. */
export function evaluate(input: EvaluateInput): Verdict {
  const { evidence, expert } = input;
  const live = evidence !== null && evidence.hubStatus === 'ok';
  const liveEvidence = live ? evidence : null;
  const index = exactOnly(expert.index);
  const mot = exactOnly(expert.mot);

  const lic = chooseLicense(liveEvidence, index, mot);
  const params = parametersFinding(liveEvidence, index, mot);
  const code = codeFinding(liveEvidence, index, mot);
  const data = dataFinding(liveEvidence, index, mot);
  const freedoms = freedomsFor(lic, params, code, data, liveEvidence);

  // Definite blockers only: a restricting clause, no weights, or components an exact record says are closed.
  const blockers: Reason[] = [];
  for (const f of FREEDOMS) {
    for (const r of freedoms[f].reasons) if (r.clause && freedoms[f].status === 'restricted') blockers.push({ ...r, text: `${f} (licence clause): ${r.text}` });
  }
  if (liveEvidence?.gated === 'manual') blockers.push({ text: 'use: access needs the owner\'s approval (manual gating).', sources: [hubSource(liveEvidence)] });
  if (lic?.assessment.status === 'restricted' && blockers.length === 0) {
    blockers.push({ text: `Licence ${lic.assessment.name ?? lic.assessment.input} restricts the freedoms: ${lic.assessment.reason}`, sources: lic.sources });
  }
  if (params.status === 'missing') blockers.push({ text: 'parameters: not released.', sources: params.evidence.flatMap((r) => r.sources) });
  if (code.status === 'missing') blockers.push({ text: 'code: not released.', sources: code.evidence.flatMap((r) => r.sources) });
  if (data.status === 'missing') blockers.push({ text: 'data information: not released.', sources: data.evidence.flatMap((r) => r.sources) });
  if (liveEvidence?.inheritanceConflict) {
    blockers.push({ text: `licence inheritance: ${liveEvidence.inheritanceConflict.reason}`, sources: [hubSource(liveEvidence)] });
  }

  const allGranted = FREEDOMS.every((f) => freedoms[f].status === 'granted');
  const allAvailable = [params, code, data].every((c) => c.status === 'available');
  const evidenceOnly: 'pass' | 'fail' | 'unknown' = blockers.length > 0 ? 'fail' : allGranted && allAvailable ? 'pass' : 'unknown';

  const osi = osiFor(expert);
  let osaidVerdict = evidenceOnly;
  let osaidReason: string;
  let decidedBy: 'osi-validation' | 'evidence' = 'evidence';
  if (osi) {
    decidedBy = 'osi-validation';
    osaidVerdict = osi.record.outcome === 'pass' ? 'pass' : 'fail';
    const scope = osi.match === 'exact' ? '' : ` (a finding about the ${osi.record.system} family, which this model belongs to)`;
    osaidReason =
      osi.record.outcome === 'pass'
        ? `OSI's validation found ${osi.record.system} compliant with OSAID 1.0${scope}.`
        : osi.record.outcome === 'fail'
          ? `OSI's validation found ${osi.record.system} not compliant with OSAID 1.0: missing components and/or incompatible legal terms${scope}.`
          : `OSI's validation found ${osi.record.system} not compliant because of its licence terms (it would probably pass with other terms)${scope}.`;
    const osiSays = osi.record.outcome === 'pass' ? 'pass' : 'fail';
    if (evidenceOnly !== osiSays) {
      // Say plainly when the tables below (Ajar's own evidence) would not reach OSI's conclusion alone.
      osaidReason += ` Ajar's own evidence alone would say "${evidenceOnly}"${evidenceOnly === 'unknown' ? ': some freedoms or components below are not established by it' : ''}.`;
    }
    if (osi.record.outcome === 'would-pass-if-license-changed' && !blockers.some((b) => b.text.startsWith('Licence') || b.clause)) {
      blockers.push({ text: `licence: OSI found the ${osi.record.system} licence terms incompatible with OSAID 1.0.`, sources: [osi.record.source] });
    }
  } else if (evidenceOnly === 'fail') {
    osaidReason = `Fails OSAID 1.0: ${blockers[0]!.text}`;
  } else if (evidenceOnly === 'pass') {
    osaidReason = 'All four freedoms are granted and data information, code and parameters are all released.';
  } else {
    const missing = [
      ...FREEDOMS.filter((f) => freedoms[f].status === 'unknown').map((f) => `freedom to ${f}`),
      ...(['data', 'code', 'parameters'] as const).filter((k) => ({ data, code, parameters: params })[k].status === 'unknown').map((k) => `${k === 'data' ? 'data information' : k}`),
    ];
    osaidReason = `Not enough evidence to decide: unknown ${missing.join(', ')}.`;
  }

  // Open weights: weights downloadable under terms granting the four freedoms for the weights.
  let openWeights: Verdict['openWeights'];
  if (params.status === 'missing') openWeights = { status: 'no', reason: 'No weights are released.', sources: params.evidence.flatMap((r) => r.sources) };
  else if (params.status === 'available' && lic?.assessment.status === 'open' && liveEvidence?.gated !== 'manual')
    openWeights = { status: 'yes', reason: `Weights are downloadable under ${lic.assessment.name ?? lic.assessment.input}, which grants the four freedoms.`, sources: [...params.evidence.flatMap((r) => r.sources), ...lic.sources] };
  else if (params.status === 'available' && (lic?.assessment.status === 'restricted' || liveEvidence?.gated === 'manual'))
    openWeights = { status: 'no', reason: lic?.assessment.status === 'restricted' ? `Weights are available, but ${lic.assessment.name ?? lic.assessment.input} restricts them.` : 'Weights are gated behind the owner\'s approval.', sources: [...params.evidence.flatMap((r) => r.sources), ...(lic?.sources ?? [])] };
  else openWeights = { status: 'unknown', reason: params.status === 'unknown' ? 'Whether weights are released is not known.' : 'The licence of the weights is not known.', sources: params.evidence.flatMap((r) => r.sources) };

  // FSF-free: every piece of software and the training data under free licences.
  let fsfFree: Verdict['fsfFree'];
  const dataClasses = liveEvidence?.datasets.map((d) => d.dataClass) ?? [];
  if (lic?.assessment.status === 'restricted' || lic?.assessment.fsfLibre === false)
    fsfFree = { status: 'no', reason: `${lic.assessment.name ?? lic.assessment.input} is not a free licence.`, sources: lic.sources };
  else if (params.status === 'missing' || code.status === 'missing' || data.status === 'missing')
    fsfFree = { status: 'no', reason: 'Some parts (parameters, code or data) are not released at all.', sources: [] };
  else if (lic?.assessment.fsfLibre === true && code.status === 'available' && data.status === 'available' && dataClasses.every((c) => c === 'open'))
    fsfFree = { status: 'yes', reason: `${lic.assessment.name ?? lic.assessment.input} is FSF-free, and code and data are released.`, sources: lic.sources };
  else fsfFree = { status: 'unknown', reason: 'The licences of all code and training data are not known.', sources: [] };

  let euAiActHint: Verdict['euAiActHint'];
  if (lic?.assessment.status === 'restricted')
    euAiActHint = { status: 'no', reason: `${lic.assessment.name ?? lic.assessment.input} restricts use or distribution, which the open-source exemption does not allow.`, sources: lic.sources, disclaimer: EU_DISCLAIMER };
  else if (params.status === 'missing')
    euAiActHint = { status: 'no', reason: 'Parameters are not public.', sources: [], disclaimer: EU_DISCLAIMER };
  else if (lic?.assessment.status === 'open' && params.status === 'available' && liveEvidence?.gated !== 'manual')
    euAiActHint = { status: 'yes', reason: 'Free and open licence and public weights: the exemption may apply, unless the model has systemic risk or is monetised.', sources: lic.sources, disclaimer: EU_DISCLAIMER };
  else euAiActHint = { status: 'unknown', reason: 'The licence or the availability of the parameters is not known.', sources: [], disclaimer: EU_DISCLAIMER };

  let label: Label;
  let summary: string;
  if (osaidVerdict === 'pass') {
    label = 'open-source';
    summary = `Meets the OSI Open Source AI Definition 1.0. ${osaidReason}`;
  } else if (params.status === 'missing') {
    label = 'closed';
    summary = 'No weights are released.';
  } else if (params.status === 'available' && openWeights.status === 'yes') {
    label = 'open-weights';
    summary = `Open weights under ${lic?.assessment.name ?? 'an open licence'}, but ${osaidVerdict === 'fail' ? 'it does not meet' : 'it is not shown to meet'} OSAID 1.0.`;
  } else if (params.status === 'available' && openWeights.status === 'no') {
    label = 'restricted-weights';
    summary = restrictedSummary(lic, liveEvidence);
  } else {
    label = 'unknown';
    summary = osaidVerdict === 'fail' ? `Does not meet OSAID 1.0 (${osaidReason}); the state of its weights is unknown.` : unknownSummary(lic, liveEvidence);
  }
  if (!live) summary += ' (Offline: from the bundled knowledge pack only.)';

  const osiMatch = osi;
  const disagreements = findDisagreements(liveEvidence, index, mot, osiMatch, evidenceOnly);
  const expertList = expertEntries(expert);
  const mof = mofFor(liveEvidence, lic, mot, input.mofComponents);

  const baseModels = (liveEvidence?.baseModels ?? []).map((b) => ({
    id: b.id,
    relation: b.relation,
    license: b.license ? (b.license.id ?? b.license.input) : null,
    licenseStatus: b.license?.status ?? null,
  }));

  const sources = dedupeSources([
    OSI_SOURCE,
    ...(liveEvidence?.sources ?? []),
    ...(lic?.sources ?? []),
    ...(lic?.assessment.clauses.map((c) => c.source) ?? []),
    ...expertList.map((e) => e.source),
  ]);

  return {
    model: input.model,
    label,
    summary,
    evaluatedAt: input.now,
    mode: live ? 'live' : 'offline',
    hub: {
      status: evidence?.hubStatus ?? 'offline',
      message: evidence?.hubMessage ?? (evidence ? null : 'Offline: the Hub was not asked.'),
      fetchedAt: evidence?.fetchedAt ?? null,
    },
    osaid: {
      verdict: osaidVerdict,
      reason: osaidReason,
      decidedBy,
      freedoms,
      components: { data, code, parameters: params },
      blockers,
    },
    mof,
    openWeights,
    fsfFree,
    euAiActHint,
    license: lic
      ? {
          input: lic.assessment.input,
          id: lic.assessment.id,
          name: lic.assessment.name,
          osiApproved: lic.assessment.osiApproved,
          status: lic.assessment.status,
          reason: lic.assessment.reason,
          clauses: lic.assessment.clauses,
          from: lic.from,
          sources: dedupeSources([...lic.sources, ...lic.assessment.sources]),
        }
      : null,
    inheritance: { baseModels, conflict: liveEvidence?.inheritanceConflict ?? null },
    data: (liveEvidence?.datasets ?? []).map((d) => ({ id: d.id, dataClass: d.dataClass, reason: d.reason, url: d.source.url })),
    expert: expertList,
    disagreements,
    sources,
  };
}
