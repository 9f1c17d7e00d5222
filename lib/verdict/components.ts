/** The OSAID component groups (parameters, code, data information): present, missing or unknown, with evidence. */
import type { ModelEvidence } from '../evidence/types';
import type { IndexRecord, MotRecord } from '../knowledge/types';
import type { ComponentStatus, Reason } from './schema';
import { hubSource } from './evidence-sources';
import { indexClass, indexLinks, motComponentLicense } from './expert-records';

export interface ComponentFinding {
  status: ComponentStatus;
  evidence: Reason[];
}

/** Parameters: live siblings first, then exact expert records. */
export function parametersFinding(
  evidence: ModelEvidence | null,
  index: IndexRecord[],
  mot: MotRecord[],
): ComponentFinding {
  const found: Reason[] = [];
  if (evidence && evidence.hubStatus === 'ok' && evidence.weights.status !== 'unknown') {
    const src = evidence.weights.source ?? hubSource(evidence);
    if (evidence.weights.status === 'present') {
      const gated =
        evidence.gated === 'manual'
          ? " (gated: access needs the owner's approval)"
          : evidence.gated === 'auto'
            ? ' (gated: access after accepting terms)'
            : '';
      return {
        status: 'available',
        evidence: [
          {
            text: `Weights on the Hub: ${evidence.weights.fileCount} file(s), ${evidence.weights.formats.join(', ')}${gated}.`,
            sources: [src],
          },
        ],
      };
    }
    return { status: 'missing', evidence: [{ text: 'The Hub repository lists no weight files.', sources: [src] }] };
  }
  for (const rec of index) {
    const cls = indexClass(rec, 'weights_endmodel');
    // The index rates access, not mere existence: "partial" weights are downloadable with conditions, and
    // "closed" can mean gated or restrictively licensed, so it is not proof that no weights exist.
    if (cls === 'open' || cls === 'partial')
      return {
        status: 'available',
        evidence: [
          {
            text: `European Open Source AI Index: end-model weights "${cls}" (${rec.name}).`,
            sources: indexLinks(rec, 'weights_endmodel'),
          },
        ],
      };
    if (cls === 'closed')
      found.push({
        text: `European Open Source AI Index: end-model weights "closed" (${rec.name}); whether they can be downloaded at all is not recorded.`,
        sources: indexLinks(rec, 'weights_endmodel'),
      });
  }
  for (const rec of mot) {
    const c = motComponentLicense(rec, 'Model parameters (Final)');
    if (c?.released) {
      return {
        status: 'available',
        evidence: [
          {
            text: `Model Openness Tool: final parameters released under ${c.released} (${rec.name}).`,
            sources: [rec.source, ...(c.path ? [{ title: 'parameters', url: c.path }] : [])],
          },
        ],
      };
    }
  }
  if (found.length === 0)
    found.push({
      text: 'No evidence about the weights: the Hub was not reached and no expert record covers this exact model.',
      sources: [],
    });
  return { status: 'unknown', evidence: found };
}

/** Code: OSAID wants the complete code to train and run. Only an exact expert record can say it is all there. */
export function codeFinding(evidence: ModelEvidence | null, index: IndexRecord[], mot: MotRecord[]): ComponentFinding {
  const reasons: Reason[] = [];
  for (const rec of index) {
    const cls = indexClass(rec, 'trainingcode');
    const text = `European Open Source AI Index: training code "${cls ?? 'not rated'}" (${rec.name}).`;
    if (cls === 'open') return { status: 'available', evidence: [{ text, sources: indexLinks(rec, 'trainingcode') }] };
    if (cls === 'closed') return { status: 'missing', evidence: [{ text, sources: indexLinks(rec, 'trainingcode') }] };
    if (cls === 'partial')
      reasons.push({
        text: `${text} Partial code is not the complete code OSAID requires.`,
        sources: indexLinks(rec, 'trainingcode'),
      });
  }
  for (const rec of mot) {
    const training = motComponentLicense(rec, 'Training code');
    const inference = motComponentLicense(rec, 'Inference code');
    if (training?.license && inference?.license) {
      return {
        status: 'available',
        evidence: [
          {
            text: `Model Openness Tool: training code (${training.license}) and inference code (${inference.license}) released (${rec.name}).`,
            sources: [rec.source],
          },
        ],
      };
    }
    if (training || inference) {
      reasons.push({
        text: `Model Openness Tool: training or inference code not recorded as released under a licence (${rec.name}).`,
        sources: [rec.source],
      });
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
export function dataFinding(evidence: ModelEvidence | null, index: IndexRecord[], mot: MotRecord[]): ComponentFinding {
  const reasons: Reason[] = [];
  for (const rec of index) {
    const base = indexClass(rec, 'datasources_basemodel');
    const end = indexClass(rec, 'datasources_endmodel');
    const sheet = indexClass(rec, 'datasheet');
    const text = `European Open Source AI Index: base-model data "${base ?? 'not rated'}", end-model data "${end ?? 'not rated'}", datasheet "${sheet ?? 'not rated'}" (${rec.name}).`;
    const sources = indexLinks(rec, 'datasources_basemodel');
    if (base === 'closed' || end === 'closed') return { status: 'missing', evidence: [{ text, sources }] };
    if (base === 'open' && (end === 'open' || end === null) && sheet !== 'closed')
      return { status: 'available', evidence: [{ text, sources }] };
    reasons.push({ text, sources });
  }
  for (const rec of mot) {
    const ds = motComponentLicense(rec, 'Datasets');
    const card = motComponentLicense(rec, 'Data card');
    if (ds?.license && card?.license) {
      return {
        status: 'available',
        evidence: [
          {
            text: `Model Openness Tool: datasets (${ds.license}) and data card (${card.license}) released (${rec.name}).`,
            sources: [rec.source],
          },
        ],
      };
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
