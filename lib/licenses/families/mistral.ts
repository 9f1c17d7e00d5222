import type { Source } from '../../sources';
import { clause, defineFamily, type LicenseFamily } from '../family';
import { named } from '../recognise';

const MNPL: Source = {
  title: 'Mistral AI Non-Production License (MNPL-0.1) (copy: orsonteodoro/oiledmachine-overlay licenses/MNPL-0.1.md)',
  url: 'https://mistral.ai/licenses/MNPL-0.1.md',
};
const MRL: Source = {
  title: 'Mistral AI Research License (MRL-0.1) (copy: orsonteodoro/oiledmachine-overlay licenses/MRL-0.1.md)',
  url: 'https://mistral.ai/licenses/MRL-0.1.md',
};

// mistral.ai has used both spellings ("licenses", "licences") and both the .md text and a news page.
const mistralLink = (id: string) => new RegExp(`^mistral\\.ai/licen[cs]es/${id}-0\\.1(?:\\.md)?$`);

export const mnpl: LicenseFamily = defineFamily({
  id: 'mnpl',
  name: 'Mistral AI Non-Production License (MNPL-0.1)',
  recognise: {
    names: [named('mnpl'), named('mistral-ai-non-production(?:-license)?(?:-mnpl)?')],
    links: [mistralLink('mnpl'), /^mistral\.ai\/news\/mistral-ai-non-production-license-mnpl$/],
  },
  reason: 'Mistral licence, not OSI-approved: testing, research and personal use in non-production settings only',
  clauses: [
    clause(
      '§3.2 Usage Limitation',
      'non-production/non-commercial',
      ['use', 'share'],
      'only use the models "for testing, research, Personal, or evaluation purposes in Non-Production Environments"; may not supply them "in the course of a commercial activity ... including ... through a hosted or managed service"',
      MNPL,
    ),
  ],
  sources: [MNPL],
});

export const mrl: LicenseFamily = defineFamily({
  id: 'mrl',
  name: 'Mistral AI Research License (MRL-0.1)',
  recognise: {
    names: [named('mrl'), named('mistral-ai-research(?:-license)?(?:-mrl)?')],
    links: [mistralLink('mrl')],
  },
  reason: 'Mistral licence, not OSI-approved: research use only; commercial use needs a separate licence',
  clauses: [
    clause(
      '§3.2 Usage Limitation',
      'research-only',
      ['use'],
      '"You shall only use the Mistral Models, Derivatives (whether or not created by Mistral AI) and Outputs for Research Purposes."',
      MRL,
    ),
    clause(
      '§9 Definitions ("Research Purposes")',
      'no distribution by commercial entities',
      ['share'],
      'Research Purposes exclude "any Distribution by a commercial entity of the Mistral Model, Derivative or Output whether in return for payment or free of charge"',
      MRL,
    ),
  ],
  sources: [MRL],
});

export const mistralFamilies = [mnpl, mrl];
