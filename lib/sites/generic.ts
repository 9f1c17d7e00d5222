/**
 * Any other site the user opted into from the popup ("Scan this site"): the page's main content (main,
 * article, [role=main], else the body) without navigation, footers and asides; Hub model links badged.
 */
import { articleRoots } from './article';
import { BASE_SKIP, type SiteDetector } from './types';

export const generic: SiteDetector = {
  id: 'generic',
  name: 'Any site you opt into',
  matches: [],
  test: (url) => url.protocol === 'https:' || url.protocol === 'http:',
  pageModel: () => null,
  claimRoots: (doc) => articleRoots(doc, ['main', 'article', '[role="main"]']),
  badgeModelLinks: true,
  skipSelector: `${BASE_SKIP},footer,[role="contentinfo"],aside`,
};
