/**
 * The reviewed list of technology news sites that report model releases, where vendors' claims are
 * repeated (and criticised). Article bodies only; site chrome and related-story lists are skipped. Each entry
 * has an article URL as its example.
 */
import { articleSite, articleSiteExamples, type ArticleSite } from './article';

const NEWS_SKIP = 'footer,[role="contentinfo"],aside,[class*="related"],[class*="newsletter"],[class*="comments"]';

export const NEWS_SITES: readonly ArticleSite[] = [
  { host: 'techcrunch.com', name: 'TechCrunch', skip: NEWS_SKIP, example: 'https://techcrunch.com/2024/07/23/llama/' },
  { host: 'venturebeat.com', name: 'VentureBeat', skip: NEWS_SKIP, example: 'https://venturebeat.com/ai/llama-3-1/' },
  {
    host: 'www.theverge.com',
    name: 'The Verge',
    skip: NEWS_SKIP,
    example: 'https://www.theverge.com/2024/7/23/24204055/meta-ai-llama-3-1-open-source-assistant',
  },
  {
    host: 'arstechnica.com',
    name: 'Ars Technica',
    skip: NEWS_SKIP,
    example: 'https://arstechnica.com/information-technology/2024/07/llama-405b/',
  },
  { host: 'www.wired.com', name: 'WIRED', skip: NEWS_SKIP, example: 'https://www.wired.com/story/meta-ai-llama-3/' },
];

export const newsDetectors = NEWS_SITES.map((s) => articleSite('news', s));

/** What each site here must yield (test/unit/sites/examples.test.ts); pure, so bundles without tests drop it. */
export const EXAMPLES = /* @__PURE__ */ articleSiteExamples('news', NEWS_SITES);
