/**
 * The in-page runtime: follows the page (one MutationObserver, debounced; popstate) and runs one
 * ScanSession per page address. Client-side navigation ends the old session (its AbortController stops
 * everything it started) and starts a new one. DOM and extension-free: the entrypoint passes in messaging,
 * the detector lookup and the badge factory.
 */
import { pageKey } from '@/lib/scan/page';
import { BADGE_TAG_UPPER } from '@/lib/scan/dom';
import type { SiteDetector } from '@/lib/sites/types';
import type { BadgeData, BadgeHandle, BadgeTheme } from './badge/Badge';
import type { RuntimeStats, Send } from './context';
import { Debounce } from './scheduler';
import { ScanSession } from './session';

export type { RuntimeRequest, Send } from './context';

const MAX_PENDING_RECORDS = 5_000;

export interface RuntimeOptions {
  doc: Document;
  /** The detector for a URL (null: not scanned). */
  detectorFor(url: URL): SiteDetector | null;
  send: Send;
  badge(data: BadgeData, theme: BadgeTheme): BadgeHandle;
  /** 'openwashing': claim badges only for openwashing claims (settings). */
  density?: 'all' | 'openwashing';
  /** Slice length for idle work, ms (default 6). */
  sliceMs?: number;
  /** Mutation debounce, ms (default 120). */
  debounceMs?: number;
  /** The page's address (default: the document's location). */
  href?: () => string;
}

export class PageRuntime {
  private ac: AbortController | null = null;
  private session: ScanSession | null = null;
  private key = '';
  private records: MutationRecord[] = [];
  private overflow = false;
  private debounce: Debounce | null = null;
  /** Counters for tests and the bench, over every page of this runtime. */
  readonly stats: RuntimeStats = {
    nodes: 0,
    candidates: 0,
    blocks: 0,
    claimsSent: 0,
    labelRequests: 0,
    mutationBatches: 0,
  };

  constructor(private readonly o: RuntimeOptions) {}

  private href(): string {
    return this.o.href ? this.o.href() : (this.o.doc.defaultView?.location.href ?? this.o.doc.URL);
  }

  /** Starts on the current page: page-start, the first scan in idle time, then follows changes. */
  start(): void {
    if (this.ac) return;
    const ac = (this.ac = new AbortController());
    this.debounce = new Debounce(ac.signal, this.o.debounceMs ?? 120, () => this.flush());
    const mo = new MutationObserver((recs) => this.onMutations(recs));
    mo.observe(this.o.doc.documentElement, { childList: true, subtree: true, characterData: true });
    ac.signal.addEventListener('abort', () => mo.disconnect(), { once: true });
    this.o.doc.defaultView?.addEventListener('popstate', () => this.checkNavigation(), { signal: ac.signal });
    this.begin();
  }

  /** Removes every badge and highlight and stops observing. */
  stop(): void {
    this.ac?.abort();
    this.ac = null;
    this.session?.end();
    this.session = null;
    this.records = [];
    this.overflow = false;
  }

  private begin(): void {
    const href = this.href();
    this.key = pageKey(href);
    let url: URL;
    try {
      url = new URL(href);
    } catch {
      return;
    }
    const detector = this.o.detectorFor(url);
    if (!detector) return;
    this.session = new ScanSession({
      doc: this.o.doc,
      url,
      detector,
      send: this.o.send,
      badge: this.o.badge,
      density: this.o.density ?? 'all',
      sliceMs: this.o.sliceMs ?? 6,
      stats: this.stats,
    });
    this.session.start();
  }

  /** A new address (pushState, popstate): the old page's session ends, a new one starts. */
  private checkNavigation(): boolean {
    if (!this.ac || pageKey(this.href()) === this.key) return false;
    this.session?.end();
    this.session = null;
    this.records = [];
    this.overflow = false;
    this.begin();
    return true;
  }

  private onMutations(all: MutationRecord[]): void {
    if (!this.ac) return;
    // Our own badges going in are not page changes.
    const recs = all.filter(
      (r) =>
        r.removedNodes.length > 0 ||
        r.type !== 'childList' ||
        [...r.addedNodes].some((n) => n.nodeName !== BADGE_TAG_UPPER),
    );
    if (!recs.length) return;
    if (this.records.length + recs.length > MAX_PENDING_RECORDS) {
      this.overflow = true;
      this.records = [];
    } else if (!this.overflow) this.records.push(...recs);
    this.debounce?.touch();
  }

  private flush(): void {
    if (this.checkNavigation()) return;
    const recs = this.records;
    const overflow = this.overflow;
    this.records = [];
    this.overflow = false;
    this.session?.mutations(recs, overflow);
  }

  /** Scrolls to a claim's first place on the page and highlights it briefly; false if it is not there. */
  scrollToClaim(id: string): boolean {
    return this.session?.scrollToClaim(id) ?? false;
  }

  /** What the runtime holds, for tests. */
  snapshot() {
    return this.session?.snapshot() ?? { url: this.key, site: null, pageModel: null, claims: [], badges: 0 };
  }
}
