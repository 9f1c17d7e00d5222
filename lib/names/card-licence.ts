/**
 * Licence statements in a model card's body, beyond its metadata: "X is derived from Llama3.1-8B-Base and is
 * originally licensed under llama3.1 license", "the weights are released under the Apache 2.0 license",
 * "- **License:** [TII Falcon License 2.0](…)". Each statement comes back with its sentence quoted, the licence as
 * written, what Ajar recognises it as, and whether it is about the model or only about code.
 *
 * Pure function over text. A statement about code ("The code is licensed under Apache-2.0") is kept but marked
 * 'code', so a caller never reads a code licence as the weights' licence.
 */
import { assessLicense, isMorePermissive, type LicenseAssessment } from '../licenses';

export type StatementKind = 'originally-licensed' | 'licensed-under' | 'license-field';

export interface CardLicenceStatement {
  kind: StatementKind;
  /** 'code' when the sentence is only about code or the repository; otherwise 'model'. */
  scope: 'model' | 'code';
  /** The licence as the card writes it ("llama3.1 license", "TII Falcon License 2.0"). */
  licence: string;
  /** The link the card gives for it, if any. */
  link: string | null;
  /** What Ajar makes of it (status 'unknown' and id null when not recognised). */
  assessment: LicenseAssessment;
  /** The words before the verb ("Orca 2 is", "Llama 2 is"): whose licence it is, when the card names another model. */
  subject: string;
  /** "derived from X": the model the statement says it comes from. */
  derivedFrom: string | null;
  /** The card's sentence, at most 300 characters. */
  quote: string;
}

const VERB =
  /\b(?:(originally)\s+)?(?:licen[cs]ed|released|distributed|made\s+available|available|provided|published|shared|governed)\s+under\s+(?:the\s+terms\s+of\s+)?(?:the\s+|a\s+|an\s+)?/gi;
const SUBJECT_TO = /\b(?:is|are)\s+subject\s+to\s+(?:the\s+)?/gi;
const FIELD = /^[-*\s]*\*\*\s*licen[cs]e\s*:?\s*\*\*\s*:?\s*/i;
const DERIVED = /\bderived\s+from\s+(?:the\s+)?\[?([A-Za-z0-9][\w./-]*(?:\s(?=\d)[\w./-]+)?)/i;
const CODE_SUBJECT = /\b(?:code|codebase|repository|repo|scripts?|software)\b/i;
const MODEL_SUBJECT = /\b(?:model|models|weights|parameters|checkpoints?)\b/i;

function sentences(body: string): string[] {
  return body
    .replace(/^---\n[\s\S]*?\n---\n?/, '')
    .split(/\n+|(?<=[.!?])\s+(?=[A-Z*[#(])/)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => s.length > 0);
}

/** The licence phrase at the start of `rest`: a markdown link's text, or words up to a clause boundary. */
function licencePhrase(rest: string): { licence: string; link: string | null } | null {
  const md = /^\[([^\]]{2,120})\]\(([^)\s]+)\)/.exec(rest);
  if (md) {
    // "[AI2 ImpACT](…) Low-risk license": words right after the link belong to the name.
    const tail = /^\s+([A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,2}\s+licen[cs]e)\b/i.exec(rest.slice(md[0].length))?.[1];
    const text = md[1]!.replace(/[*_`]/g, '').trim();
    return { licence: tail ? `${text} ${tail}` : text, link: md[2]! };
  }
  const m =
    /^(.+?)(?=[,;:()[\]]|\.\s|\.$|\s+(?:and|with|which|that|for|by|except|but|while|as|or|if|unless|to|in|allowing|permitting|granting)\b|$)/i.exec(
      rest,
    );
  if (!m) return null;
  const licence = m[1]!
    .replace(/[*_`"“”]/g, '')
    .replace(/^(?:permissive|open|standard)\s+/i, '')
    .replace(/\.$/, '')
    .trim();
  if (licence.length < 2 || licence.length > 100) return null;
  // "under this Agreement", "under these terms": the licence text talking about itself.
  if (/^(?:this|these|such|its|their|same|following)\b/i.test(licence)) return null;
  return { licence, link: null };
}

/** Unrecognised phrases are kept only when they read like a licence's name, not a description. */
function looksLikeLicenceName(phrase: string): boolean {
  return (
    /licen[cs]e|agreement|terms/i.test(phrase) && !/^(?:a|an|any|custom|use\s+of|the\s+code|licen[cs]e)\b/i.test(phrase)
  );
}

function assess(licence: string, link: string | null): LicenseAssessment {
  return assessLicense({
    license: 'other',
    licenseName: licence,
    licenseLink: link && /^https?:\/\//.test(link) ? link : null,
  });
}

const clip = (s: string) => (s.length > 300 ? `${s.slice(0, 297)}...` : s);

/** Every licence statement of the card body, in order, without repeats of the same licence and scope. */
export function readCardLicenceStatements(body: string): CardLicenceStatement[] {
  const out: CardLicenceStatement[] = [];
  const seen = new Set<string>();
  const push = (s: CardLicenceStatement) => {
    if (s.assessment.id === null && !looksLikeLicenceName(s.licence)) return;
    const key = `${s.scope}|${s.assessment.id ?? s.licence.toLowerCase()}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(s);
  };
  for (const sentence of sentences(body)) {
    const derived = DERIVED.exec(sentence)?.[1]?.replace(/[.,;]+$/, '') ?? null;
    const field = FIELD.exec(sentence);
    if (field) {
      const p = licencePhrase(sentence.slice(field[0].length));
      if (p) {
        push({
          kind: 'license-field',
          scope: 'model',
          subject: '',
          ...p,
          assessment: assess(p.licence, p.link),
          derivedFrom: derived,
          quote: clip(sentence),
        });
      }
      continue;
    }
    for (const re of [VERB, SUBJECT_TO]) {
      re.lastIndex = 0;
      for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
        const p = licencePhrase(sentence.slice(m.index + m[0].length));
        if (!p) continue;
        if (re === SUBJECT_TO && !/licen[cs]e|agreement|terms/i.test(p.licence)) continue;
        const before = sentence.slice(0, m.index);
        // The subject nearest the verb decides ("The code is ..., while the weights are ...").
        const clause =
          before.split(/,|;|\bwhile\b|\bwhereas\b|\band\b(?=\s+(?:the\s+)?(?:model|weights|code))/i).pop() ?? before;
        const scope: 'model' | 'code' = CODE_SUBJECT.test(clause) && !MODEL_SUBJECT.test(clause) ? 'code' : 'model';
        const kind: StatementKind = m[1] ? 'originally-licensed' : 'licensed-under';
        push({
          kind,
          scope,
          subject: clause.trim().slice(-80),
          ...p,
          assessment: assess(p.licence, p.link),
          derivedFrom: kind === 'originally-licensed' ? derived : null,
          quote: clip(sentence),
        });
      }
    }
  }
  return out;
}

export interface LicenceConflict {
  statement: CardLicenceStatement;
  /** Which side restricts more; 'unknown' when either licence is not assessed. */
  stricter: 'card' | 'metadata' | 'unknown';
}

/**
 * Model-scope statements whose recognised licence differs from the metadata's. The most restrictive terms that apply
 * win, so a card that names a stricter licence than its metadata (the distilled model under "mit" that is
 * "originally licensed under llama3.1") is a conflict the card side wins.
 */
export function cardLicenceConflicts(
  metadata: LicenseAssessment,
  statements: readonly CardLicenceStatement[],
): LicenceConflict[] {
  const out: LicenceConflict[] = [];
  for (const s of statements) {
    if (s.scope !== 'model' || s.assessment.id === null) continue;
    if (metadata.id !== null && s.assessment.id.toLowerCase() === metadata.id.toLowerCase()) continue;
    const metaLooser = isMorePermissive(metadata, s.assessment);
    const cardLooser = isMorePermissive(s.assessment, metadata);
    const stricter = metaLooser === true ? 'card' : cardLooser === true ? 'metadata' : 'unknown';
    // Two licences of equal standing (e.g. both restricted the same way) are not a conflict to report.
    if (stricter === 'unknown' && metadata.status === s.assessment.status && metadata.status !== 'unknown') continue;
    out.push({ statement: s, stricter });
  }
  return out;
}
