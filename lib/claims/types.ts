/**
 * Claim contracts shared by the content script (detection only: tiny, no zod, no knowledge pack),
 * the background (resolution and judgement with the knowledge pack) and the CLI `scan`.
 */
import type { Label } from '../verdict/schema';
import type { ClaimSubject } from './subject';

export type { ClaimSubject } from './subject';

export type ClaimKind = 'strong' | 'vague' | 'honest';
export type ClaimLang = 'en' | 'de' | 'fr' | 'es' | 'zh';

/** A claim phrase found in text. Negated and critical uses are never returned as claims. */
export interface DetectedClaim {
  /** The matched phrase as written, e.g. "open-source", "quelloffen", "开源". */
  phrase: string;
  kind: ClaimKind;
  lang: ClaimLang;
  /** Offsets of the phrase in the text given to the detector. */
  start: number;
  end: number;
  /** The sentence around the phrase (trimmed, at most ~400 chars). */
  sentence: string;
  /** Offset of `sentence` in the text given to the detector. */
  sentenceStart?: number;
  /**
   * What the claim calls open source: only a model claim is judged against a model. Not set by detectClaims (the
   * content script stays small); `withSubject` (subject.ts) adds it, and judgeScan does so for every claim.
   */
  subject?: ClaimSubject;
}

/** What the content script sends about one claim: the text around it and what the page says it is about. */
export interface ClaimContext {
  id: string;
  phrase: string;
  kind: ClaimKind;
  sentence: string;
  /** The paragraph (block element text) around the claim, capped. */
  paragraph: string;
  /** Hub repo ids from links in the same sentence / paragraph (nearest to the claim first). */
  linkedRepos: { sentence: string[]; paragraph: string[] };
  /** Offset of the phrase in `sentence`, when known (resolution prefers the model named nearest to it). */
  phraseIndex?: number;
  /** Offset of `sentence` in `paragraph`, when known. */
  sentenceIndex?: number;
  /** What the claim calls open source, when the scanner passes it on; judgeScan works it out from `sentence` otherwise. */
  subject?: ClaimSubject;
}

export type Severity = 'high' | 'medium' | 'none';

/** A licence named in a claim's sentence ("… under the Llama 3.1 Community License"), as the recognisers read it. */
export interface NamedLicence {
  /** As the recognisers name it ("Llama 3.1 Community License"). */
  name: string;
  /** SPDX or family id ("llama3.1", "Apache-2.0"), when known. */
  id: string | null;
  /** 'restricted': the licence fails some freedom; 'open': OSI-style open licence. */
  status: 'open' | 'restricted';
  restrictsUse: boolean;
}

/** One model of a list after a claim ("open-source models such as Llama and Mistral"), judged on its own. */
export interface ListedModelJudgement {
  model: string;
  label: Label;
  openwashing: boolean;
  severity: Severity;
  reason: string;
}

/** A judged claim: which model, its label, and whether the claim is openwashing (one-line reason). */
export interface JudgedClaim {
  id: string;
  text: string;
  kind: ClaimKind;
  model: string | null;
  label: Label;
  openwashing: boolean;
  severity: Severity;
  reason: string;
}

/** Where a claim's model was found: a link or name in its sentence, then its paragraph, then the page. */
export type ResolveVia = 'sentence-link' | 'sentence-name' | 'paragraph-link' | 'paragraph-name' | 'page' | 'none';

/** A judged claim with the phrase that made it a claim and how its model was found (for UI and CLI). */
export interface JudgedClaimDetail extends JudgedClaim {
  phrase: string;
  via: ResolveVia;
  /** What the claim calls open source; a claim whose subject is not a model is never flagged as openwashing. */
  subject?: ClaimSubject;
  /** The licence the claim's sentence names, when Ajar recognises it; used to judge the claim. */
  namedLicense?: NamedLicence;
  /** Each model of a list the claim names; the claim's own fields give the worst of them. */
  models?: ListedModelJudgement[];
}
