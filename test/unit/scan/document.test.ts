import { describe, expect, it } from 'vitest';
import { collectBlocks, detectPageModel, scanDocument } from '../../../lib/claims/scan';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html') as unknown as Document;

describe('scanDocument', () => {
  it('gives one context per claim with its sentence, paragraph and Hub links nearest first', () => {
    const doc = parse(`<body><article>
      <h1>Launch</h1>
      <p>Meet <a href="https://huggingface.co/meta-llama/Llama-3.1-8B">the 8B model</a>. It is <b>open source</b>, unlike
         <a href="/allenai/OLMo-7B">that one</a>.</p>
      <p>Nothing here.</p></article></body>`);
    const { contexts, pageModel } = scanDocument(doc, { urlHint: 'https://example.com/blog' });
    expect(pageModel).toBeNull();
    expect(contexts).toHaveLength(1);
    const c = contexts[0]!;
    expect(c).toMatchObject({ id: 'c1', phrase: 'open source', kind: 'strong', sentence: 'It is open source, unlike that one.' });
    expect(c.paragraph).toBe('Meet the 8B model. It is open source, unlike that one.');
    expect(c.sentence.slice(c.phraseIndex!, c.phraseIndex! + c.phrase.length)).toBe('open source');
    expect(c.paragraph.slice(c.sentenceIndex!, c.sentenceIndex! + c.sentence.length)).toBe(c.sentence);
    // The relative link resolves against huggingface.co only when the page is on the Hub.
    expect(c.linkedRepos.sentence).toEqual([]);
    expect(c.linkedRepos.paragraph).toEqual(['meta-llama/Llama-3.1-8B']);
  });

  it('resolves relative Hub links on Hub pages', () => {
    const doc = parse('<p>It is open source, see <a href="/allenai/OLMo-7B">OLMo</a> for details.</p>');
    const { contexts } = scanDocument(doc, { urlHint: 'https://huggingface.co/allenai/OLMo-7B' });
    expect(contexts[0]!.linkedRepos.sentence).toEqual(['allenai/OLMo-7B']);
  });

  it('reads no script, style, code, template, hidden text or navigation', () => {
    const doc = parse(`<head><title>Llama 3 is open source</title><style>p::after{content:"Llama 3 is open source"}</style></head><body>
      <nav><a href="/os">Open Source</a> Llama 3 is open source in the menu.</nav>
      <script>var s = "Llama 3 is open source";</script>
      <noscript>Llama 3 is open source without JS.</noscript>
      <template><p>Llama 3 is open source in a template.</p></template>
      <pre><code>// Llama 3 is open source</code></pre>
      <p hidden>Llama 3 is open source but hidden.</p>
      <p aria-hidden="true">Llama 3 is open source but aria-hidden.</p>
      <textarea>Llama 3 is open source in a textarea.</textarea>
      <p>Only this: Llama 3 is open source.</p></body>`);
    const { contexts } = scanDocument(doc);
    expect(contexts.map((c) => c.sentence)).toEqual(['Only this: Llama 3 is open source.']);
  });

  it('splits text at block elements and line breaks, and joins inline elements', () => {
    const blocks = collectBlocks(parse('<div>Intro<p>One <em>two</em> three</p>tail<br>next line<li>item</li></div>'), null);
    expect(blocks.map((b) => b.text)).toEqual(['Intro', 'One two three', 'tail\nnext line', 'item']);
  });

  it('survives very deep nesting', () => {
    const depth = 5000;
    const doc = parse(`${'<div><span>'.repeat(depth)}Llama 2 is released as an open-source model.${'</span></div>'.repeat(depth)}`);
    expect(scanDocument(doc).contexts.map((c) => c.phrase)).toEqual(['open-source']);
  });

  it('keeps markup in text as text', () => {
    const doc = parse('<p>&lt;script&gt;alert(1)&lt;/script&gt; Llama 3 is open source.</p>');
    expect(scanDocument(doc).contexts[0]!.sentence).toBe('<script>alert(1)</script> Llama 3 is open source.');
  });
});

describe('detectPageModel', () => {
  const empty = parse('<p>x</p>');

  it('a Hub model page: from the URL', () => {
    expect(detectPageModel(empty, 'https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct')).toBe('meta-llama/Llama-3.1-8B-Instruct');
    expect(detectPageModel(empty, 'https://huggingface.co/tiiuae/falcon-180B/discussions/4')).toBe('tiiuae/falcon-180B');
    expect(detectPageModel(empty, 'https://huggingface.co/datasets/allenai/dolma')).toBeNull();
    expect(detectPageModel(empty, 'https://huggingface.co/blog/falcon')).toBeNull();
    expect(detectPageModel(empty, 'https://huggingface.co/models?search=llama')).toBeNull();
  });

  it('a GitHub README: the Hub model it links most', () => {
    const readme = parse(`<div id="readme"><article class="markdown-body">
      <a href="https://huggingface.co/allenai/OLMo-7B">a</a> <a href="https://huggingface.co/allenai/OLMo-7B/tree/main">b</a>
      <a href="https://huggingface.co/meta-llama/Llama-2-7b-hf">c</a></article></div>`);
    expect(detectPageModel(readme, 'https://github.com/someone/repo')).toBe('allenai/OLMo-7B');
    expect(detectPageModel(empty, 'https://github.com/someone/repo')).toBeNull();
  });

  it('other sites: none; a saved Hub page without a hint: its canonical link', () => {
    expect(detectPageModel(empty, 'https://ai.meta.com/blog/llama')).toBeNull();
    const saved = parse('<head><link rel="canonical" href="https://huggingface.co/meta-llama/Llama-2-7b-chat-hf/blob/main/README.md"></head><p>x</p>');
    expect(detectPageModel(saved, undefined)).toBe('meta-llama/Llama-2-7b-chat-hf');
    expect(detectPageModel(saved, 'https://example.com/')).toBeNull();
  });
});
