/**
 * Per-tab state of what the content script found (models, judged claims), the toolbar badge it implies,
 * and a label service that asks for each model's verdict once. Pure: the background passes in storage,
 * the verdict function, the clock and the toolbar's colours and words (platform/toolbar.ts).
 */
import { errorText } from './error-text';
import type { ClaimContext, JudgedClaim, Severity } from './claims/types';
import { hintsFrom, type JudgeHints, type Judgement } from './claims/judge';
import type { CheckResult } from './check';
import type { Label } from './verdict/schema';
import { LABEL_GLYPH } from './labels';
import { pageKey } from './scan/page';

export interface ModelLabel {
  id: string;
  label: Label;
  summary: string;
}

export interface TabClaim {
  id: string;
  text: string;
  model: string | null;
  label: Label;
  openwashing: boolean;
  severity: Severity;
  reason: string;
}

export interface TabState {
  /** The page (URL without the fragment) the state belongs to. */
  url: string;
  /** Which detector scans it ("huggingface", "vendor:llama.com", "generic"), or null. */
  site: string | null;
  /** The page's own model (Hub model page, Kaggle model page), or null. */
  pageModel: string | null;
  models: ModelLabel[];
  claims: TabClaim[];
}

/** Caps keep a hostile or huge page from growing the state without bound. */
export const MAX_TAB_MODELS = 500;
export const MAX_TAB_CLAIMS = 300;

/** The page key is defined once, with the scanner that sends it (lib/scan/page.ts). */
export { pageKey };

export const emptyTabState = (url = '', site: string | null = null, pageModel: string | null = null): TabState => ({
  url: pageKey(url),
  site,
  pageModel,
  models: [],
  claims: [],
});

export interface TabStorePersistence {
  load(): Promise<Record<string, TabState> | undefined>;
  save(all: Record<string, TabState>): Promise<void>;
}

/**
 * Tab id → state. Writes go to memory at once and to the persistence (storage.session in the extension:
 * the MV3 service worker may stop between messages) shortly after, coalesced.
 */
export class TabStore {
  private tabs = new Map<number, TabState>();
  private loaded: Promise<void> | null = null;
  private saveTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly persistence?: TabStorePersistence,
    private readonly saveDelayMs = 50,
  ) {}

  /** Loads the persisted state once; every accessor awaits it. */
  ready(): Promise<void> {
    this.loaded ??= (async () => {
      const saved = await this.persistence?.load().catch(() => undefined);
      for (const [k, v] of Object.entries(saved ?? {})) {
        const id = Number(k);
        if (Number.isInteger(id) && !this.tabs.has(id)) this.tabs.set(id, v);
      }
    })();
    return this.loaded;
  }

  async get(tabId: number): Promise<TabState | undefined> {
    await this.ready();
    return this.tabs.get(tabId);
  }

  /** Starts a new page in the tab; returns the (empty) state. */
  async reset(tabId: number, url: string, site: string | null, pageModel: string | null): Promise<TabState> {
    await this.ready();
    const state = emptyTabState(url, site, pageModel);
    this.tabs.set(tabId, state);
    this.scheduleSave();
    return state;
  }

  /**
   * The tab's state for this page, starting one when the tab shows another page (or none yet).
   * Returns null when `url` is not the tab's page any more (a late answer for a page left behind).
   */
  async forPage(tabId: number, url: string, opts: { create: boolean; site?: string | null }): Promise<TabState | null> {
    await this.ready();
    const cur = this.tabs.get(tabId);
    if (cur && cur.url === pageKey(url)) return cur;
    if (!opts.create) return null;
    return this.reset(tabId, url, opts.site ?? cur?.site ?? null, null);
  }

  async addModels(tabId: number, url: string, models: readonly ModelLabel[]): Promise<TabState | null> {
    const state = await this.forPage(tabId, url, { create: false });
    if (!state) return null;
    for (const m of models) {
      const i = state.models.findIndex((x) => x.id.toLowerCase() === m.id.toLowerCase());
      if (i >= 0) state.models[i] = m;
      else if (state.models.length < MAX_TAB_MODELS) state.models.push(m);
    }
    this.scheduleSave();
    return state;
  }

  async addClaims(tabId: number, url: string, claims: readonly TabClaim[]): Promise<TabState | null> {
    const state = await this.forPage(tabId, url, { create: false });
    if (!state) return null;
    for (const c of claims) {
      const i = state.claims.findIndex((x) => x.id === c.id);
      if (i >= 0) state.claims[i] = c;
      else if (state.claims.length < MAX_TAB_CLAIMS) state.claims.push(c);
    }
    this.scheduleSave();
    return state;
  }

  /**
   * A judge-claims answer for the tab's page: its models and claims (without `kind`), and the page's model when
   * the tab did not know it yet. False when the tab shows another page by now (nothing recorded).
   */
  async recordJudged(
    tabId: number,
    url: string,
    pageModel: string | null,
    out: { claims: readonly JudgedClaim[]; models: readonly ModelLabel[] },
  ): Promise<boolean> {
    const state = await this.forPage(tabId, url, { create: true });
    if (!state) return false;
    if (!state.pageModel && pageModel) state.pageModel = pageModel;
    await this.addModels(tabId, url, out.models);
    await this.addClaims(
      tabId,
      url,
      out.claims.map(({ kind: _kind, ...c }) => c),
    );
    return true;
  }

  /** A model-labels answer for the tab's page; `pageModel` is set when the page learnt its own model late. */
  async recordLabels(
    tabId: number,
    url: string,
    pageModel: string | undefined,
    models: ReadonlyArray<ModelLabel & { query?: string }>,
  ): Promise<boolean> {
    const state = await this.forPage(tabId, url, { create: true });
    if (!state) return false;
    if (pageModel) state.pageModel = pageModel;
    await this.addModels(
      tabId,
      url,
      models.map(({ id, label, summary }) => ({ id, label, summary })),
    );
    return true;
  }

  async remove(tabId: number): Promise<void> {
    await this.ready();
    if (this.tabs.delete(tabId)) this.scheduleSave();
  }

  private scheduleSave(): void {
    if (!this.persistence || this.saveTimer) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      const all: Record<string, TabState> = {};
      for (const [k, v] of this.tabs) all[String(k)] = v;
      void this.persistence!.save(all).catch(() => undefined);
    }, this.saveDelayMs);
  }
}

/** The tab's state as the popup asks for it (tab-state): empty when nothing was scanned in the tab. */
export function tabStateReply(state: TabState | undefined): TabState {
  return {
    url: state?.url ?? '',
    site: state?.site ?? null,
    pageModel: state?.pageModel ?? null,
    models: state?.models ?? [],
    claims: state?.claims ?? [],
  };
}

export interface ToolbarBadge {
  text: string;
  color: string;
  title: string;
}

/** The toolbar's colours and label words (presentation data, given by platform/toolbar.ts). */
export interface ToolbarLook {
  labelColors: Record<Label, string>;
  severityColors: Record<Exclude<Severity, 'none'>, string>;
  labelText: Record<Label, string>;
}

/**
 * The toolbar badge for a tab: the number of openwashing claims (red when any is high severity, amber
 * otherwise); without any, the page model's label as a glyph in its colour; else nothing.
 */
export function toolbarBadge(state: TabState | undefined, look: ToolbarLook): ToolbarBadge {
  const { labelColors, severityColors, labelText } = look;
  const base = 'Ajar: is this AI model really open?';
  if (!state) return { text: '', color: labelColors.unknown, title: base };
  const washing = state.claims.filter((c) => c.openwashing);
  if (washing.length > 0) {
    const high = washing.some((c) => c.severity === 'high');
    const n = washing.length;
    return {
      text: n > 99 ? '99+' : String(n),
      color: high ? severityColors.high : severityColors.medium,
      title: `Ajar: ${n} openwashing claim${n === 1 ? '' : 's'} on this page`,
    };
  }
  const page = state.pageModel
    ? state.models.find((m) => m.id.toLowerCase() === state.pageModel!.toLowerCase())
    : undefined;
  if (page) {
    return {
      text: LABEL_GLYPH[page.label],
      color: labelColors[page.label],
      title: `Ajar: ${page.id}: ${labelText[page.label]}`,
    };
  }
  const found = state.claims.length + state.models.length;
  return {
    text: '',
    color: labelColors.unknown,
    title: found
      ? `Ajar: ${state.claims.length} claim(s), ${state.models.length} model(s) on this page, no openwashing`
      : base,
  };
}

/** A model's label plus what the openwashing rule needs from its verdict. */
export interface LabelResult extends ModelLabel {
  hints?: JudgeHints;
}

export interface LabelServiceOptions {
  /** The verdict for one model (repo id or name), as a label; never throws for "not found". */
  check(query: string): Promise<LabelResult>;
  /** How long an answer is reused (default 10 min; the Hub client caches longer underneath). */
  ttlMs?: number;
  /**
   * How long a failed check (Hub unreachable, rate limited...) is reused (default 15 s): long enough that the
   * several messages of one page visit ask the Hub once, short enough that the next visit asks again.
   */
  failureTtlMs?: number;
  /** Models checked at once (default 4): a listing scrolled fast must not flood the Hub. */
  concurrency?: number;
  now?: () => number;
}

/** One check per model: in-flight and recent answers are shared; at most `concurrency` run at once. */
export function createLabelService(opts: LabelServiceOptions) {
  const ttl = opts.ttlMs ?? 10 * 60_000;
  const now = opts.now ?? Date.now;
  const limit = Math.max(1, opts.concurrency ?? 4);
  const failureTtl = opts.failureTtlMs ?? 15_000;
  const cache = new Map<string, { at: number; ttl: number; value: Promise<LabelResult> }>();
  let active = 0;
  const queue: Array<() => void> = [];
  let checks = 0;

  const run = async (query: string): Promise<LabelResult> => {
    if (active >= limit) await new Promise<void>((r) => queue.push(r));
    active++;
    checks++;
    try {
      return await opts.check(query);
    } finally {
      active--;
      queue.shift()?.();
    }
  };

  return {
    label(query: string): Promise<LabelResult> {
      const key = query.trim().toLowerCase();
      const hit = cache.get(key);
      if (hit && now() - hit.at < hit.ttl) return hit.value;
      const value = run(query.trim());
      const entry = { at: now(), ttl, value };
      cache.set(key, entry);
      // A failed check is kept only briefly (failureTtl, from when it failed): the next page asks again.
      value.catch(() => {
        entry.at = now();
        entry.ttl = failureTtl;
      });
      if (cache.size > 2000) cache.delete(cache.keys().next().value!);
      return value;
    },
    /** How many checks ran (not answered from the cache): for tests and the bench. */
    get checks() {
      return checks;
    },
  };
}

export type LabelService = ReturnType<typeof createLabelService>;

/**
 * A verdict lookup as a label. Not found is an answer (remembered briefly); an unreachable Hub is not: it
 * throws, so the label service asks again next time.
 */
export function labelResultOf(query: string, r: CheckResult): LabelResult {
  if (r.ok)
    return { id: r.verdict.model, label: r.verdict.label, summary: r.verdict.summary, hints: hintsFrom(r.verdict) };
  if (r.error === 'not-found' || r.error === 'bad-query') return { id: query, label: 'unknown', summary: r.message };
  throw new Error(r.message);
}

/** Labels for the ids a page asked about, in order; a failed check is "unknown" with why, never a failed reply. */
export async function labelsFor(
  ids: readonly string[],
  labels: Pick<LabelService, 'label'>,
): Promise<Array<ModelLabel & { query: string }>> {
  return Promise.all(
    ids.map(async (query) => {
      try {
        const r = await labels.label(query);
        return { query, id: r.id, label: r.label, summary: r.summary };
      } catch (e) {
        return {
          query,
          id: query,
          label: 'unknown' as const,
          summary: `Could not check: ${errorText(e)}`,
        };
      }
    }),
  );
}

export interface JudgeDeps {
  /** The model a claim is about: sentence, then paragraph, then the page's model; null when unknown. */
  resolve(ctx: ClaimContext, pageModel: string | null): string | null;
  /** lib/claims/judge.ts judgeClaim: label null means no model was found for the claim. */
  judge(kind: ClaimContext['kind'], label: Label | null, hints?: JudgeHints): Judgement;
  labels: LabelService;
  /** What the claim's sentence says (its subject, a licence it names): lib/claims/judge-scan.ts sentenceHints. */
  sentenceHints?(ctx: ClaimContext): JudgeHints;
}

/** Resolves and judges claims: each distinct model checked once, unresolved claims kept as "model unknown". */
export async function judgeClaims(
  claims: readonly ClaimContext[],
  pageModel: string | null,
  deps: JudgeDeps,
): Promise<{ claims: JudgedClaim[]; models: ModelLabel[] }> {
  const models = new Map<string, Promise<LabelResult | null>>();
  const resolved = claims.map((ctx) => {
    const model = deps.resolve(ctx, pageModel);
    if (model && !models.has(model.toLowerCase())) {
      // A failed lookup leaves the claim unjudged, never wrongly flagged.
      models.set(
        model.toLowerCase(),
        deps.labels.label(model).catch(() => null),
      );
    }
    return { ctx, model };
  });
  const labels = new Map<string, LabelResult | null>();
  await Promise.all(
    [...models].map(async ([k, p]) => {
      labels.set(k, await p);
    }),
  );
  const judged = resolved.map(({ ctx, model }): JudgedClaim => {
    const ml = model ? labels.get(model.toLowerCase()) : undefined;
    const label: Label = ml?.label ?? 'unknown';
    const fromSentence = deps.sentenceHints?.(ctx);
    const j =
      model === null
        ? deps.judge(ctx.kind, null, fromSentence)
        : deps.judge(ctx.kind, label, { ...ml?.hints, ...fromSentence });
    return {
      id: ctx.id,
      text: ctx.sentence,
      kind: ctx.kind,
      model: ml?.id ?? model,
      label,
      openwashing: j.openwashing,
      severity: j.severity,
      reason: j.reason,
    };
  });
  const found = [...labels.values()]
    .filter((m): m is LabelResult => m !== null)
    .map(({ id, label, summary }) => ({ id, label, summary }));
  return { claims: judged, models: found };
}
