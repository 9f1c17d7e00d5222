/**
 * A model card that calls its own terms "non-commercial" or "research only". When the licence itself is not one
 * Ajar recognises, the card's word still restricts use, and the verdict can say so with the card's sentence quoted.
 * Pure function over card text; negated or comparative wording ("not only for research", "commercial and
 * non-commercial use") does not count.
 */
import type { Source } from '../sources';
import { deriveFreedoms } from './family';
import type { LicenseAssessment, LicenseClause } from './types';

export type CardRestrictionKind = 'non-commercial' | 'research-only';

export interface CardRestriction {
  kind: CardRestrictionKind;
  /** The card's sentence (trimmed to at most 300 characters). */
  quote: string;
}

const NON_COMMERCIAL =
  /\b(?:non[-\s]?commercial(?:\s+(?:use|uses|purposes?|research|license|licence|only))|not\s+(?:be\s+)?(?:used\s+)?for\s+commercial\s+(?:use|purposes?)|commercial\s+use\s+is\s+(?:not\s+(?:allowed|permitted)|prohibited|forbidden))\b/i;
const RESEARCH_ONLY =
  /\b(?:(?:for|intended\s+for|built\s+for|limited\s+to|restricted\s+to)\s+(?:academic\s+|non[-\s]?commercial\s+)?research\s+(?:purposes?\s+|use\s+)?only|research[-\s]only|solely\s+for\s+(?:academic\s+|non[-\s]?commercial\s+)?research)\b/i;
/** Wording that reverses or widens the restriction. */
const NEGATED =
  /\b(?:not\s+only|not\s+just|commercial\s+and\s+non[-\s]?commercial|both\s+commercial|as\s+well\s+as\s+commercial|also\s+(?:allow|permit)s?\s+(?:free\s+)?commercial)\b/i;
/** Sentences about something other than the model's terms (data sets, benchmarks, other models' licences). */
const ABOUT_OTHER = /\b(?:dataset|data set|benchmark|leaderboard|evaluation data)\b/i;

function sentences(text: string): string[] {
  return text
    .replace(/^---\n[\s\S]*?\n---\n?/, '')
    .split(/\n{1,}|(?<=[.!?])\s+(?=[A-Z*[#(])/)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => s.length > 0);
}

/** The first sentence of the card that restricts the model to non-commercial or research use, or null. */
export function findCardRestriction(cardText: string): CardRestriction | null {
  for (const s of sentences(cardText)) {
    if (NEGATED.test(s) || ABOUT_OTHER.test(s)) continue;
    const kind: CardRestrictionKind | null = NON_COMMERCIAL.test(s)
      ? 'non-commercial'
      : RESEARCH_ONLY.test(s)
        ? 'research-only'
        : null;
    if (kind) return { kind, quote: s.length > 300 ? `${s.slice(0, 297)}...` : s };
  }
  return null;
}

/**
 * A restricted assessment for an unrecognised licence, resting on the card's own words. `input` is what the metadata
 * declared (e.g. "other"); `card` is where the card was read.
 */
export function restrictionFromCard(input: string, finding: CardRestriction, card: Source): LicenseAssessment {
  const clause: LicenseClause = {
    ref: 'model card',
    restriction:
      finding.kind === 'non-commercial' ? 'non-commercial (stated by the card)' : 'research only (stated by the card)',
    freedoms: ['use'],
    quote: `"${finding.quote}"`,
    source: card,
  };
  return {
    input,
    id: null,
    name: null,
    osiApproved: null,
    fsfLibre: null,
    status: 'restricted',
    reason: `licence not recognised, but the card itself says the model is ${finding.kind === 'non-commercial' ? 'for non-commercial use' : 'for research only'}`,
    freedoms: deriveFreedoms('restricted', [clause]),
    clauses: [clause],
    contentType: 'model',
    sources: [card],
  };
}
