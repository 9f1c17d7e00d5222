import type { Source } from '../../sources';
import type { LicenseClause } from '../types';
import { clause, defineFamily, type LicenseFamily } from '../family';
import { named } from '../recognise';
import { fsfLibre, spdxIds } from '../spdx';

/*
 * Creative Commons licences with the NonCommercial (NC) or NoDerivatives (ND) element. NC limits every right to
 * non-commercial purposes, which fails "use for any purpose"; ND forbids sharing adapted material, which fails
 * "modify" and "share". Other CC licences (BY, BY-SA, CC0) are handled as reviewed open content licences.
 */

type Element = 'nc' | 'nc-sa' | 'nc-nd' | 'nd';

const ELEMENT: Record<Element, { path: string; words: string; legal: string; label: string }> = {
  nc: { path: 'by-nc', words: 'non-?commercial', legal: 'noncommercial', label: 'Attribution-NonCommercial' },
  'nc-sa': {
    path: 'by-nc-sa',
    words: 'non-?commercial-share-?alike',
    legal: 'noncommercial-sharealike',
    label: 'Attribution-NonCommercial-ShareAlike',
  },
  'nc-nd': {
    path: 'by-nc-nd',
    words: 'non-?commercial-no-?derivatives',
    legal: 'noncommercial-noderivatives',
    label: 'Attribution-NonCommercial-NoDerivatives',
  },
  nd: { path: 'by-nd', words: 'no-?derivatives', legal: 'noderivatives', label: 'Attribution-NoDerivatives' },
};

const legalCode = (el: Element, version: string): Source => ({
  title: `Creative Commons ${ELEMENT[el].label} ${version} legal code`,
  url: `https://creativecommons.org/licenses/${ELEMENT[el].path}/${version}/legalcode`,
});

const NC_GRANT_4 =
  'grant is to "reproduce and Share ... for NonCommercial purposes only"; NonCommercial = "not primarily intended for or directed towards commercial advantage or monetary compensation"';
const NC_RESTRICTION_2_3 =
  '"You may not exercise any of the rights granted to You in Section 3 above in any manner that is primarily intended for or directed toward commercial advantage or private monetary compensation."';
const NC_RESTRICTION = 'non-commercial';
const ND_RESTRICTION = 'no derivatives may be shared';

/** Section numbers of each version's NC and ND clauses (they move between versions and elements). */
function clausesFor(el: Element, version: string): LicenseClause[] {
  const src = legalCode(el, version);
  const out: LicenseClause[] = [];
  const v4 = version === '4.0';
  if (el !== 'nd') {
    if (v4) {
      const defn = el === 'nc' ? '§1(i)' : el === 'nc-sa' ? '§1(k)' : '§1(h)';
      const grant = el === 'nc-nd' ? '§2(a)(1)(A)' : '§2(a)(1)';
      out.push(clause(`${defn}, ${grant}`, NC_RESTRICTION, ['use'], NC_GRANT_4, src));
    } else {
      out.push(clause(el === 'nc-sa' ? '§4(c)' : '§4(b)', NC_RESTRICTION, ['use'], NC_RESTRICTION_2_3, src));
    }
  }
  if (el === 'nc-nd' || el === 'nd') {
    if (v4) {
      const quote =
        el === 'nd'
          ? '"produce and reproduce, but not Share, Adapted Material."'
          : '"produce and reproduce, but not Share, Adapted Material for NonCommercial purposes only."';
      out.push(clause('§2(a)(1)(B)', ND_RESTRICTION, ['modify', 'share'], quote, src));
    } else {
      out.push(
        clause(
          '§3 (last paragraph)',
          ND_RESTRICTION,
          ['modify', 'share'],
          '"... but otherwise you have no rights to make Adaptations."',
          src,
        ),
      );
    }
  }
  return out;
}

function ccFamily(el: Element, version: string): LicenseFamily {
  const spdx = `CC-BY-${el.toUpperCase()}-${version}`;
  const hub = spdx.toLowerCase();
  const e = ELEMENT[el];
  const v = version.replace('.', '\\.');
  return defineFamily({
    id: hub,
    name: `Creative Commons ${e.label} ${version}`,
    recognise: {
      hubIds: [hub],
      spdxIds: [spdx],
      names: [named(`(?:cc-by-${el}|creative-commons-attribution-${e.words}|attribution-${e.legal})-${v}`)],
      links: [
        new RegExp(`^creativecommons\\.org/licenses/${e.path}/${v}(?:/(?:legalcode(?:\\.[a-z-]+)?|deed\\.[a-z-]+))?$`),
      ],
    },
    reason:
      el === 'nd'
        ? 'Creative Commons NoDerivatives: adapted material may not be shared; not an OSI-approved licence'
        : `Creative Commons NonCommercial${el === 'nc-nd' ? ' + NoDerivatives' : ''}: commercial use is excluded; not an OSI-approved licence`,
    contentType: 'document',
    osiApproved: false,
    fsfLibre: fsfLibre(spdx),
    clauses: clausesFor(el, version),
    sources: [legalCode(el, version)],
  });
}

/** The NC/ND licences the Hub accepts, each with its own clause numbers. */
export const ccNcFamilies: LicenseFamily[] = [
  ccFamily('nc', '2.0'),
  ccFamily('nc', '3.0'),
  ccFamily('nc', '4.0'),
  ccFamily('nc-sa', '2.0'),
  ccFamily('nc-sa', '3.0'),
  ccFamily('nc-sa', '4.0'),
  ccFamily('nc-nd', '3.0'),
  ccFamily('nc-nd', '4.0'),
  ccFamily('nd', '4.0'),
];

const covered = new Set(ccNcFamilies.flatMap((f) => f.recognise.spdxIds.map((id) => id.toLowerCase())));
const CC_LICENSES: Source = { title: 'Creative Commons licence list', url: 'https://creativecommons.org/licenses/' };

const NC_PARAPHRASE = clause(
  'NonCommercial licence element',
  NC_RESTRICTION,
  ['use'],
  '(paraphrase) every right the licence grants is limited to uses not primarily intended for commercial advantage or monetary compensation',
  CC_LICENSES,
);
const ND_PARAPHRASE = clause(
  'NoDerivatives licence element',
  ND_RESTRICTION,
  ['modify', 'share'],
  '(paraphrase) only unadapted copies may be shared; adapted material may not be distributed',
  CC_LICENSES,
);

/**
 * Every other SPDX-listed CC licence with NC or ND (older versions, ports such as CC-BY-NC-SA-2.0-FR, IGO): the
 * element's effect is the same, but we have not checked each text's section numbers, so the clauses are paraphrases.
 */
function otherCc(id: string, name: string, match: RegExp, clauses: LicenseClause[], reason: string): LicenseFamily {
  return defineFamily({
    id,
    name,
    recognise: { spdxIds: spdxIds().filter((s) => match.test(s) && !covered.has(s.toLowerCase())) },
    reason,
    contentType: 'document',
    osiApproved: false,
    clauses,
    sources: [CC_LICENSES],
  });
}

export const ccOtherFamilies: LicenseFamily[] = [
  otherCc(
    'cc-nc-nd-other',
    'Creative Commons NonCommercial-NoDerivatives licence (other version or port)',
    /^CC-BY-NC-ND(?:-|$)/i,
    [NC_PARAPHRASE, ND_PARAPHRASE],
    'Creative Commons NonCommercial + NoDerivatives: commercial use excluded and adaptations may not be shared; not OSI-approved',
  ),
  otherCc(
    'cc-nc-other',
    'Creative Commons NonCommercial licence (other version or port)',
    /^CC-BY-NC(?:-(?!ND)|$)/i,
    [NC_PARAPHRASE],
    'Creative Commons NonCommercial: commercial use is excluded; not an OSI-approved licence',
  ),
  otherCc(
    'cc-nd-other',
    'Creative Commons NoDerivatives licence (other version or port)',
    /^CC-BY-ND(?:-|$)/i,
    [ND_PARAPHRASE],
    'Creative Commons NoDerivatives: adapted material may not be shared; not an OSI-approved licence',
  ),
];
