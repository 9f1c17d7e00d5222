/**
 * Any other site the user opted into from the popup ("Scan this site"): the page's main content (main,
 * article, [role=main], else the body) without navigation, footers and asides; Hub model links badged.
 */
import { articleRoots } from './article';
import { BASE_SKIP, type DetectorExamples, type SiteDetector } from './types';

export const generic: SiteDetector = {
  id: 'generic',
  name: 'Any site you opt into',
  // Opted-in sites have no "scan automatically" switch: the opt-in is the switch.
  group: 'generic',
  matches: [],
  test: (url) => url.protocol === 'https:' || url.protocol === 'http:',
  pageModel: () => null,
  claimRoots: (doc) => articleRoots(doc, ['main', 'article', '[role="main"]']),
  badgeModelLinks: true,
  skipSelector: `${BASE_SKIP},footer,[role="contentinfo"],aside`,
};

/** What each detector here must yield (test/unit/sites/examples.test.ts). */
export const EXAMPLES: DetectorExamples = {
  generic: [
    {
      url: 'https://example.org/2025/post',
      handles: true,
      page: {
        html: '<nav>Menu</nav><main><p>Our model is open.</p></main><footer>Imprint</footer>',
        model: null,
        claimText: ['Our model is open.'],
      },
    },
    { url: 'http://intranet.example/', handles: true },
    { url: 'ftp://example.org/', handles: false },
    { url: 'file:///home/user/page.html', handles: false },
  ],
};
