/** The verdict's one-line summaries for the labels that need a reason: restricted weights and unknown. */
import { FREEDOMS } from '../licenses/types';
import type { ModelEvidence } from '../evidence/types';
import type { ChosenLicense } from './license-freedoms';

/** One line for restricted weights: which licence, which freedoms, and the clause that matters most. */
export function restrictedSummary(lic: ChosenLicense | null, evidence: ModelEvidence | null): string {
  if (!lic || lic.assessment.status !== 'restricted') {
    return evidence?.gated === 'manual'
      ? "Weights available only with the owner's approval (manual gating)."
      : 'Weights available under restrictive terms.';
  }
  const a = lic.assessment;
  const restricted = FREEDOMS.filter((f) => a.freedoms[f] === 'restricted');
  // A clause restricting use usually decides whether someone may rely on the model at all.
  const key = a.clauses.find((c) => c.freedoms.includes('use')) ?? a.clauses[0];
  const conflict = evidence?.inheritanceConflict
    ? ` Its declared licence conflicts with its base: ${evidence.inheritanceConflict.reason}`
    : '';
  return `Weights available, but the ${a.name ?? a.input} restricts ${restricted.join(', ') || 'the freedoms'}${key ? ` (${key.ref}: ${key.restriction})` : ''}.${conflict}`;
}

/** Why there is no label: name what is missing, above all a licence Ajar does not know (never called open). */
export function unknownSummary(lic: ChosenLicense | null, evidence: ModelEvidence | null): string {
  if (lic && lic.assessment.status === 'unknown') {
    const what = lic.assessment.name ?? (lic.assessment.input.trim() || null);
    if (!what) return 'No licence is declared; not enough evidence for a label.';
    return `Its licence (${what}) is not one Ajar recognises or has reviewed, so its terms are unknown; not enough evidence for a label.`;
  }
  if (!lic && evidence) return 'No licence is declared; not enough evidence for a label.';
  return 'Not enough evidence for a label.';
}
