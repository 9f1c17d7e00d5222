/**
 * The reviewed list of technology news sites that report model releases, where vendors' claims are
 * repeated (and criticised). Article bodies only; site chrome and related-story lists are skipped.
 */
import { articleSite, type ArticleSite } from './article';

const NEWS_SKIP = 'footer,[role="contentinfo"],aside,[class*="related"],[class*="newsletter"],[class*="comments"]';

export const NEWS_SITES: readonly ArticleSite[] = [
  { host: 'techcrunch.com', name: 'TechCrunch', skip: NEWS_SKIP },
  { host: 'venturebeat.com', name: 'VentureBeat', skip: NEWS_SKIP },
  { host: 'www.theverge.com', name: 'The Verge', skip: NEWS_SKIP },
  { host: 'arstechnica.com', name: 'Ars Technica', skip: NEWS_SKIP },
  { host: 'www.wired.com', name: 'WIRED', skip: NEWS_SKIP },
];

export const newsDetectors = NEWS_SITES.map((s) => articleSite('news', s));
