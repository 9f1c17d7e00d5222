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

/** The first licence named in `sentence` that Ajar recognises, or null. */
export function namedLicenceIn(sentence: string): NamedLicence | null {
  CANDIDATES.lastIndex = 0;
  for (let m = CANDIDATES.exec(sentence); m !== null; m = CANDIDATES.exec(sentence)) {
    const words = m[0].trim().split(/[\s\u00a0]+/);
    // "Our model is under the Llama 3.1 Community License": drop leading words until the name is recognised.
    for (let i = 0; i < words.length; i++) {
      const name = words.slice(i).join(' ');
      if (!/[A-Za-z]/.test(name)) break;
      const a = assessLicense({ license: 'other', licenseName: name });
      if (a.status === 'unknown') continue;
      return { name: a.name ?? name, id: a.id, status: a.status, restrictsUse: a.freedoms.use === 'restricted' };
    }
  }
  return null;
}
