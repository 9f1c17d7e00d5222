/**
 * www.kaggle.com model pages (/models/<owner>/<model>[/...]): the page's model is the page title (a
 * model name such as "Llama 3.1" or "Gemma 2", resolved by the knowledge pack's names), falling back to
 * the URL's slug; claims in the model's description; a badge beside the title.
 */
import { BASE_SKIP, type SiteDetector } from './types';

function modelSlug(url: URL): { owner: string; model: string } | null {
  const [first, owner, model] = url.pathname.split('/').filter(Boolean);
  return first === 'models' && owner && model ? { owner, model } : null;
}

function title(doc: Document): Element | null {
  return doc.querySelector('main h1, h1');
}

export const kaggle: SiteDetector = {
  id: 'kaggle',
  name: 'Kaggle',
  matches: ['https://www.kaggle.com/*'],
  test: (url) => url.hostname === 'www.kaggle.com' && modelSlug(url) !== null,
  pageModel(doc, url) {
    const text = title(doc)?.textContent?.replace(/\s+/g, ' ').trim();
    if (text && text.length <= 80) return text;
    const slug = modelSlug(url);
    return slug ? decodeURIComponent(slug.model).replace(/[-_]+/g, ' ') : null;
  },
  titleSlot: (doc) => title(doc),
  claimRoots(doc) {
    const main = doc.querySelector('main');
    return main ? [main] : doc.body ? [doc.body] : [];
  },
  badgeModelLinks: true,
  skipSelector: BASE_SKIP,
};
