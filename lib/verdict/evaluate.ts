import type { Source } from '../sources';
import { FREEDOMS } from '../licenses/types';
import type { ModelEvidence } from '../evidence/types';
import type { KnowledgeLookup } from '../knowledge/types';
import type { Label, Reason, Verdict } from './schema';
import { type MofComponentSpec, mofFor } from './mof';
import { exactOnly, expertEntries, osiFor } from './expert-records';
import { chooseLicense, freedomsFor } from './license-freedoms';
import { codeFinding, dataFinding, parametersFinding } from './components';
import { dedupeSources, hubSource } from './evidence-sources';
import { restrictedSummary, unknownSummary } from './summary';
import { findDisagreements } from './disagreements';

export type { MofComponentSpec } from './mof';

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
    for (const r of freedoms[f].reasons)
      if (r.clause && freedoms[f].status === 'restricted')
        blockers.push({ ...r, text: `${f} (licence clause): ${r.text}` });
  }
  if (liveEvidence?.gated === 'manual')
    blockers.push({
      text: "use: access needs the owner's approval (manual gating).",
      sources: [hubSource(liveEvidence)],
    });
  if (lic?.assessment.status === 'restricted' && blockers.length === 0) {
    blockers.push({
      text: `Licence ${lic.assessment.name ?? lic.assessment.input} restricts the freedoms: ${lic.assessment.reason}`,
      sources: lic.sources,
    });
  }
  if (params.status === 'missing')
    blockers.push({ text: 'parameters: not released.', sources: params.evidence.flatMap((r) => r.sources) });
  if (code.status === 'missing')
    blockers.push({ text: 'code: not released.', sources: code.evidence.flatMap((r) => r.sources) });
  if (data.status === 'missing')
    blockers.push({ text: 'data information: not released.', sources: data.evidence.flatMap((r) => r.sources) });
  if (liveEvidence?.inheritanceConflict) {
    blockers.push({
      text: `licence inheritance: ${liveEvidence.inheritanceConflict.reason}`,
      sources: [hubSource(liveEvidence)],
    });
  }

  const allGranted = FREEDOMS.every((f) => freedoms[f].status === 'granted');
  const allAvailable = [params, code, data].every((c) => c.status === 'available');
  const evidenceOnly: 'pass' | 'fail' | 'unknown' =
    blockers.length > 0 ? 'fail' : allGranted && allAvailable ? 'pass' : 'unknown';

  const osi = osiFor(expert);
  let osaidVerdict = evidenceOnly;
  let osaidReason: string;
  let decidedBy: 'osi-validation' | 'evidence' = 'evidence';
  if (osi) {
    decidedBy = 'osi-validation';
    osaidVerdict = osi.record.outcome === 'pass' ? 'pass' : 'fail';
    const scope =
      osi.match === 'exact' ? '' : ` (a finding about the ${osi.record.system} family, which this model belongs to)`;
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
    if (
      osi.record.outcome === 'would-pass-if-license-changed' &&
      !blockers.some((b) => b.text.startsWith('Licence') || b.clause)
    ) {
      blockers.push({
        text: `licence: OSI found the ${osi.record.system} licence terms incompatible with OSAID 1.0.`,
        sources: [osi.record.source],
      });
    }
  } else if (evidenceOnly === 'fail') {
    osaidReason = `Fails OSAID 1.0: ${blockers[0]!.text}`;
  } else if (evidenceOnly === 'pass') {
    osaidReason = 'All four freedoms are granted and data information, code and parameters are all released.';
  } else {
    const missing = [
      ...FREEDOMS.filter((f) => freedoms[f].status === 'unknown').map((f) => `freedom to ${f}`),
      ...(['data', 'code', 'parameters'] as const)
        .filter((k) => ({ data, code, parameters: params })[k].status === 'unknown')
        .map((k) => `${k === 'data' ? 'data information' : k}`),
    ];
    osaidReason = `Not enough evidence to decide: unknown ${missing.join(', ')}.`;
  }

  // Open weights: weights downloadable under terms granting the four freedoms for the weights.
  let openWeights: Verdict['openWeights'];
  if (params.status === 'missing')
    openWeights = {
      status: 'no',
      reason: 'No weights are released.',
      sources: params.evidence.flatMap((r) => r.sources),
    };
  else if (params.status === 'available' && lic?.assessment.status === 'open' && liveEvidence?.gated !== 'manual')
    openWeights = {
      status: 'yes',
      reason: `Weights are downloadable under ${lic.assessment.name ?? lic.assessment.input}, which grants the four freedoms.`,
      sources: [...params.evidence.flatMap((r) => r.sources), ...lic.sources],
    };
  else if (
    params.status === 'available' &&
    (lic?.assessment.status === 'restricted' || liveEvidence?.gated === 'manual')
  )
    openWeights = {
      status: 'no',
      reason:
        lic?.assessment.status === 'restricted'
          ? `Weights are available, but ${lic.assessment.name ?? lic.assessment.input} restricts them.`
          : "Weights are gated behind the owner's approval.",
      sources: [...params.evidence.flatMap((r) => r.sources), ...(lic?.sources ?? [])],
    };
  else
    openWeights = {
      status: 'unknown',
      reason:
        params.status === 'unknown'
          ? 'Whether weights are released is not known.'
          : 'The licence of the weights is not known.',
      sources: params.evidence.flatMap((r) => r.sources),
    };

  // FSF-free: every piece of software and the training data under free licences.
  let fsfFree: Verdict['fsfFree'];
  const dataClasses = liveEvidence?.datasets.map((d) => d.dataClass) ?? [];
  if (lic?.assessment.status === 'restricted' || lic?.assessment.fsfLibre === false)
    fsfFree = {
      status: 'no',
      reason: `${lic.assessment.name ?? lic.assessment.input} is not a free licence.`,
      sources: lic.sources,
    };
  else if (params.status === 'missing' || code.status === 'missing' || data.status === 'missing')
    fsfFree = { status: 'no', reason: 'Some parts (parameters, code or data) are not released at all.', sources: [] };
  else if (
    lic?.assessment.fsfLibre === true &&
    code.status === 'available' &&
    data.status === 'available' &&
    dataClasses.every((c) => c === 'open')
  )
    fsfFree = {
      status: 'yes',
      reason: `${lic.assessment.name ?? lic.assessment.input} is FSF-free, and code and data are released.`,
      sources: lic.sources,
    };
  else
    fsfFree = { status: 'unknown', reason: 'The licences of all code and training data are not known.', sources: [] };

  let euAiActHint: Verdict['euAiActHint'];
  if (lic?.assessment.status === 'restricted')
    euAiActHint = {
      status: 'no',
      reason: `${lic.assessment.name ?? lic.assessment.input} restricts use or distribution, which the open-source exemption does not allow.`,
      sources: lic.sources,
      disclaimer: EU_DISCLAIMER,
    };
  else if (params.status === 'missing')
    euAiActHint = { status: 'no', reason: 'Parameters are not public.', sources: [], disclaimer: EU_DISCLAIMER };
  else if (lic?.assessment.status === 'open' && params.status === 'available' && liveEvidence?.gated !== 'manual')
    euAiActHint = {
      status: 'yes',
      reason:
        'Free and open licence and public weights: the exemption may apply, unless the model has systemic risk or is monetised.',
      sources: lic.sources,
      disclaimer: EU_DISCLAIMER,
    };
  else
    euAiActHint = {
      status: 'unknown',
      reason: 'The licence or the availability of the parameters is not known.',
      sources: [],
      disclaimer: EU_DISCLAIMER,
    };

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
    summary =
      osaidVerdict === 'fail'
        ? `Does not meet OSAID 1.0 (${osaidReason}); the state of its weights is unknown.`
        : unknownSummary(lic, liveEvidence);
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
    data: (liveEvidence?.datasets ?? []).map((d) => ({
      id: d.id,
      dataClass: d.dataClass,
      reason: d.reason,
      url: d.source.url,
    })),
    expert: expertList,
    disagreements,
    sources,
  };
}
