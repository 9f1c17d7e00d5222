/**
 * One page's scan session: from page-start to the next client-side navigation (or stop). It owns an
 * AbortController: ending the session aborts every timer, idle slice, observer and pending reply of the
 * page and removes its badges and underlines, so a new page starts from nothing.
 *
 * Performance rules (see README, "Performance"): work runs in idle slices of a few milliseconds; the first
 * scan's main-thread time is the `ajar:first-scan` measure, each mutation batch's `ajar:mutation`. Scanning
 * only reads (textContent, no layout); badges are written in one animation frame per answer.
 */
import { ScanPipeline } from '@/lib/scan/pipeline';
import { pageKey } from '@/lib/scan/page';
import { BADGE_TAG_UPPER, blockOf, isBlock } from '@/lib/scan/dom';
import type { SiteDetector } from '@/lib/sites/types';
import type { BadgeData, BadgeHandle, BadgeTheme } from './badge/Badge';
import { pageTheme } from './badge/page-theme';
import { ClaimBadges } from './claims';
import type { RuntimeStats, Send, SessionContext } from './context';
import { ModelBadges } from './models';
import { RenderQueue, measure, whenIdle } from './scheduler';

export interface SessionOptions {
  doc: Document;
  url: URL;
  detector: SiteDetector;
  send: Send;
  badge(data: BadgeData, theme: BadgeTheme): BadgeHandle;
  density: 'all' | 'openwashing';
  sliceMs: number;
  stats: RuntimeStats;
}

export class ScanSession {
  readonly key: string;
  private readonly ac = new AbortController();
  private readonly ctx: SessionContext;
  private readonly claims: ClaimBadges;
  private readonly models: ModelBadges;
  private pumping = false;
  private first: { start: number; busy: number; done: boolean; setup: number } | null = null;

  constructor(private readonly o: SessionOptions) {
    this.key = pageKey(o.url.href);
    const signal = this.ac.signal;
    const theme = pageTheme(o.doc);
    let claims: ClaimBadges | null = null;
    const pipeline = new ScanPipeline({
      doc: o.doc,
      url: o.url,
      detector: o.detector,
      // A block that already shows claims stays visible when its text changes: checkVisibility() on a
      // just-mutated page forces a style recalculation of the whole page, several ms on a long article.
      visible: (block) =>
        claims?.shows(block) === true || typeof block.checkVisibility !== 'function' || block.checkVisibility(),
    });
    this.ctx = {
      doc: o.doc,
      url: this.key,
      pipeline,
      signal,
      send: o.send,
      badge: (data) => o.badge(data, theme),
      badges: new Set(),
      render: new RenderQueue(signal),
      stats: o.stats,
    };
    claims = this.claims = new ClaimBadges(this.ctx, o.density);
    this.models = new ModelBadges(this.ctx);
  }

  get signal(): AbortSignal {
    return this.ac.signal;
  }

  get pipeline(): ScanPipeline {
    return this.ctx.pipeline;
  }

  /** page-start, then the first scan in idle slices. */
  start(): void {
    const p = this.ctx.pipeline;
    void this.o
      .send({ type: 'page-start', url: this.key, site: this.o.detector.id, pageModel: p.pageModel })
      .catch(() => undefined);
    const t0 = performance.now();
    this.first = { start: t0, busy: 0, done: false, setup: 0 };
    p.clock = () => performance.now();
    this.models.placeHeader();
    p.enqueueRoots();
    this.models.find(this.o.doc);
    const t1 = performance.now();
    this.first.setup = t1 - t0;
    this.first.busy += t1 - t0;
    this.pump();
  }

  /** Ends the page: every pending thing stops, every badge and underline goes. */
  end(): void {
    this.ac.abort();
    for (const b of this.ctx.badges) b.remove();
    this.ctx.badges.clear();
  }

  private stepWork(until: number): void {
    const p = this.ctx.pipeline;
    const before = { ...p.stats };
    this.claims.apply(p.work(() => performance.now() > until));
    this.o.stats.nodes += p.stats.nodes - before.nodes;
    this.o.stats.candidates += p.stats.candidates - before.candidates;
    this.o.stats.blocks += p.stats.blocks - before.blocks;
  }

  private pump(): void {
    if (this.pumping || this.ac.signal.aborted) return;
    this.pumping = true;
    const step = (deadline?: IdleDeadline) => {
      const t0 = performance.now();
      const budget = Math.max(2, Math.min(this.o.sliceMs, deadline?.timeRemaining() ?? 6));
      this.stepWork(t0 + budget);
      const t1 = performance.now();
      if (this.first && !this.first.done) this.first.busy += t1 - t0;
      if (this.ctx.pipeline.pending) {
        whenIdle(this.ac.signal, step);
        return;
      }
      this.pumping = false;
      this.claims.flush();
      this.finishFirstScan(t1);
    };
    whenIdle(this.ac.signal, step);
  }

  private finishFirstScan(end: number): void {
    const f = this.first;
    if (!f || f.done) return;
    f.done = true;
    const p = this.ctx.pipeline;
    p.clock = null;
    const r = (x: number) => Math.round(x * 100) / 100;
    const detail = {
      nodes: p.stats.nodes,
      candidates: p.stats.candidates,
      blocks: p.stats.blocks,
      claims: p.contexts().length,
      site: this.o.detector.id,
      ms: {
        setup: r(f.setup),
        blockText: r(p.prof.blockText),
        detect: r(p.prof.detect),
        visibility: r(p.prof.visibility),
        claims: r(p.prof.claims),
      },
    };
    measure('ajar:first-scan', f.start, f.busy, detail);
    try {
      performance.measure('ajar:first-scan-wall', { start: f.start, end, detail });
    } catch {
      /* measure with options is missing in very old browsers */
    }
  }

  /**
   * Late content: only added or changed subtrees are scanned; blocks whose text did not change are never
   * analysed again. `overflow`: too many changes to track, the claim roots are walked again.
   */
  mutations(recs: readonly MutationRecord[], overflow: boolean): void {
    const t0 = performance.now();
    const p = this.ctx.pipeline;
    if (p.refresh()) this.models.placeHeader();
    else if (this.models.headerMissing) this.models.placeHeader();
    let added = 0;
    if (overflow) {
      p.enqueueRoots();
      this.models.find(this.o.doc);
    } else {
      const nodes = new Set<Node>();
      const changed = new Set<Element>();
      for (const rec of recs) {
        if (rec.type === 'characterData') {
          const t = rec.target;
          if (t.isConnected && t.parentElement) changed.add(blockOf(t, this.o.doc));
          continue;
        }
        for (const n of rec.addedNodes) if (n.nodeName !== BADGE_TAG_UPPER && n.isConnected) nodes.add(n);
        if (rec.removedNodes.length && rec.target.isConnected && rec.target.nodeType === 1) {
          const t = rec.target as Element;
          const block = isBlock(t) ? t : blockOf(t, this.o.doc);
          if (this.claims.shows(block) || p.seen(block)) changed.add(block);
        }
      }
      const scans = [];
      for (const n of nodes) {
        // Only the outermost added nodes: a subtree is walked once.
        let inner = false;
        for (let q = n.parentNode; q; q = q.parentNode) {
          if (nodes.has(q)) {
            inner = true;
            break;
          }
        }
        if (inner) continue;
        added++;
        p.enqueueAdded(n);
        if (n.nodeType === 1 && p.mayHoldModels(n as Element)) this.models.find(n);
      }
      for (const b of changed) {
        if (!b.isConnected || !p.inRoots(b)) continue;
        // Same text, but the page re-rendered it and dropped our badge or the nodes it followed: place it again.
        if (this.claims.needsReplace(b)) p.forget(b);
        const scan = p.analyse(b);
        if (scan) scans.push(scan);
      }
      this.claims.apply(scans);
    }
    // Small additions are handled now; big ones (a re-rendered page) continue in idle slices.
    this.stepWork(t0 + 2);
    if (p.pending) this.pump();
    else this.claims.flush();
    this.o.stats.mutationBatches++;
    measure('ajar:mutation', t0, performance.now() - t0, { records: recs.length, added, overflow });
  }

  scrollToClaim(id: string): boolean {
    return this.claims.scrollTo(id);
  }

  snapshot() {
    return {
      url: this.key,
      site: this.o.detector.id,
      pageModel: this.ctx.pipeline.pageModel,
      claims: this.claims.list(),
      badges: this.ctx.badges.size,
    };
  }
}
