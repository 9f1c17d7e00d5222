import { describe, expect, it } from 'vitest';
import { KNOWN_SITE_MATCHES, OPT_IN_MATCHES, SITE_DETECTORS, detectorFor, knownDetectorFor } from '@/lib/sites';
import { huggingface, hubPageKind } from '@/lib/sites/huggingface';
import { github } from '@/lib/sites/github';
import { kaggle } from '@/lib/sites/kaggle';
import { repoIdOfHref } from '@/lib/sites/hub-links';

function doc(html: string): Document {
  const d = document.implementation.createHTMLDocument('t');
  d.body.innerHTML = html; // test fixture markup, not page text
  return d;
}
const U = (s: string) => new URL(s);

describe('site list', () => {
  it('routes URLs to their detector, other sites to the generic one', () => {
    expect(detectorFor(U('https://huggingface.co/meta-llama/Llama-3.1-8B'))?.id).toBe('huggingface');
    expect(detectorFor(U('https://huggingface.co/blog/falcon'))?.id).toBe('huggingface-blog');
    expect(detectorFor(U('https://github.com/meta-llama/llama3'))?.id).toBe('github');
    expect(detectorFor(U('https://www.kaggle.com/models/google/gemma'))?.id).toBe('kaggle');
    expect(detectorFor(U('https://www.llama.com/'))?.id).toBe('vendor:llama.com');
    expect(detectorFor(U('https://llama.com/'))?.id).toBe('vendor:llama.com');
    expect(detectorFor(U('https://about.fb.com/news/2024/07/x/'))?.id).toBe('vendor:about.fb.com');
    expect(knownDetectorFor(U('https://about.fb.com/careers/'))).toBeNull();
    expect(detectorFor(U('https://techcrunch.com/2024/07/23/x/'))?.id).toBe('news:techcrunch.com');
    expect(detectorFor(U('https://example.org/post'))?.id).toBe('generic');
    expect(detectorFor(U('ftp://example.org/'))).toBeNull();
    // GitHub's own sections are not repositories.
    expect(knownDetectorFor(U('https://github.com/features/copilot'))).toBeNull();
    expect(knownDetectorFor(U('https://github.com/meta-llama'))).toBeNull();
  });

  it('match patterns cover only the reviewed sites, over https; everything else is opt-in', () => {
    expect(KNOWN_SITE_MATCHES.every((m) => m.startsWith('https://') && !m.startsWith('https://*/'))).toBe(true);
    expect(KNOWN_SITE_MATCHES).toContain('https://huggingface.co/*');
    expect(KNOWN_SITE_MATCHES).toContain('https://qwenlm.github.io/*');
    expect(KNOWN_SITE_MATCHES).not.toContain('https://*.github.io/*');
    expect(new Set(KNOWN_SITE_MATCHES).size).toBe(KNOWN_SITE_MATCHES.length);
    expect(OPT_IN_MATCHES).toEqual(['https://*/*', 'http://*/*']);
    for (const d of SITE_DETECTORS) expect(d.matches.length).toBeGreaterThan(0);
  });
});

describe('huggingface', () => {
  it('tells model pages from listings and other sections', () => {
    expect(hubPageKind(U('https://huggingface.co/meta-llama/Llama-3.1-8B'))).toBe('model');
    expect(hubPageKind(U('https://huggingface.co/meta-llama/Llama-3.1-8B/discussions/3'))).toBe('model');
    expect(hubPageKind(U('https://huggingface.co/models?search=llama'))).toBe('listing');
    expect(hubPageKind(U('https://huggingface.co/collections/meta-llama/llama-31-669fc079a0c406a149a5738f'))).toBe(
      'listing',
    );
    expect(hubPageKind(U('https://huggingface.co/meta-llama'))).toBe('listing');
    expect(hubPageKind(U('https://huggingface.co/meta-llama/models'))).toBe('listing');
    expect(hubPageKind(U('https://huggingface.co/datasets/allenai/dolma'))).toBe('other');
    expect(hubPageKind(U('https://huggingface.co/spaces/x/y'))).toBe('other');
    expect(hubPageKind(U('https://huggingface.co/blog/llama31'))).toBe('blog');
  });

  it('model page: the model from the URL, the title link, the card as claim root', () => {
    const url = U('https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct/tree/main');
    const d =
      doc(`<h1><a href="/meta-llama">meta-llama</a>/<a href="/meta-llama/Llama-3.1-8B-Instruct">Llama-3.1-8B-Instruct</a></h1>
      <main><div class="model-card-content"><p>card</p></div><aside>x</aside></main>`);
    expect(huggingface.pageModel(d, url)).toBe('meta-llama/Llama-3.1-8B-Instruct');
    expect(huggingface.titleSlot!(d, url)?.textContent).toBe('Llama-3.1-8B-Instruct');
    expect(huggingface.claimRoots(d, url).map((e) => e.className)).toEqual(['model-card-content']);
    expect(huggingface.modelCards!(d, url)).toEqual([]);
  });

  it('listing: each article card with its repo id and header slot; datasets and spaces are not models', () => {
    const url = U('https://huggingface.co/models');
    const d =
      doc(`<article><a href="/meta-llama/Llama-3.1-8B"><header><h4>meta-llama/Llama-3.1-8B</h4></header></a></article>
      <article><a href="/datasets/allenai/dolma"><header><h4>allenai/dolma</h4></header></a></article>
      <article><a href="/spaces/a/b"><h4>a/b</h4></a></article>
      <article><a href="/google-t5/t5-base"><h4>google-t5/t5-base</h4></a></article>`);
    const cards = huggingface.modelCards!(d, url);
    expect(cards.map((c) => c.repoId)).toEqual(['meta-llama/Llama-3.1-8B', 'google-t5/t5-base']);
    expect(cards[0]!.slot.tagName).toBe('HEADER');
    expect(cards[1]!.slot.tagName).toBe('A');
    expect(huggingface.claimRoots(d, url)).toEqual([]);
    expect(huggingface.cardSelector!(url)).toBe('article');
    expect(huggingface.cardSelector!(U('https://huggingface.co/a/b'))).toBeNull();
  });
});

describe('github', () => {
  const url = U('https://github.com/meta-llama/llama3');
  it('README is the claim root; the page model is the one Hub model it links to', () => {
    const one =
      doc(`<article class="markdown-body"><p>See <a href="https://huggingface.co/meta-llama/Meta-Llama-3-8B">weights</a> and
      <a href="https://huggingface.co/meta-llama/Meta-Llama-3-8B/tree/main">files</a>.</p></article>`);
    expect(github.claimRoots(one, url)).toHaveLength(1);
    expect(github.pageModel(one, url)).toBe('meta-llama/Meta-Llama-3-8B');
    const two = doc(
      `<article class="markdown-body"><a href="https://huggingface.co/a/b">a</a><a href="https://hf.co/c/d">c</a></article>`,
    );
    expect(github.pageModel(two, url)).toBeNull();
    expect(github.pageModel(doc('<article class="markdown-body">none</article>'), url)).toBeNull();
  });
});

describe('kaggle', () => {
  it('model pages only; the page model is the title, else the slug', () => {
    expect(kaggle.test(U('https://www.kaggle.com/models/google/gemma-2'))).toBe(true);
    expect(kaggle.test(U('https://www.kaggle.com/competitions/x'))).toBe(false);
    expect(
      kaggle.pageModel(doc('<main><h1>Gemma 2</h1></main>'), U('https://www.kaggle.com/models/google/gemma-2')),
    ).toBe('Gemma 2');
    expect(kaggle.pageModel(doc('<main></main>'), U('https://www.kaggle.com/models/metaresearch/llama-3.1'))).toBe(
      'llama 3.1',
    );
  });
});

describe('hub links', () => {
  it('reads model ids from absolute and Hub-relative links, and nothing from hostile ones', () => {
    expect(repoIdOfHref('/meta-llama/Llama-3.1-8B', 'https://huggingface.co/models')).toBe('meta-llama/Llama-3.1-8B');
    expect(repoIdOfHref('https://hf.co/google/gemma-2b?x=1', 'https://example.org/')).toBe('google/gemma-2b');
    expect(repoIdOfHref('/meta-llama/Llama-3.1-8B', 'https://example.org/')).toBeNull();
    expect(repoIdOfHref('javascript:alert(1)', 'https://huggingface.co/')).toBeNull();
    expect(repoIdOfHref('https://huggingface.co/"><img src=x onerror=1>/x', 'https://huggingface.co/')).toBeNull();
    expect(repoIdOfHref('https://huggingface.co/datasets/a/b', 'https://huggingface.co/')).toBeNull();
    expect(repoIdOfHref(null, 'https://huggingface.co/')).toBeNull();
  });
});
