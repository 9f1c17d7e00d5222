/**
 * huggingface.co: model pages (header badge from the URL's model, claims in the rendered model card),
 * listings (models, search, collections, organisation and user pages: a compact badge per model card),
 * discussions (claims in posts) and the blog (claims and model links in posts).
 *
 * Markup modelled on the Hub as served in 2025: the model title is `h1 a[href="/org/name"]`, the card
 * is `.model-card-content`, listing cards are `article` elements holding one `a[href="/org/name"]` with
 * a `header` row (`h4` = the repo id).
 */
import { BASE_SKIP, type DetectorExamples, type ModelCard, type SiteDetector } from './types';
import { HUB_LISTING_FIRST, HUB_RESERVED_FIRST, modelIdOfUrl, repoIdOfHref } from '../knowledge/repo-ids';

export type HubPageKind = 'model' | 'listing' | 'blog' | 'other';

export function hubPageKind(url: URL): HubPageKind {
  const parts = url.pathname.split('/').filter(Boolean);
  const first = parts[0]?.toLowerCase();
  if (!first) return 'other';
  if (first === 'blog') return 'blog';
  if (HUB_LISTING_FIRST.has(first)) return 'listing';
  if (HUB_RESERVED_FIRST.has(first)) return 'other';
  // /org, /org/models, /org/collections: organisation and user pages list models.
  if (parts.length === 1 || (parts.length === 2 && /^(models|collections)$/i.test(parts[1]!))) return 'listing';
  return modelIdOfUrl(url) ? 'model' : 'other';
}

/** The anchor's model path on this site: "/org/name" only (no sub-pages, no other sections). */
function cardRepoId(a: Element, base: string): string | null {
  const href = a.getAttribute('href');
  if (!href || !/^\/[^/]+\/[^/?#]+\/?$/.test(href)) return null;
  return repoIdOfHref(href, base);
}

const CARD_SELECTOR = 'article';

export const huggingface: SiteDetector = {
  id: 'huggingface',
  name: 'Hugging Face',
  group: 'huggingface',
  matches: ['https://huggingface.co/*'],
  test: (url) => url.hostname === 'huggingface.co' && hubPageKind(url) !== 'blog',
  pageModel: (_doc, url) => (hubPageKind(url) === 'model' ? modelIdOfUrl(url) : null),
  titleSlot(doc, url) {
    const id = hubPageKind(url) === 'model' ? modelIdOfUrl(url) : null;
    if (!id) return null;
    for (const a of doc.querySelectorAll('h1 a[href]')) {
      if (cardRepoId(a, url.href)?.toLowerCase() === id.toLowerCase()) return a;
    }
    return null;
  },
  claimRoots(doc, url) {
    const kind = hubPageKind(url);
    if (kind === 'listing') {
      // Collections have a description written by their owner; the cards themselves are not prose.
      return [...doc.querySelectorAll('.collection-description, [data-ajar-claims]')];
    }
    if (kind === 'model') {
      const card = [...doc.querySelectorAll('.model-card-content')];
      if (card.length) return card;
      const posts = [...doc.querySelectorAll('.discussion-content, [data-target="DiscussionEvents"]')];
      if (posts.length) return posts;
    }
    const main = doc.querySelector('main');
    return main ? [main] : [];
  },
  modelCards(root, url) {
    if (hubPageKind(url) !== 'listing') return [];
    const out: ModelCard[] = [];
    const cards: Element[] = [];
    if (root instanceof Element && root.matches(CARD_SELECTOR)) cards.push(root);
    cards.push(...root.querySelectorAll(CARD_SELECTOR));
    for (const el of cards) {
      const a = el.querySelector('a[href]');
      const repoId = a ? cardRepoId(a, url.href) : null;
      if (!a || !repoId) continue;
      const slot = a.querySelector('header') ?? a.querySelector('h4')?.parentElement ?? a;
      out.push({ el, repoId, slot });
    }
    return out;
  },
  cardSelector: (url) => (hubPageKind(url) === 'listing' ? CARD_SELECTOR : null),
  badgeModelLinks: false,
  skipSelector: BASE_SKIP,
};

/** huggingface.co/blog: posts by Hugging Face and partners, often announcing models (claims, model links). */
export const huggingfaceBlog: SiteDetector = {
  id: 'huggingface-blog',
  name: 'Hugging Face blog',
  group: 'huggingface',
  matches: ['https://huggingface.co/*'],
  test: (url) => url.hostname === 'huggingface.co' && hubPageKind(url) === 'blog',
  pageModel: () => null,
  claimRoots(doc) {
    const post = doc.querySelector('.blog-content, article, main');
    return post ? [post] : [];
  },
  badgeModelLinks: true,
  skipSelector: BASE_SKIP,
};

/** What each detector here must yield (test/unit/sites/examples.test.ts). */
export const EXAMPLES: DetectorExamples = {
  huggingface: [
    {
      url: 'https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct',
      handles: true,
      page: {
        html:
          '<h1><a href="/meta-llama">meta-llama</a>/' +
          '<a href="/meta-llama/Llama-3.1-8B-Instruct">Llama-3.1-8B-Instruct</a></h1>' +
          '<main><div class="model-card-content"><p>An open model.</p></div><aside>Downloads</aside></main>',
        model: 'meta-llama/Llama-3.1-8B-Instruct',
        title: 'Llama-3.1-8B-Instruct',
        claimText: ['An open model.'],
        cards: [],
      },
    },
    {
      url: 'https://huggingface.co/meta-llama/Llama-3.1-8B/discussions/3',
      handles: true,
      page: {
        html: '<main><div class="discussion-content"><p>Is this open source?</p></div></main>',
        model: 'meta-llama/Llama-3.1-8B',
        claimText: ['Is this open source?'],
      },
    },
    {
      url: 'https://huggingface.co/models?search=llama',
      handles: true,
      page: {
        html:
          '<main><article><a href="/meta-llama/Llama-3.1-8B"><header><h4>meta-llama/Llama-3.1-8B</h4></header></a>' +
          '</article>' +
          '<article><a href="/datasets/allenai/dolma"><h4>allenai/dolma</h4></a></article></main>',
        model: null,
        claimText: [],
        cards: ['meta-llama/Llama-3.1-8B'],
      },
    },
    { url: 'https://huggingface.co/meta-llama', handles: true, page: { html: '', model: null, cards: [] } },
    {
      url: 'https://huggingface.co/datasets/allenai/dolma',
      handles: true,
      page: { html: '<main><p>A dataset card.</p></main>', model: null, title: null, claimText: ['A dataset card.'] },
    },
    { url: 'https://huggingface.co/blog/llama31', handles: false },
    { url: 'https://hf.co/meta-llama/Llama-3.1-8B', handles: false },
  ],
  'huggingface-blog': [
    {
      url: 'https://huggingface.co/blog/llama31',
      handles: true,
      page: {
        html: '<main><div class="blog-content"><p>Llama 3.1 is out.</p></div></main>',
        model: null,
        claimText: ['Llama 3.1 is out.'],
      },
    },
    { url: 'https://huggingface.co/meta-llama/Llama-3.1-8B', handles: false },
  ],
};
