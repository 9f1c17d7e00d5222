import type { Source } from '../../sources';
import { clause, defineFamily, repoFile, type LicenseFamily } from '../family';
import { named } from '../recognise';

const COMMUNITY: Source = {
  title: 'Stability AI Community License Agreement (2024-07-05), as shipped with stabilityai/stablelm-2-1_6b',
  url: 'https://huggingface.co/stabilityai/stablelm-2-1_6b/blob/main/LICENSE.md',
};
const COMMUNITY_SD35: Source = {
  title:
    'Stability AI Community License Agreement (2024-07-05), as shipped with stable-diffusion-3.5-large (quoted via public copies)',
  url: 'https://huggingface.co/stabilityai/stable-diffusion-3.5-large/blob/main/LICENSE.md',
};

/**
 * Stability AI's Community licence. Older Stability repos use other terms (SDXL: Open RAIL++-M; some releases the
 * non-commercial research community licence), so repo links are only matched for releases known to use this one.
 */
export const stabilityCommunity: LicenseFamily = defineFamily({
  id: 'stabilityai-ai-community',
  name: 'Stability AI Community License Agreement',
  recognise: {
    names: [
      named('stability(?:ai)?-ai-community'),
      named('stabilityai-community'),
      named('stable-(?:video-diffusion|audio)-community'),
    ],
    links: [
      /^stability\.ai\/(?:community-license(?:-agreement)?|license)$/,
      repoFile(
        'huggingface.co',
        'stabilityai/(?:stable-diffusion-3(?:\\.5)?-[^/]+|(?:japanese-)?stablelm-2-[^/]+|stable-audio-open-[^/]+|stable-fast-3d|stable-point-aware-3d)',
        'license(?:\\.md|\\.txt)?',
      ),
    ],
  },
  reason: 'Stability AI licence, not OSI-approved: free use only below US$1M annual revenue',
  clauses: [
    clause(
      'Introduction',
      'revenue threshold',
      ['use'],
      '"preserves free access to the Models for people or organizations generating annual revenue of less than US $1,000,000"; above that an Enterprise licence is needed',
      COMMUNITY,
    ),
    clause(
      '§III Commercial Use (per public copies)',
      'licence ends above revenue threshold',
      ['use'],
      '"If at any time You or Your Affiliate(s), either individually or in aggregate, generate more than USD $1,000,000 in annual revenue ... any licenses granted to You under this Agreement shall terminate as of such date."',
      COMMUNITY_SD35,
    ),
  ],
  sources: [COMMUNITY, COMMUNITY_SD35],
});
