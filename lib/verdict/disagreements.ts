/** Where expert records disagree with each other or with the live evidence. */
import { assessLicense } from '../licenses';
import type { ModelEvidence } from '../evidence/types';
import type { ExpertMatch, IndexRecord, MotRecord, OsiOutcome } from '../knowledge/types';
import type { Disagreement } from './schema';
import { indexClass } from './expert-records';
import { hubSource } from './evidence-sources';

function pushDisagreement(list: Disagreement[], d: Disagreement) {
  if (d.statements.length > 1) list.push(d);
}

export function findDisagreements(
  evidence: ModelEvidence | null,
  index: IndexRecord[],
  mot: MotRecord[],
  osi: ExpertMatch<OsiOutcome> | null,
  evidenceOnlyOsaid: 'pass' | 'fail' | 'unknown',
): Disagreement[] {
  const out: Disagreement[] = [];
  // Licence: compare the status (open / restricted) that each source's licence implies.
  const lic: Disagreement['statements'] = [];
  if (evidence?.license)
    lic.push({
      who: 'Hugging Face Hub',
      says: `${evidence.license.assessment.id ?? evidence.license.assessment.input} (${evidence.license.assessment.status})`,
      sources: [evidence.license.source],
    });
  for (const r of mot)
    if (r.distributionLicense) {
      const a = assessLicense({ license: r.distributionLicense, licenseName: r.distributionLicense });
      lic.push({
        who: `Model Openness Tool (${r.name})`,
        says: `${r.distributionLicense} (${a.status})`,
        sources: [r.source],
      });
    }
  for (const r of index)
    if (r.endModelLicense) {
      const a = assessLicense({ license: r.endModelLicense, licenseName: r.endModelLicense });
      lic.push({
        who: `Open Source AI Index (${r.name})`,
        says: `${r.endModelLicense} (${a.status})`,
        sources: [r.source],
      });
    }
  const licStatuses = new Set(lic.map((s) => s.says.replace(/^.*\((\w+)\)$/, '$1')).filter((s) => s !== 'unknown'));
  if (licStatuses.size > 1) {
    pushDisagreement(out, {
      topic: 'licence',
      statements: lic,
      resolution: evidence?.license
        ? 'The verdict follows the live Hub record.'
        : 'The verdict follows the Model Openness Tool record, then the index.',
    });
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
            {
              who: 'Hugging Face Hub',
              says: live ? 'weight files present' : 'no weight files',
              sources: [evidence.weights.source ?? hubSource(evidence)],
            },
            { who: `Open Source AI Index (${r.name})`, says: `end-model weights ${cls}`, sources: [r.source] },
          ],
          resolution: 'The verdict follows the live Hub record.',
        });
      }
    }
  }
  if (
    osi &&
    evidenceOnlyOsaid !== 'unknown' &&
    evidenceOnlyOsaid !== (osi.record.outcome === 'pass' ? 'pass' : 'fail')
  ) {
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
