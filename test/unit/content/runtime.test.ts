import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PageRuntime, type RuntimeRequest } from '@/content/runtime';
import { hashId, sentenceSpan } from '@/lib/scan/claims';
import { pageTheme } from '@/content/badge/page-theme';
import { detectorFor } from '@/lib/sites';
import type { BadgeData, BadgeHandle } from '@/content/badge/Badge';
import type { JudgedClaim } from '@/lib/claims/types';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

function setUrl(url: string) {
  (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(url);
}

interface Harness {
  sent: RuntimeRequest[];
  badges: BadgeData[];
  scanner: PageRuntime;
}

function start(html: string, url: string): Harness {
  setUrl(url);
  document.body.innerHTML = html; // fixture markup
  const sent: RuntimeRequest[] = [];
  const badges: BadgeData[] = [];
  const scanner = new PageRuntime({
    doc: document,
    detectorFor,
    debounceMs: 10,
    async send(msg) {
      sent.push(msg);
      if (msg.type === 'judge-claims') {
        return {
          ok: true,
          claims: msg.claims.map((c): JudgedClaim => ({
            id: c.id,
            text: c.sentence,
            kind: c.kind,
            model: 'meta-llama/Llama-3.1-405B',
            label: 'restricted-weights',
            openwashing: c.kind === 'strong',
            severity: c.kind === 'strong' ? 'high' : 'none',
            reason: '<b>not markup</b>',
          })),
        };
      }
      if (msg.type === 'model-labels')
        return { ok: true, models: msg.ids.map((id) => ({ query: id, id, label: 'open-weights', summary: 's' })) };
      return { ok: true };
    },
    badge(data): BadgeHandle {
      badges.push(data);
      const host = document.createElement('ajar-badge');
      host.setAttribute('data-variant', data.variant);
      const h: BadgeHandle = { host, data, update() {}, focus() {}, remove: () => host.remove() };
      return h;
    },
  });
  scanner.start();
  return { sent, badges, scanner };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('helpers', () => {
  it('claim ids are stable hashes', () => {
    expect(hashId('open source|x')).toBe(hashId('open source|x'));
    expect(hashId('a')).not.toBe(hashId('b'));
  });
  it('sentence spans stop at full stops before whitespace, not inside "3.1"', () => {
    const t = 'First one. Llama 3.1 is open source. Last.';
    const i = t.indexOf('open source');
    expect(t.slice(...sentenceSpan(t, i, i + 11))).toBe('Llama 3.1 is open source.');
  });
  it('reads the page theme from the Hub dark class', () => {
    document.documentElement.classList.add('dark');
    expect(pageTheme(document)).toBe('dark');
    document.documentElement.classList.remove('dark');
  });
});

describe('PageRuntime', () => {
  let h: Harness | null = null;
  beforeEach(() => {
    h = null;
  });
  afterEach(() => h?.scanner.stop());

  it('sends each claim once with its sentence, paragraph and linked repos, then badges it in place', async () => {
    h = start(
      `<main><article>
        <p>We’re releasing <a href="https://huggingface.co/meta-llama/Llama-3.1-405B">Llama 3.1 405B</a>, the first frontier-level open source AI model. It has open weights.</p>
        <p>Nothing to see here.</p>
        <pre><code>open source code block</code></pre>
      </article></main>`,
      'https://techcrunch.com/2024/07/23/x/',
    );
    await wait(150);
    const start0 = h.sent[0]!;
    expect(start0).toMatchObject({ type: 'page-start', site: 'news:techcrunch.com', pageModel: null });
    const judge = h.sent.filter((m) => m.type === 'judge-claims');
    expect(judge).toHaveLength(1);
    const claims = judge[0]!.type === 'judge-claims' ? judge[0]!.claims : [];
    const strong = claims.find((c) => c.kind === 'strong')!;
    expect(strong.sentence).toMatch(
      /^We’re releasing Llama 3\.1 405B, the first frontier-level open source AI model\.$/,
    );
    expect(strong.linkedRepos.sentence).toEqual(['meta-llama/Llama-3.1-405B']);
    expect(strong.paragraph).toMatch(/It has open weights\./);
    expect(strong.sentence.slice(strong.phraseIndex!)).toMatch(/^open source/);
    expect(claims.some((c) => /code block/.test(c.sentence))).toBe(false);
    await wait(50);
    const claimBadges = document.querySelectorAll('ajar-badge[data-variant="claim"]');
    expect(claimBadges.length).toBe(2);
    // The badge follows the sentence's text, inside the paragraph, never inside the link.
    expect(claimBadges[0]!.parentElement!.tagName).toBe('P');
    expect(h.badges.find((b) => b.openwashing)?.reason).toBe('<b>not markup</b>');
    expect(h.scanner.snapshot().claims).toHaveLength(2);
  });

  it('late content: only the new paragraph is analysed; unchanged blocks are not sent again', async () => {
    h = start('<main><p>OLMo is a fully open model family.</p></main>', 'https://allenai.org/blog/x');
    await wait(150);
    const before = h.sent.filter((m) => m.type === 'judge-claims').length;
    const p = document.createElement('p');
    p.textContent = 'Pythia is open source.';
    document.querySelector('main')!.appendChild(p);
    document.querySelector('main')!.appendChild(document.createTextNode(' '));
    await wait(150);
    const judge = h.sent.filter((m) => m.type === 'judge-claims');
    expect(judge.length).toBe(before + 1);
    const last = judge.at(-1)!;
    expect(last.type === 'judge-claims' && last.claims.map((c) => c.sentence)).toEqual(['Pythia is open source.']);
    const n = document.querySelectorAll('ajar-badge').length;
    // Re-rendering the same text (a framework re-render that drops our badge) puts the badge back once, and sends nothing.
    p.textContent = 'Pythia is open source.';
    await wait(150);
    expect(document.querySelectorAll('ajar-badge').length).toBe(n);
    expect(h.sent.filter((m) => m.type === 'judge-claims').length).toBe(before + 1);
  });

  it('client-side navigation resets the page: page-start again, old badges gone', async () => {
    h = start('<main><p>Llama 3 is open source.</p></main>', 'https://techcrunch.com/a/');
    await wait(150);
    expect(document.querySelectorAll('ajar-badge').length).toBe(1);
    history.pushState({}, '', '/b/');
    document.querySelector('main')!.innerHTML = '<p>Nothing here.</p>';
    await wait(150);
    expect(h.sent.filter((m) => m.type === 'page-start').map((m) => (m as { url: string }).url)).toEqual([
      'https://techcrunch.com/a/',
      'https://techcrunch.com/b/',
    ]);
    expect(document.querySelectorAll('ajar-badge').length).toBe(0);
  });

  it('Hub model page: asks for the page model label and puts the header badge after the title', async () => {
    h = start(
      '<h1><a href="/meta-llama">meta-llama</a>/<a href="/meta-llama/Llama-3.1-8B">Llama-3.1-8B</a></h1><main><div class="model-card-content"><p>Plain text.</p></div></main>',
      'https://huggingface.co/meta-llama/Llama-3.1-8B',
    );
    await wait(150);
    const labels = h.sent.find((m) => m.type === 'model-labels');
    expect(labels).toMatchObject({ ids: ['meta-llama/Llama-3.1-8B'], pageModel: 'meta-llama/Llama-3.1-8B' });
    await wait(50);
    const header = document.querySelector('ajar-badge[data-variant="header"]');
    expect(header?.previousElementSibling?.getAttribute('href')).toBe('/meta-llama/Llama-3.1-8B');
    expect(h.scanner.scrollToClaim('nope')).toBe(false);
  });

  it('stop() removes every badge', async () => {
    h = start('<main><p>Llama 3 is open source.</p></main>', 'https://techcrunch.com/c/');
    await wait(150);
    h.scanner.stop();
    expect(document.querySelectorAll('ajar-badge').length).toBe(0);
  });
});
