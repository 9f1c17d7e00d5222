/**
 * The openwashing rule: how a claim's wording compares with the verdict on the model it is about.
 *
 *   wording \ label   open-source   open-weights       restricted-weights   closed        unknown / no model
 *   strong            fine          medium (unproven)  high                 high          not judged
 *   vague             never flagged; the reason says what the label is
 *   honest            never flagged
 *
 * A strong claim about open weights is flagged at medium severity: the weights are free, but nothing shows
 * the model meets the Open Source AI Definition (data information and code), so "open source" is unproven
 * rather than false. One refinement of "unknown": when the label is unknown only because the state of the
 * weights is not known, but the evidence shows the licence itself restricts use (OSAID fails on the use
 * freedom), "open source" is contradicted by the licence and the claim is flagged high.
 *
 * No runtime imports: the UI can judge without loading the knowledge pack. judgeScan (judge-scan.ts)
 * resolves and judges a whole page.
 */
import type { Label, Verdict } from '../verdict/schema';
import type { ClaimKind, ClaimSubject, NamedLicence, Severity } from './types';
import { LABEL_PHRASE } from '../labels';

export interface Judgement {
  openwashing: boolean;
  severity: Severity;
  /** One line. */
  reason: string;
}

export interface JudgeHints {
  /** The licence restricts use (OSAID's use freedom fails on the licence, decided by evidence). */
  licenceRestrictsUse?: boolean;
  /** Licence name to quote in the reason. */
  licenceName?: string | null;
  /** What the claim calls open source (issue 11): only a model (or unspecified) subject is judged against the model. */
  subject?: ClaimSubject;
  /** The licence the claim's sentence names: a restrictive one makes a strong claim openwashing whatever the model. */
  namedLicense?: NamedLicence | null;
}

const NOT_A_MODEL: Partial<Record<ClaimSubject, string>> = {
  code: 'software or code',
  data: 'a data set',
  benchmark: 'a benchmark or evaluation',
  community: 'a community, movement or policy',
};

/** Issue 11: what the sentence itself says (its subject, the licence it names) comes before the model's label. */
function judgeFromSentence(kind: ClaimKind, h: JudgeHints | undefined): Judgement | null {
  if (!h || kind === 'honest') return null;
  const notModel = h.subject ? NOT_A_MODEL[h.subject] : undefined;
  if (notModel)
    return {
      openwashing: false,
      severity: 'none',
      reason: `Not a model claim: what is called open source here is ${notModel}.`,
    };
  if (kind !== 'strong' || !h.namedLicense) return null;
  if (h.namedLicense.status === 'restricted') {
    return {
      openwashing: true,
      severity: 'high',
      reason: `Called open source, but the licence it names restricts use (${h.namedLicense.name}).`,
    };
  }
  if (h.subject === 'licence') {
    return {
      openwashing: false,
      severity: 'none',
      reason: `The licence called open source (${h.namedLicense.name}) is an open-source licence.`,
    };
  }
  return null;
}

const lic = (h: JudgeHints | undefined) => (h?.licenceName ? ` (${h.licenceName})` : '');

/** The rule above, for one claim. `label` null: no model was found for the claim. */
export function judgeClaim(kind: ClaimKind, label: Label | null, hints?: JudgeHints): Judgement {
  const fromSentence = judgeFromSentence(kind, hints);
  if (fromSentence) return fromSentence;
  if (label === null) {
    return {
      openwashing: false,
      severity: 'none',
      reason: 'Model unknown: no model is named near this claim, so it is not judged.',
    };
  }
  if (kind === 'honest') {
    return {
      openwashing: false,
      severity: 'none',
      reason: `Precise wording; Ajar's label for the model: ${LABEL_PHRASE[label]}.`,
    };
  }
  if (kind === 'vague') {
    return {
      openwashing: false,
      severity: 'none',
      reason: `Vague wording, not flagged; Ajar's label for the model: ${LABEL_PHRASE[label]}.`,
    };
  }
  switch (label) {
    case 'open-source':
      return {
        openwashing: false,
        severity: 'none',
        reason: 'Consistent: the model meets the Open Source AI Definition 1.0.',
      };
    case 'open-weights':
      return {
        openwashing: true,
        severity: 'medium',
        reason:
          'Called open source: open weights, but not shown to meet OSAID 1.0 (training data information and code).',
      };
    case 'restricted-weights':
      return {
        openwashing: true,
        severity: 'high',
        reason: `Called open source, but its licence or access terms restrict use${lic(hints)}.`,
      };
    case 'closed':
      return { openwashing: true, severity: 'high', reason: 'Called open source, but its weights are not released.' };
    case 'unknown':
      if (hints?.licenceRestrictsUse) {
        return {
          openwashing: true,
          severity: 'high',
          reason: `Called open source, but its licence restricts use${lic(hints)}, which OSAID 1.0 does not allow.`,
        };
      }
      return { openwashing: false, severity: 'none', reason: 'Not enough evidence to judge this claim.' };
  }
}

/** What judgeClaim needs from a verdict. */
export function hintsFrom(verdict: Verdict): JudgeHints {
  const o = verdict.osaid;
  return {
    licenceRestrictsUse: o.verdict === 'fail' && o.decidedBy === 'evidence' && o.freedoms.use.status === 'restricted',
    licenceName: verdict.license?.name ?? null,
  };
}
