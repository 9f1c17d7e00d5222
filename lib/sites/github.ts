/**
 * github.com repository pages: claims in the rendered README (`article.markdown-body`, also on
 * /blob/.../README.md), and a compact badge on each link to a Hub model in it. The page's model is the
 * one Hub model the README links to, when it links to exactly one (a model's own code repository);
 * with none or several, claims resolve by their sentence and paragraph only.
 */
import { BASE_SKIP, type DetectorExamples, type SiteDetector } from './types';
import { repoIdOfHref } from './hub-links';
import { GITHUB_RESERVED_FIRST } from '../knowledge/repo-ids';

function readmes(doc: Document): Element[] {
  return [...doc.querySelectorAll('article.markdown-body')];
}

export const github: SiteDetector = {
  id: 'github',
  name: 'GitHub',
  group: 'github',
  matches: ['https://github.com/*'],
  test(url) {
    if (url.hostname !== 'github.com') return false;
    const [owner, repo] = url.pathname.split('/').filter(Boolean);
    return !!owner && !!repo && !GITHUB_RESERVED_FIRST.has(owner.toLowerCase());
  },
  pageModel(doc, url) {
    const ids = new Map<string, string>();
    for (const root of readmes(doc)) {
      for (const a of root.querySelectorAll('a[href*="huggingface.co/"], a[href*="hf.co/"]')) {
        const id = repoIdOfHref(a.getAttribute('href'), url.href);
        if (id) ids.set(id.toLowerCase(), id);
        if (ids.size > 1) return null;
      }
    }
    return ids.size === 1 ? [...ids.values()][0]! : null;
  },
  claimRoots: (doc) => readmes(doc),
  badgeModelLinks: true,
  skipSelector: BASE_SKIP,
};

/** What each detector here must yield (test/unit/sites/examples.test.ts). */
export const EXAMPLES: DetectorExamples = {
  github: [
    {
      url: 'https://github.com/meta-llama/llama3',
      handles: true,
      page: {
        html:
          '<nav><a href="https://huggingface.co/google/gemma-2b">elsewhere</a></nav>' +
          '<article class="markdown-body"><p>See ' +
          '<a href="https://huggingface.co/meta-llama/Meta-Llama-3-8B">weights</a> and ' +
          '<a href="https://hf.co/meta-llama/Meta-Llama-3-8B/tree/main">files</a>.</p></article>',
        model: 'meta-llama/Meta-Llama-3-8B',
        claimText: ['See weights and files.'],
      },
    },
    {
      url: 'https://github.com/acme/models/blob/main/README.md',
      handles: true,
      page: {
        html:
          '<article class="markdown-body"><a href="https://huggingface.co/acme/a">a</a> ' +
          '<a href="https://huggingface.co/acme/b">b</a></article>',
        model: null,
        claimText: ['a b'],
      },
    },
    { url: 'https://github.com/features/copilot', handles: false },
    { url: 'https://github.com/meta-llama', handles: false },
    { url: 'https://gist.github.com/acme/123', handles: false },
  ],
};
