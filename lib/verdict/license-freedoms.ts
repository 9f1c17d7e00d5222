/** The licence a verdict rests on, and the four OSAID freedoms it grants or restricts. */
import type { Source } from '../sources';
import { assessLicense } from '../licenses';
import { FREEDOMS, type Freedom, type FreedomStatus, type LicenseAssessment } from '../licenses/types';
import type { ModelEvidence } from '../evidence/types';
import type { IndexRecord, MotRecord } from '../knowledge/types';
import type { Reason, Verdict } from './schema';
import { motComponentLicense } from './expert-records';
import type { ComponentFinding } from './components';
import { hubSource } from './evidence-sources';

/** The licence the verdict rests on: live Hub declaration first, else an exact expert record. */
export interface ChosenLicense {
  assessment: LicenseAssessment;
  from: string;
  sources: Source[];
}

export function chooseLicense(
  evidence: ModelEvidence | null,
  index: IndexRecord[],
  mot: MotRecord[],
): ChosenLicense | null {
  // A derivative cannot relax its base model's licence: on a conflict, the base's terms are the ones that bind.
  const conflictBase = evidence?.inheritanceConflict
    ? evidence.baseModels.find(
        (b) => b.id.toLowerCase() === evidence.inheritanceConflict!.baseId.toLowerCase() && b.license,
      )
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
    return {
      assessment: evidence.license.assessment,
      from: inherited ? `base model ${inherited} (no licence declared; inherited)` : 'Hugging Face Hub record',
      sources: [evidence.license.source],
    };
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

function licenseFreedomReasons(lic: ChosenLicense | null, f: Freedom): { status: FreedomStatus; reasons: Reason[] } {
  if (!lic) return { status: 'unknown', reasons: [{ text: 'No licence is known for this model.', sources: [] }] };
  const a = lic.assessment;
  const status = a.freedoms[f] ?? 'unknown';
  if (status === 'restricted') {
    const clauses = a.clauses.filter((c) => c.freedoms.includes(f));
    const reasons: Reason[] = clauses.map((c) => ({
      text: `${a.name ?? a.input} ${c.ref}: ${c.restriction}.`,
      sources: [c.source],
      clause: c,
    }));
    if (reasons.length === 0)
      reasons.push({ text: `${a.name ?? a.input}: ${a.reason}`, sources: a.sources.length ? a.sources : lic.sources });
    return { status, reasons };
  }
  const text =
    status === 'granted' ? `${a.name ?? a.input} grants it: ${a.reason}` : `${a.name ?? a.input}: ${a.reason}`;
  return { status, reasons: [{ text, sources: [...lic.sources, ...a.sources] }] };
}

export function freedomsFor(
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
        reasons.push({
          text: 'Training code or data information is not released, so the preferred form to study and modify is incomplete.',
          sources: gaps.flatMap((g) => g.evidence.flatMap((r) => r.sources)),
        });
      } else if (gaps.length > 0 && status === 'granted') {
        status = 'unknown';
        reasons.push({
          text: 'Whether the complete training code and data information are released is not known.',
          sources: [],
        });
      }
    }
    // Manual gating means asking the owner for permission before use.
    if (f === 'use' && evidence?.gated === 'manual') {
      status = 'restricted';
      reasons.push({
        text: 'Access is gated: the repository owner must approve each request.',
        sources: [hubSource(evidence)],
      });
    }
    out[f] = { status, reasons };
  }
  return out;
}
