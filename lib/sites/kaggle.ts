/**
 * www.kaggle.com model pages (/models/<owner>/<model>[/...]): the page's model is the page title (a
 * model name such as "Llama 3.1" or "Gemma 2", resolved by the knowledge pack's names), falling back to
 * the URL's slug; claims in the model's description; a badge beside the title.
 */
import { BASE_SKIP, type DetectorExamples, type SiteDetector } from './types';

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
  group: 'kaggle',
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

/** What each detector here must yield (test/unit/sites/examples.test.ts). */
export const EXAMPLES: DetectorExamples = {
  kaggle: [
    {
      url: 'https://www.kaggle.com/models/google/gemma-2',
      handles: true,
      page: {
        html: '<main><h1>Gemma 2</h1> <p>Open models from Google.</p></main>',
        model: 'Gemma 2',
        title: 'Gemma 2',
        claimText: ['Gemma 2 Open models from Google.'],
      },
    },
    {
      url: 'https://www.kaggle.com/models/metaresearch/llama-3.1/pyTorch/8b',
      handles: true,
      page: { html: '<main><p>No title yet.</p></main>', model: 'llama 3.1', title: null },
    },
    { url: 'https://www.kaggle.com/competitions/llm-20-questions', handles: false },
    { url: 'https://www.kaggle.com/models', handles: false },
  ],
};
