import type { Source } from '../../sources';
import { clause, defineFamily, type LicenseFamily } from '../family';
import { named } from '../recognise';

/*
 * The AI2 ImpACT licences (Allen Institute for AI, 2023-): one licence per risk tier of an artifact (low, medium,
 * high). Tülu 2 uses the low-risk one. The full texts could not be read here beyond the LR preamble, so the clauses
 * are marked paraphrases of AI2's own description (use-based restrictions in every tier, Derivative Impact Reports,
 * and tighter access and distribution at the higher tiers).
 */

const LR: Source = {
  title: 'AI2 ImpACT License – Low Risk Artifacts ("LR Agreement")',
  url: 'https://allenai.org/licenses/impact-lr',
};
const MR: Source = {
  title: 'AI2 ImpACT License – Medium Risk Artifacts ("MR Agreement")',
  url: 'https://allenai.org/licenses/impact-mr',
};
const HR: Source = {
  title: 'AI2 ImpACT License – High Risk Artifacts ("HR Agreement")',
  url: 'https://allenai.org/licenses/impact-hr',
};
const OVERVIEW: Source = { title: 'AI2 ImpACT Licenses (overview)', url: 'https://allenai.org/impact-license' };

const tier = (level: string) => `(?:ai2-)?impact(?:-license)?-(?:for-)?${level}-risk(?:-artifacts)?(?:-(?:lr|mr|hr))?`;

const useRestrictions = (source: Source) =>
  clause(
    'Use-based restrictions (per AI2 summary)',
    'use restrictions',
    ['use'],
    '(paraphrase; licence text not retrieved) every ImpACT licence lists prohibited uses of the Artifacts and their Derivatives, binding all users',
    source,
  );
const impactReports = (source: Source) =>
  clause(
    'Derivative Impact Reports (per AI2 summary)',
    'reporting duty on derivatives',
    ['share', 'modify'],
    '(paraphrase; licence text not retrieved) distributing a Derivative requires publishing a Derivative Impact Report and passing the licence terms on',
    source,
  );

export const ai2ImpactLowRisk: LicenseFamily = defineFamily({
  id: 'ai2-impact-license-low-risk',
  name: 'AI2 ImpACT License – Low Risk Artifacts',
  recognise: {
    names: [named(tier('low'))],
    links: [/^allenai\.org\/licenses\/impact-lr$/],
  },
  reason: 'AI2 ImpACT licence (low risk), not OSI-approved: use-based restrictions and duties on derivatives',
  clauses: [
    clause(
      'Preamble',
      'agreement binds every user',
      ['use'],
      'the LR Agreement binds "any individual or entity who purchases, downloads, installs, logs into, accesses or otherwise uses any “low risk” Artifacts"',
      LR,
    ),
    useRestrictions(LR),
    impactReports(LR),
  ],
  sources: [LR, OVERVIEW],
});

export const ai2ImpactMediumRisk: LicenseFamily = defineFamily({
  id: 'ai2-impact-license-medium-risk',
  name: 'AI2 ImpACT License – Medium Risk Artifacts',
  recognise: {
    names: [named(tier('medium'))],
    links: [/^allenai\.org\/licenses\/impact-mr$/],
  },
  reason: 'AI2 ImpACT licence (medium risk), not OSI-approved: use-based restrictions and limits on distribution',
  clauses: [
    useRestrictions(MR),
    impactReports(MR),
    clause(
      'Distribution (per AI2 summary)',
      'distribution limited',
      ['share'],
      '(paraphrase; licence text not retrieved) medium-risk Artifacts may not be redistributed as freely as low-risk ones',
      MR,
    ),
  ],
  sources: [MR, OVERVIEW],
});

export const ai2ImpactHighRisk: LicenseFamily = defineFamily({
  id: 'ai2-impact-license-high-risk',
  name: 'AI2 ImpACT License – High Risk Artifacts',
  recognise: {
    names: [named(tier('high'))],
    links: [/^allenai\.org\/licenses\/impact-hr$/],
  },
  reason: 'AI2 ImpACT licence (high risk), not OSI-approved: access on approval, use restrictions, no redistribution',
  clauses: [
    useRestrictions(HR),
    clause(
      'Access and distribution (per AI2 summary)',
      'access on approval; no redistribution',
      ['use', 'share'],
      '(paraphrase; licence text not retrieved) high-risk Artifacts are released only to approved users and may not be redistributed',
      HR,
    ),
  ],
  sources: [HR, OVERVIEW],
});

export const ai2ImpactFamilies = [ai2ImpactLowRisk, ai2ImpactMediumRisk, ai2ImpactHighRisk];
