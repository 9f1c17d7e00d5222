/**
 * The licence a claim's sentence names (issue 11, point 5): "Our model is open source (weights under the Llama 3.1
 * Community License)" is judged with the Llama 3.1 Community License, whatever model the claim resolves to.
 * Background and CLI only (it loads the licence recognisers), never the content script.
 */
import { assessLicense } from '../licenses';
import type { NamedLicence } from './types';

/** Capitalised words ending in "License"/"Licence"/"Terms of Use", or a well-known licence written by its id. */
const CANDIDATES =
  /(?:[A-Z0-9][\w.+-]*[\s\u00a0]+){0,5}(?:Licen[cs]e|Terms[\s\u00a0]+of[\s\u00a0]+Use)(?:[\s\u00a0]+Agreement)?(?:[\s\u00a0]+v?\d+(?:\.\d+)*)?|Apache(?:[\s-]+Licen[cs]e,?)?(?:[\s-]+(?:v(?:ersion)?\s?)?2(?:\.0)?)?|\bMIT\b|\bCC[\s-]BY(?:[\s-](?:NC|SA|ND))*(?:[\s-]\d\.\d)?|(?:CreativeML[\s\u00a0]+)?Open[\s-]?RAIL(?:\+\+|[+-]{1,2}M|-[MSD])?|\b[AL]?GPL[\s-]?v?\d(?:\.\d)?|\bBSD[\s-]\d[\s-]Clause|\bMPL[\s-]2\.0/g;

/** Between a claim and a licence: the licence belongs to something the claim is contrasted with. */
const CONTRAST =
  /(?:^|[^\p{L}])(?:unlike|than|versus|vs\.?|compared|whereas|while|but|however|instead|rather|other|contrairement|mais|alors\s+que|a\s+diferencia|pero|mientras|anders\s+als|aber|während|不同于|不同於|但是|而)(?![\p{L}])/iu;

/**
 * The licence named in `sentence` that applies to the claim at [phraseStart, phraseEnd): the first one Ajar
 * recognises with no contrast between it and the claim ("Unlike Llama 2 (Llama 2 Community License), X is open
 * source" names another model's licence).
 */
export function namedLicenceFor(sentence: string, phraseStart: number, phraseEnd: number): NamedLicence | null {
  for (const found of findLicences(sentence)) {
    // A licence before the claim: any contrast before the claim ("Unlike Llama 2, under …, X is open source").
    const between = found.start >= phraseEnd ? sentence.slice(phraseEnd, found.start) : sentence.slice(0, phraseStart);
    if (!CONTRAST.test(between)) return found.licence;
  }
  return null;
}

/** The first licence named in `sentence` that Ajar recognises, or null. */
export function namedLicenceIn(sentence: string): NamedLicence | null {
  return findLicences(sentence)[0]?.licence ?? null;
}

function findLicences(sentence: string): { licence: NamedLicence; start: number; end: number }[] {
  const out: { licence: NamedLicence; start: number; end: number }[] = [];
  CANDIDATES.lastIndex = 0;
  for (let m = CANDIDATES.exec(sentence); m !== null; m = CANDIDATES.exec(sentence)) {
    const words = m[0].trim().split(/[\s\u00a0]+/);
    // "Our model is under the Llama 3.1 Community License": drop leading words until the name is recognised.
    for (let i = 0; i < words.length; i++) {
      const name = words.slice(i).join(' ');
      if (!/[A-Za-z]/.test(name)) break;
      const a = assessLicense({ license: 'other', licenseName: name });
      if (a.status === 'unknown') continue;
      out.push({
        licence: { name: a.name ?? name, id: a.id, status: a.status, restrictsUse: a.freedoms.use === 'restricted' },
        start: m.index + m[0].indexOf(words[i]!),
        end: m.index + m[0].trimEnd().length,
      });
      break;
    }
  }
  return out;
}
