import { describe, expect, it } from 'vitest';
import {
  TabStore,
  createLabelService,
  judgeClaims,
  labelResultOf,
  labelsFor,
  tabStateReply,
  toolbarBadge,
  type TabClaim,
  type TabState,
} from '@/lib/tab-state';
import { TOOLBAR_LOOK } from '@/platform/toolbar';
import { judgeClaim } from '@/lib/claims/judge';
import type { ClaimContext } from '@/lib/claims/types';

const claim = (id: string, over: Partial<TabClaim> = {}): TabClaim => ({
  id,
  text: 't',
  model: 'm/x',
  label: 'restricted-weights',
  openwashing: true,
  severity: 'high',
  reason: 'r',
  ...over,
});

describe('TabStore', () => {
  it('keeps one page per tab; answers for a page left behind are dropped', async () => {
    const store = new TabStore();
    await store.reset(1, 'https://huggingface.co/a/b#x', 'huggingface', 'a/b');
    expect((await store.get(1))?.url).toBe('https://huggingface.co/a/b');
    await store.addClaims(1, 'https://huggingface.co/a/b', [claim('c1'), claim('c1', { reason: 'again' })]);
    expect((await store.get(1))?.claims).toHaveLength(1);
    await store.reset(1, 'https://huggingface.co/c/d', 'huggingface', 'c/d');
    expect(await store.addClaims(1, 'https://huggingface.co/a/b', [claim('late')])).toBeNull();
    expect((await store.get(1))?.claims).toEqual([]);
    await store.remove(1);
    expect(await store.get(1)).toBeUndefined();
  });

  it('persists through the given storage and loads it back (a restarted service worker)', async () => {
    let saved: Record<string, TabState> | undefined;
    const persistence = {
      load: async () => saved,
      save: async (all: Record<string, TabState>) => void (saved = structuredClone(all)),
    };
    const a = new TabStore(persistence, 0);
    await a.reset(7, 'https://github.com/x/y', 'github', null);
    await a.addModels(7, 'https://github.com/x/y', [{ id: 'x/y', label: 'open-weights', summary: 's' }]);
    await new Promise((r) => setTimeout(r, 10));
    const b = new TabStore(persistence, 0);
    expect((await b.get(7))?.models[0]?.id).toBe('x/y');
  });
});

describe('toolbarBadge', () => {
  const base = (over: Partial<TabState>): TabState => ({
    url: 'https://x/',
    site: 'generic',
    pageModel: null,
    models: [],
    claims: [],
    ...over,
  });
  it('counts openwashing claims: red when any is high, amber when all are medium', () => {
    expect(
      toolbarBadge(
        base({
          claims: [
            claim('a'),
            claim('b', { severity: 'medium' }),
            claim('c', { openwashing: false, severity: 'none' }),
          ],
        }),
        TOOLBAR_LOOK,
      ),
    ).toMatchObject({ text: '2', color: '#c0262d' });
    expect(toolbarBadge(base({ claims: [claim('b', { severity: 'medium' })] }), TOOLBAR_LOOK)).toMatchObject({
      text: '1',
      color: '#b35c00',
    });
  });
  it("without openwashing, shows the page model's label; else nothing", () => {
    const s = base({
      pageModel: 'google-t5/t5-base',
      models: [{ id: 'google-t5/t5-base', label: 'open-source', summary: '' }],
    });
    expect(toolbarBadge(s, TOOLBAR_LOOK)).toMatchObject({ text: '✓', color: '#2e7d32' });
    expect(toolbarBadge(base({}), TOOLBAR_LOOK).text).toBe('');
    expect(toolbarBadge(undefined, TOOLBAR_LOOK).text).toBe('');
  });
});

describe('label service', () => {
  it('checks each model once (in flight and cached), at most N at a time, and forgets failures after failureTtlMs', async () => {
    let active = 0;
    let peak = 0;
    const calls: string[] = [];
    let fail = true;
    let clock = 1_000_000;
    const svc = createLabelService({
      concurrency: 2,
      failureTtlMs: 15_000,
      now: () => clock,
      async check(q) {
        calls.push(q);
        active++;
        peak = Math.max(peak, active);
        await new Promise((r) => setTimeout(r, 5));
        active--;
        if (q === 'flaky/x' && fail) throw new Error('unreachable');
        return { id: q, label: 'open-weights', summary: '' };
      },
    });
    await Promise.all(['a/1', 'a/2', 'A/1', 'a/3', 'a/4', 'a/1'].map((q) => svc.label(q)));
    expect(calls.sort()).toEqual(['a/1', 'a/2', 'a/3', 'a/4']);
    expect(peak).toBe(2);
    await expect(svc.label('flaky/x')).rejects.toThrow();
    fail = false;
    // The same page visit asks again within seconds: the failure is reused, the Hub is not asked again.
    clock += 5_000;
    await expect(svc.label('flaky/x')).rejects.toThrow();
    expect(calls.filter((c) => c === 'flaky/x')).toHaveLength(1);
    // Later (the next visit): asked again, and this time it works.
    clock += 15_000;
    await expect(svc.label('flaky/x')).resolves.toMatchObject({ id: 'flaky/x' });
    expect(calls.filter((c) => c === 'flaky/x')).toHaveLength(2);
  });
});

describe('judgeClaims', () => {
  const ctx = (id: string, kind: ClaimContext['kind'], model: string | null): ClaimContext & { m: string | null } => ({
    id,
    phrase: 'open source',
    kind,
    sentence: `s ${id}`,
    paragraph: '',
    linkedRepos: { sentence: [], paragraph: [] },
    m: model,
  });
  it('resolves each claim, checks each model once, keeps unresolved claims as "model unknown"', async () => {
    const checked: string[] = [];
    const labels = createLabelService({
      async check(q) {
        checked.push(q);
        return q === 'meta-llama/Llama-3.1-8B'
          ? { id: q, label: 'restricted-weights', summary: '' }
          : { id: 'allenai/OLMo-7B', label: 'open-source', summary: '' };
      },
    });
    const claims = [
      ctx('1', 'strong', 'meta-llama/Llama-3.1-8B'),
      ctx('2', 'honest', 'meta-llama/Llama-3.1-8B'),
      ctx('3', 'strong', 'OLMo'),
      ctx('4', 'strong', null),
    ];
    const out = await judgeClaims(claims, null, {
      resolve: (c) => (c as ReturnType<typeof ctx>).m,
      judge: judgeClaim,
      labels,
    });
    expect(checked.sort()).toEqual(['OLMo', 'meta-llama/Llama-3.1-8B']);
    const by = Object.fromEntries(out.claims.map((c) => [c.id, c]));
    expect(by['1']).toMatchObject({ openwashing: true, severity: 'high', label: 'restricted-weights' });
    expect(by['2']).toMatchObject({ openwashing: false });
    expect(by['3']).toMatchObject({ openwashing: false, model: 'allenai/OLMo-7B', label: 'open-source' });
    expect(by['4']).toMatchObject({ openwashing: false, model: null, label: 'unknown' });
    expect(by['4']!.reason).toMatch(/Model unknown/);
    expect(out.models.map((m) => m.id).sort()).toEqual(['allenai/OLMo-7B', 'meta-llama/Llama-3.1-8B']);
  });
});

describe('what the background records and answers (its handlers are wiring around these)', () => {
  const url = 'https://example.org/post';
  const judged = {
    id: 'c1',
    text: 'Open source!',
    kind: 'strong' as const,
    model: 'org/m',
    label: 'open-weights' as const,
    openwashing: true,
    severity: 'high' as const,
    reason: 'r',
  };

  it('recordJudged: claims without their kind, models, and the page model when the tab did not know it', async () => {
    const store = new TabStore();
    await store.reset(3, url, 'generic', null);
    expect(
      await store.recordJudged(3, url, 'org/m', {
        claims: [judged],
        models: [{ id: 'org/m', label: 'open-weights', summary: 's' }],
      }),
    ).toBe(true);
    const s = await store.get(3);
    expect(s?.pageModel).toBe('org/m');
    expect(s?.claims).toEqual([
      {
        id: 'c1',
        text: 'Open source!',
        model: 'org/m',
        label: 'open-weights',
        openwashing: true,
        severity: 'high',
        reason: 'r',
      },
    ]);
    expect(s?.models.map((m) => m.id)).toEqual(['org/m']);
    // The page model the tab already had is kept.
    await store.recordJudged(3, url, 'other/x', { claims: [], models: [] });
    expect((await store.get(3))?.pageModel).toBe('org/m');
  });

  it('recordLabels: the models without their query; a page model learnt late replaces the old one', async () => {
    const store = new TabStore();
    await store.reset(4, url, 'generic', 'old/one');
    expect(
      await store.recordLabels(4, url, 'org/m', [{ query: 'ORG/M', id: 'org/m', label: 'closed', summary: 's' }]),
    ).toBe(true);
    const s = await store.get(4);
    expect(s?.pageModel).toBe('org/m');
    expect(s?.models).toEqual([{ id: 'org/m', label: 'closed', summary: 's' }]);
  });

  it('labelsFor: one entry per id in order; a failed check is "unknown" with why', async () => {
    const labels = {
      label: async (q: string) =>
        q === 'bad/one'
          ? Promise.reject(new Error('Hub unreachable'))
          : { id: q.toLowerCase(), label: 'open-source' as const, summary: 's' },
    };
    expect(await labelsFor(['A/B', 'bad/one'], labels)).toEqual([
      { query: 'A/B', id: 'a/b', label: 'open-source', summary: 's' },
      { query: 'bad/one', id: 'bad/one', label: 'unknown', summary: 'Could not check: Hub unreachable' },
    ]);
  });

  it('labelResultOf: not found is an answer, an unreachable Hub throws (asked again later)', () => {
    expect(labelResultOf('x/y', { ok: false, error: 'not-found', message: 'No such model' })).toEqual({
      id: 'x/y',
      label: 'unknown',
      summary: 'No such model',
    });
    expect(() => labelResultOf('x/y', { ok: false, error: 'unreachable', message: 'Hub down' })).toThrow('Hub down');
  });

  it('tabStateReply: an empty state for a tab never scanned', async () => {
    expect(tabStateReply(undefined)).toEqual({ url: '', site: null, pageModel: null, models: [], claims: [] });
    const store = new TabStore();
    await store.reset(5, `${url}#frag`, 'generic', null);
    expect(tabStateReply(await store.get(5))).toEqual({
      url,
      site: 'generic',
      pageModel: null,
      models: [],
      claims: [],
    });
  });
});
