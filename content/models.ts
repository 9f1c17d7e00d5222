/**
 * Model badges: the page model's header badge, and compact badges on listing cards and Hub links. A card
 * or link gets its badge only once it comes into view (IntersectionObserver); labels are asked for in
 * batches ('model-labels'), each model once.
 */
import type { ModelLabelsRequest } from '@/lib/messages';
import { modelLabelsOf } from '@/lib/message-guards';
import { BADGE_TAG_UPPER } from '@/lib/scan/dom';
import type { BadgeData, BadgeHandle } from './badge/Badge';
import type { SessionContext } from './context';
import { later } from './scheduler';

const LABEL_BATCH = 100;

export interface ModelLabelLite {
  id: string;
  label: BadgeData['label'];
  summary: string;
}

interface ModelEl {
  repoId: string;
  slot: Element;
  kind: 'card' | 'link';
}

export class ModelBadges {
  private readonly labels = new Map<string, ModelLabelLite | null>();
  private readonly waiting = new Map<string, Array<(m: ModelLabelLite) => void>>();
  private readonly wantQueue = new Set<string>();
  private cancelWant: (() => void) | null = null;
  private readonly modelEls = new WeakMap<Element, ModelEl>();
  private readonly linkBadged = new WeakSet<Element>();
  private readonly io: IntersectionObserver;
  private header: BadgeHandle | null = null;

  constructor(private readonly s: SessionContext) {
    this.io = new IntersectionObserver((entries) => this.onIntersect(entries), { rootMargin: '100px 0px' });
    s.signal.addEventListener('abort', () => this.io.disconnect(), { once: true });
  }

  /** The header badge after the page model's title, if the detector has a slot and it is not there. */
  placeHeader(): void {
    const p = this.s.pipeline;
    const model = p.pageModel;
    if (!model || this.header?.host.isConnected) return;
    const slot = p.titleSlot();
    if (!slot) return;
    this.want(model, (m) => {
      if (this.header?.host.isConnected || !slot.isConnected || p.pageModel !== model) return;
      const badge = this.s.badge({
        variant: 'header',
        label: m.label,
        model: m.id,
        reason: m.summary,
        openwashing: false,
        severity: 'none',
      });
      badge.host.setAttribute('data-page-model', 'true');
      slot.parentNode?.insertBefore(badge.host, slot.nextSibling);
      this.header = badge;
      this.s.badges.add(badge);
    });
  }

  /**
   * Listing cards and Hub links under `root`, observed for visibility only: a card's repo id and badge slot
   * are read when it first comes into view (a listing of 2,000 cards costs one querySelectorAll up front).
   */
  find(root: Node): void {
    const p = this.s.pipeline;
    for (const el of p.newCards(root)) this.io.observe(el);
    for (const l of p.newModelLinks(root)) {
      this.modelEls.set(l.el, { repoId: l.repoId, slot: l.el, kind: 'link' });
      this.io.observe(l.el);
    }
  }

  private onIntersect(entries: IntersectionObserverEntry[]): void {
    if (this.s.signal.aborted) return;
    for (const e of entries) {
      if (!e.isIntersecting) continue;
      this.io.unobserve(e.target);
      const el = e.target;
      let info = this.modelEls.get(el);
      if (!info) {
        const card = this.s.pipeline.card(el);
        if (!card) continue;
        info = { repoId: card.repoId, slot: card.slot, kind: 'card' };
        this.modelEls.set(el, info);
      }
      const found = info;
      this.want(found.repoId, (m) => this.s.render.push(() => this.render(el, found, m)));
    }
  }

  private render(el: Element, info: ModelEl, m: ModelLabelLite): void {
    if (!el.isConnected || !info.slot.isConnected) return;
    if (info.kind === 'card') {
      if ([...info.slot.children].some((c) => c.tagName === BADGE_TAG_UPPER)) return;
    } else if (this.linkBadged.has(info.slot)) return;
    const badge = this.s.badge({
      variant: 'compact',
      label: m.label,
      model: m.id,
      reason: m.summary,
      openwashing: false,
      severity: 'none',
    });
    badge.host.setAttribute('data-card', info.kind);
    if (info.kind === 'card') info.slot.appendChild(badge.host);
    else {
      info.slot.parentNode?.insertBefore(badge.host, info.slot.nextSibling);
      this.linkBadged.add(info.slot);
    }
    this.s.badges.add(badge);
  }

  /** Calls `cb` with the model's label once known; ids are batched into one 'model-labels' request. */
  private want(id: string, cb: (m: ModelLabelLite) => void): void {
    const key = id.toLowerCase();
    const known = this.labels.get(key);
    if (known) {
      cb(known);
      return;
    }
    const list = this.waiting.get(key);
    if (list) list.push(cb);
    else this.waiting.set(key, [cb]);
    if (known === null) return; // in flight
    this.labels.set(key, null);
    this.wantQueue.add(id);
    if (this.wantQueue.size >= LABEL_BATCH) this.flush();
    else this.cancelWant ??= later(this.s.signal, 40, () => this.flush());
  }

  private flush(): void {
    this.cancelWant?.();
    this.cancelWant = null;
    if (!this.wantQueue.size) return;
    const ids = [...this.wantQueue].slice(0, LABEL_BATCH);
    for (const id of ids) this.wantQueue.delete(id);
    if (this.wantQueue.size) this.cancelWant = later(this.s.signal, 0, () => this.flush());
    const { signal, url } = this.s;
    const pageModel = this.s.pipeline.pageModel;
    this.s.stats.labelRequests++;
    const msg: ModelLabelsRequest = { type: 'model-labels', url, ids };
    if (pageModel && ids.includes(pageModel)) msg.pageModel = pageModel;
    // Unanswered ids may be asked again later.
    const release = () => {
      for (const id of ids) if (this.labels.get(id.toLowerCase()) === null) this.labels.delete(id.toLowerCase());
    };
    void this.s
      .send(msg)
      .then((reply) => {
        if (signal.aborted) return;
        for (const m of modelLabelsOf(reply)) {
          const key = m.query.toLowerCase();
          this.labels.set(key, m);
          const cbs = this.waiting.get(key) ?? [];
          this.waiting.delete(key);
          for (const cb of cbs) cb(m);
        }
        release();
      })
      .catch(release);
  }

  /** Whether the header badge is missing (re-placed after late content or a re-render). */
  get headerMissing(): boolean {
    return !this.header?.host.isConnected;
  }
}
