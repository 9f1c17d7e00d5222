import { describe, expect, it } from 'vitest';
import { scanDocument, pageSetup } from '@/lib/scan/document';
import { ScanPipeline } from '@/lib/scan/pipeline';
import { MAX_BLOCK_TEXT, pointAt, readBlock } from '@/lib/scan/blocks';
import { claimIdOf } from '@/lib/scan/claims';
import { generic } from '@/lib/sites/generic';
import { github } from '@/lib/sites/github';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
const scan = (html: string, url: string | null) => scanDocument(parse(html), { url: url ? new URL(url) : null });

describe('scanDocument', () => {
  it('gives one context per claim with its sentence, paragraph and Hub links nearest first', () => {
    const { contexts, pageModel, site, models } = scan(
      `<body><article>
      <h1>Launch</h1>
      <p>Meet <a href="https://huggingface.co/meta-llama/Llama-3.1-8B">the 8B model</a>. It is <b>open source</b>, unlike
         <a href="/allenai/OLMo-7B">that one</a>.</p>
      <p>Nothing here.</p></article></body>`,
      'https://example.com/blog',
    );
    expect(site).toBe('generic');
    expect(pageModel).toBeNull();
    expect(contexts).toHaveLength(1);
    const c = contexts[0]!;
    expect(c).toMatchObject({ phrase: 'open source', kind: 'strong', sentence: 'It is open source, unlike that one.' });
    expect(c.id).toBe(claimIdOf(c.phrase, c.sentence));
    expect(c.paragraph).toBe('Meet the 8B model. It is open source, unlike that one.');
    expect(c.sentence.slice(c.phraseIndex!, c.phraseIndex! + c.phrase.length)).toBe('open source');
    expect(c.paragraph.slice(c.sentenceIndex!, c.sentenceIndex! + c.sentence.length)).toBe(c.sentence);
    // The relative link resolves against huggingface.co only when the page is on the Hub.
    expect(c.linkedRepos.sentence).toEqual([]);
    expect(c.linkedRepos.paragraph).toEqual(['meta-llama/Llama-3.1-8B']);
    expect(models).toEqual(['meta-llama/Llama-3.1-8B']);
  });

  it('resolves relative Hub links on Hub pages', () => {
    const { contexts, pageModel } = scan(
      '<main><div class="model-card-content"><p>It is open source, see <a href="/allenai/OLMo-7B">OLMo</a> for details.</p></div></main>',
      'https://huggingface.co/allenai/OLMo-7B',
    );
    expect(pageModel).toBe('allenai/OLMo-7B');
    expect(contexts[0]!.linkedRepos.sentence).toEqual(['allenai/OLMo-7B']);
  });

  it('reads no script, style, code, template, hidden text or navigation', () => {
    const { contexts } = scan(
      `<head><title>Llama 3 is open source</title><style>p::after{content:"Llama 3 is open source"}</style></head><body>
      <nav><a href="/os">Open Source</a> Llama 3 is open source in the menu.</nav>
      <script>var s = "Llama 3 is open source";</script>
      <noscript>Llama 3 is open source without JS.</noscript>
      <template><p>Llama 3 is open source in a template.</p></template>
      <pre><code>// Llama 3 is open source</code></pre>
      <p hidden>Llama 3 is open source but hidden.</p>
      <div hidden><p>Llama 3 is open source in a hidden div.</p></div>
      <p aria-hidden="true">Llama 3 is open source but aria-hidden.</p>
      <textarea>Llama 3 is open source in a textarea.</textarea>
      <p>Only this: Llama 3 is open source.<span hidden> Mistral is open source.</span></p></body>`,
      null,
    );
    expect(contexts.map((c) => c.sentence)).toEqual(['Only this: Llama 3 is open source.']);
  });

  it("a block's own text: nested blocks are their own, line breaks end sentences, inline elements join", () => {
    const doc = parse('<div>Intro<p>One <em>two</em> three</p>tail<br>next line<li>item</li></div>');
    expect(readBlock(doc, doc.querySelector('div')!, 'script').text).toBe('Introtail\nnext line');
    expect(readBlock(doc, doc.querySelector('p')!, 'script').text).toBe('One two three');
  });

  it("collapses source whitespace in block text, and maps offsets back to the page's text nodes exactly", () => {
    const doc = parse('<p>First one.\n   Llama 3 is\n      <b>open   source</b>.   Last.</p>');
    const { text, segs } = readBlock(doc, doc.querySelector('p')!, 'script');
    expect(text).toBe('First one. Llama 3 is open source. Last.');
    const from = text.indexOf('Llama');
    const to = text.indexOf('. Last') + 1;
    const a = pointAt(segs, from, false)!;
    const b = pointAt(segs, to, true)!;
    // The sentence starts at "Llama" in the first text node and ends after the full stop in the third.
    expect(a.node.data.slice(a.offset)).toBe('Llama 3 is\n      ');
    expect(b.node.data.slice(0, b.offset)).toBe('.');
    expect(segs.map((x) => x.node.data)).toEqual(['First one.\n   Llama 3 is\n      ', 'open   source', '.   Last.']);
  });

  it("reads a huge text node only up to the block cap, and stops analysing at the page's text cap", () => {
    const doc = parse('<main><p id="big"></p><p>Falcon is open source.</p></main>');
    doc.getElementById('big')!.appendChild(doc.createTextNode('this fully open source model '.repeat(200_000)));
    expect(readBlock(doc, doc.getElementById('big')!, 'script').text.length).toBe(MAX_BLOCK_TEXT);
    const p = new ScanPipeline({
      doc,
      url: new URL('https://example.com/'),
      detector: generic,
      maxText: MAX_BLOCK_TEXT,
    });
    p.enqueueRoots();
    p.work();
    expect(p.full).toBe(true);
    expect(p.contexts().map((c) => c.sentence)).not.toContain('Falcon is open source.');
    const roomy = new ScanPipeline({ doc, url: new URL('https://example.com/'), detector: generic });
    roomy.enqueueRoots();
    roomy.work();
    expect(roomy.contexts().map((c) => c.sentence)).toContain('Falcon is open source.');
  });

  it("survives very deep nesting (the detector's selectors may fail there: the body is scanned)", () => {
    const depth = 5000;
    const { contexts } = scan(
      `${'<div><span>'.repeat(depth)}Llama 2 is released as an open-source model.${'</span></div>'.repeat(depth)}`,
      null,
    );
    expect(contexts.map((c) => c.phrase)).toEqual(['open-source']);
  });

  it('keeps markup in text as text', () => {
    expect(
      scan('<p>&lt;script&gt;alert(1)&lt;/script&gt; Llama 3 is open source.</p>', null).contexts[0]!.sentence,
    ).toBe('<script>alert(1)</script> Llama 3 is open source.');
  });

  it('stops at the claim cap, and sees each claim once however often it is repeated', () => {
    const many = Array.from(
      { length: 40 },
      (_, i) => `<p>Model number ${i} is open source.</p><p>Model number ${i} is open source.</p>`,
    ).join('');
    const doc = parse(`<main>${many}</main>`);
    const p = new ScanPipeline({ doc, url: new URL('https://example.com/'), detector: generic, maxClaims: 25 });
    p.enqueueRoots();
    const scans = p.work();
    expect(p.contexts()).toHaveLength(25);
    expect(new Set(p.contexts().map((c) => c.id)).size).toBe(25);
    // A repeated paragraph is reported again (the runtime badges each place) with the same context; once the cap
    // is reached no block is analysed any more (the 25th claim's second copy included).
    expect(scans.filter((s) => s.claims.length).length).toBe(49);
  });

  it('incremental: an added subtree is walked alone, an unchanged block is not analysed again', () => {
    const doc = parse('<main><p>OLMo is a fully open model family.</p></main>');
    const p = new ScanPipeline({ doc, url: new URL('https://example.com/'), detector: generic });
    p.enqueueRoots();
    p.work();
    expect(p.takeNew().map((c) => c.sentence)).toEqual(['OLMo is a fully open model family.']);
    const added = doc.createElement('p');
    added.textContent = 'Pythia is open source.';
    doc.querySelector('main')!.appendChild(added);
    p.enqueueAdded(added);
    expect(p.work().map((s) => s.text)).toEqual(['Pythia is open source.']);
    expect(p.takeNew().map((c) => c.sentence)).toEqual(['Pythia is open source.']);
    expect(p.analyse(added)).toBeNull();
    p.forget(added);
    expect(p.analyse(added)?.claims).toHaveLength(1);
    expect(p.takeNew()).toEqual([]);
    // Outside the claim roots: nothing.
    const outside = doc.createElement('footer');
    outside.textContent = 'Falcon is open source.';
    doc.body.appendChild(outside);
    p.enqueueAdded(outside);
    expect(p.work()).toEqual([]);
  });
});

describe('page model and setup', () => {
  const readme = (links: string[]) =>
    parse(
      `<article class="markdown-body"><p>See ${links.map((l, i) => `<a href="https://huggingface.co/${l}">m${i}</a>`).join(' ')}. It is open source.</p></article>`,
    );

  it('a GitHub README is about its Hub model only when it links exactly one', () => {
    const url = new URL('https://github.com/acme/tools');
    expect(scanDocument(readme(['acme/a', 'acme/a/tree/main']), { url }).pageModel).toBe('acme/a');
    // acme/a twice and acme/b once: ambiguous, no page model (each claim resolves by its own sentence).
    const both = scanDocument(readme(['acme/a', 'acme/b', 'acme/a']), { url });
    expect(both.site).toBe('github');
    expect(both.pageModel).toBeNull();
    expect(both.models).toEqual(['acme/a', 'acme/b']);
    expect(both.contexts[0]!.linkedRepos.sentence).toEqual([]);
    expect(both.contexts[0]!.linkedRepos.paragraph.sort()).toEqual(['acme/a', 'acme/b']);
    expect(github.pageModel(readme(['acme/a', 'acme/b', 'acme/a']), url)).toBeNull();
  });

  it('a Hub model page: from the URL; a saved page without a URL: from its canonical link', () => {
    const empty = parse('<p>x</p>');
    expect(
      scanDocument(empty, { url: new URL('https://huggingface.co/tiiuae/falcon-180B/discussions/4') }).pageModel,
    ).toBe('tiiuae/falcon-180B');
    expect(scanDocument(empty, { url: new URL('https://huggingface.co/datasets/allenai/dolma') }).pageModel).toBeNull();
    expect(scanDocument(empty, { url: new URL('https://huggingface.co/models?search=llama') }).pageModel).toBeNull();
    const saved = parse(
      '<head><link rel="canonical" href="https://huggingface.co/meta-llama/Llama-2-7b-chat-hf/blob/main/README.md"></head><p>x</p>',
    );
    expect(scanDocument(saved, { url: null })).toMatchObject({
      site: 'huggingface',
      pageModel: 'meta-llama/Llama-2-7b-chat-hf',
    });
    expect(scanDocument(saved, { url: new URL('https://example.com/') }).pageModel).toBeNull();
    expect(pageSetup(empty, null)).toEqual({ url: null, detector: generic });
  });
});
