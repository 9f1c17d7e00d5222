/**
 * The page scanner behind the content script: finds claims and model cards/links with the site's
 * detector, asks the background (through `send`) for judgements and labels, and places badges.
 * DOM only, no browser.* calls: the entrypoint passes in messaging, the detector and the badge factory.
 *
 * Performance rules (see README, "Performance"):
 * - Work runs in idle time, in slices of a few milliseconds; the first scan's main-thread time is
 *   published as the performance measure `ajar:first-scan`, each mutation batch's as `ajar:mutation`.
 * - The walk is one TreeWalker over text nodes with one cheap regex (CLAIM_PREFILTER) per node; only
 *   the rare text that passes is looked at further (its block's text, the claim detector).
 * - Reads and writes are separated: scanning reads (textContent, no layout), badges are written in one
 *   animation frame per answer. No innerHTML; page text reaches badges only as text.
 * - Client-side navigation and late content: one MutationObserver, debounced; only added or changed
 *   subtrees are scanned; blocks whose text did not change are never analysed again.
 * - Listings: a card gets a badge only once it comes into view (IntersectionObserver); labels are asked
 *   for in batches, each model once.
 */
import type { ClaimContext, DetectedClaim, JudgedClaim } from '../claims/types';
import type {
  JudgeClaimsRequest,
  ModelLabelsRequest,
  OpenDetailsRequest,
  PageStartRequest,
} from '../messages';
import type { BadgeData, BadgeHandle, BadgeTheme } from '../../components/Badge';
import type { SiteDetector } from './types';
import { repoIdOfHref } from './hub-links';
import { judgedClaimsOf, modelLabelsOf } from '../message-guards';

export type ScannerRequest = PageStartRequest | JudgeClaimsRequest | ModelLabelsRequest | OpenDetailsRequest;

export interface ScannerOptions {
  doc: Document;
  /** The detector for a URL (null: not scanned). */
  detectorFor(url: URL): SiteDetector | null;
  detect(text: string): DetectedClaim[];
  prefilter: RegExp;
  send(msg: ScannerRequest): Promise<unknown>;
  badge(data: BadgeData, theme: BadgeTheme): BadgeHandle;
  /** 'openwashing': claim badges only for openwashing claims (settings). */
  density?: 'all' | 'openwashing';
  /** Slice length for idle work, ms (default 6). */
  sliceMs?: number;
  /** Mutation debounce, ms (default 120). */
  debounceMs?: number;
}

interface ModelLabelLite {
  id: string;
  label: BadgeData['label'];
  summary: string;
}

interface Occurrence {
  block: Element;
  range: Range;
  /** The badge goes right after this node. */
  after: Node;
  badge?: BadgeHandle;
}

interface ClaimEntry {
  ctx: ClaimContext;
  occ: Occurrence[];
  judged?: JudgedClaim;
}

/** Elements that start a new block of text: a claim's paragraph is its nearest one of these. */
const BLOCK_TAGS = new Set([
  'P', 'LI', 'TD', 'TH', 'DD', 'DT', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'FIGCAPTION', 'CAPTION',
  'SUMMARY', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'BODY', 'HEADER', 'FOOTER', 'ASIDE', 'FORM', 'FIELDSET',
  'DETAILS', 'TABLE', 'TR', 'UL', 'OL', 'DL', 'ADDRESS', 'LEGEND', 'HGROUP', 'FIGURE', 'DIALOG',
]);
const MAX_BLOCK_TEXT = 20_000;
const MAX_PARAGRAPH = 4_000;
const MAX_SENTENCE = 1_000;
const CLAIM_BATCH = 50;
const LABEL_BATCH = 100;
const MAX_CLAIMS = 300;
const MAX_PENDING_RECORDS = 5_000;
const BADGE_TAG = 'AJAR-BADGE';

/** FNV-1a, 32 bits, as 8 hex digits: stable claim ids across rescans and reloads. */
export function hashId(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

export const pageKey = (href: string) => href.split('#', 1)[0]!;

/** Light or dark, from the page: a dark-mode class or attribute, else the luminance of its background. */
export function pageTheme(doc: Document): BadgeTheme {
  const html = doc.documentElement;
  if (html.classList.contains('dark') || /dark/i.test(html.getAttribute('data-color-mode') ?? '') || /dark/i.test(html.getAttribute('data-theme') ?? '')) {
    return 'dark';
  }
  const win = doc.defaultView;
  for (const el of [doc.body, html]) {
    if (!el || !win) continue;
    const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?/.exec(win.getComputedStyle(el).backgroundColor);
    if (!m || (m[4] !== undefined && Number(m[4]) < 0.5)) continue;
    const [r, g, b] = [m[1], m[2], m[3]].map(Number) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 110 ? 'dark' : 'light';
  }
  return 'light';
}

const SENTENCE_END = /[.!?。！？](?:["'”’»)\]]*)(?=\s|$)|[。！？]/g;

/** [start, end) of the sentence around [from, to) in text: split at . ! ? (and CJK stops) before whitespace. */
export function sentenceSpan(text: string, from: number, to: number): [number, number] {
  let start = 0;
  SENTENCE_END.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SENTENCE_END.exec(text)) && m.index + m[0].length <= from) start = m.index + m[0].length;
  SENTENCE_END.lastIndex = Math.max(to, start);
  m = SENTENCE_END.exec(text);
  const end = m ? m.index + m[0].length : text.length;
  while (start < end && /\s/.test(text[start]!)) start++;
  return [start, end];
}

export class PageScanner {
  private readonly doc: Document;
  private readonly o: ScannerOptions;
  private readonly prefilter: RegExp;
  private detector: SiteDetector | null = null;
  private url = '';
  private pageModel: string | null = null;
  private theme: BadgeTheme = 'light';
  private skip = '';

  // Claims
  private processed = new WeakMap<Element, string>();
  private blockOcc = new Map<Element, Occurrence[]>();
  private claims = new Map<string, ClaimEntry>();
  private toSend = new Set<string>();
  private sendTimer: ReturnType<typeof setTimeout> | null = null;

  // Models: cards, links and the page's model
  private labels = new Map<string, ModelLabelLite | null>();
  private waiting = new Map<string, Array<(m: ModelLabelLite) => void>>();
  private wantQueue = new Set<string>();
  private wantTimer: ReturnType<typeof setTimeout> | null = null;
  private seenModelEls = new WeakSet<Element>();
  private modelEls = new WeakMap<Element, { repoId: string; slot: Element; kind: 'card' | 'link' }>();
  private io: IntersectionObserver | null = null;
  private headerBadge: BadgeHandle | null = null;
  private linkBadged = new WeakSet<Element>();
  private rebadged = new WeakMap<Element, number>();
  /** Claim badges by the node they follow: two claims with the same verdict in one place share one badge. */
  private placeBadges = new WeakMap<Node, string[]>();

  // Badges and highlights
  private badges = new Set<BadgeHandle>();
  private renderQueue: Array<() => void> = [];
  private renderScheduled = false;
  private highlights: { ow?: Highlight; med?: Highlight; focus?: Highlight } = {};
  private fallbackMarks: HTMLElement[] = [];

  // Work queue and timing
  private jobs: Array<{ walker: TreeWalker }> = [];
  private lastBlock: Element | null = null;
  private detectCache = new Map<string, DetectedClaim[]>();
  /** Where the first scan's time goes (ms), published in the ajar:first-scan measure's detail. */
  readonly prof = { setup: 0, blockText: 0, detect: 0, visibility: 0, claims: 0 };
  private pumping = false;
  private firstScan: { start: number; busy: number; done: boolean; nodes: number; candidates: number; blocks: number } | null = null;
  private mo: MutationObserver | null = null;
  private records: MutationRecord[] = [];
  private overflow = false;
  private moTimer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;
  /** Counters for tests and the bench (also in the performance measures' detail). */
  readonly stats = { nodes: 0, candidates: 0, blocks: 0, claimsSent: 0, labelRequests: 0, mutationBatches: 0 };

  constructor(opts: ScannerOptions) {
    this.o = opts;
    this.doc = opts.doc;
    this.prefilter = new RegExp(opts.prefilter.source, opts.prefilter.flags.replace(/[gy]/g, ''));
  }

  /** Starts on the current page: page-start, the first scan in idle time, then follows changes. */
  start(): void {
    this.stopped = false;
    this.theme = pageTheme(this.doc);
    this.beginPage();
    this.mo = new MutationObserver((recs) => this.onMutations(recs));
    this.mo.observe(this.doc.documentElement, { childList: true, subtree: true, characterData: true });
    this.doc.defaultView?.addEventListener('popstate', this.onPopState);
  }

  /** Removes every badge and highlight and stops observing. */
  stop(): void {
    this.stopped = true;
    this.mo?.disconnect();
    this.doc.defaultView?.removeEventListener('popstate', this.onPopState);
    if (this.moTimer) clearTimeout(this.moTimer);
    this.clearPage();
  }

  private onPopState = () => this.checkNavigation();

  private get win(): Window {
    return this.doc.defaultView!;
  }

  private beginPage(): void {
    const href = this.win.location.href;
    this.url = pageKey(href);
    let u: URL;
    try {
      u = new URL(href);
    } catch {
      return;
    }
    this.detector = this.o.detectorFor(u);
    if (!this.detector) return;
    this.skip = this.detector.skipSelector;
    this.pageModel = this.detector.pageModel(this.doc, u);
    void this.o.send({ type: 'page-start', url: this.url, site: this.detector.id, pageModel: this.pageModel }).catch(() => undefined);
    this.io = new IntersectionObserver((entries) => this.onIntersect(entries), { rootMargin: '100px 0px' });
    this.firstScan = { start: performance.now(), busy: 0, done: false, nodes: 0, candidates: 0, blocks: 0 };
    const t0 = performance.now();
    this.timed(() => {
      this.placeHeader(u);
      for (const root of this.detector!.claimRoots(this.doc, u)) this.enqueue(root);
      this.findModels(this.doc, u);
    });
    this.prof.setup += performance.now() - t0;
    this.pump();
  }

  private clearPage(): void {
    for (const b of this.badges) b.remove();
    this.badges.clear();
    this.headerBadge = null;
    for (const m of this.fallbackMarks) m.replaceWith(...m.childNodes);
    this.fallbackMarks = [];
    this.highlights.ow?.clear();
    this.highlights.med?.clear();
    this.highlights.focus?.clear();
    this.io?.disconnect();
    this.io = null;
    this.processed = new WeakMap();
    this.blockOcc.clear();
    this.claims.clear();
    this.toSend.clear();
    this.seenModelEls = new WeakSet();
    this.modelEls = new WeakMap();
    this.linkBadged = new WeakSet();
    this.placeBadges = new WeakMap();
    this.wantQueue.clear();
    this.waiting.clear();
    this.jobs = [];
    this.renderQueue = [];
    this.records = [];
    this.overflow = false;
  }

  private checkNavigation(): boolean {
    if (this.stopped || pageKey(this.win.location.href) === this.url) return false;
    this.clearPage();
    this.beginPage();
    return true;
  }

  // ---------------------------------------------------------------------------------------------
  // Work queue: walks run in idle slices

  private enqueue(root: Node): void {
    this.lastBlock = null;
    this.jobs.push({ walker: this.doc.createTreeWalker(root, NodeFilter.SHOW_TEXT) });
  }

  private timed(fn: () => void): void {
    const t0 = performance.now();
    fn();
    if (this.firstScan && !this.firstScan.done) this.firstScan.busy += performance.now() - t0;
  }

  private pump(): void {
    if (this.pumping || this.stopped) return;
    this.pumping = true;
    const ric: (cb: (d?: IdleDeadline) => void) => void =
      typeof this.win.requestIdleCallback === 'function'
        ? (cb) => this.win.requestIdleCallback(cb, { timeout: 500 })
        : (cb) => setTimeout(cb, 1);
    const step = (deadline?: IdleDeadline) => {
      if (this.stopped) {
        this.pumping = false;
        return;
      }
      const t0 = performance.now();
      const budget = Math.max(2, Math.min(this.o.sliceMs ?? 6, deadline?.timeRemaining() ?? 6));
      this.work(t0 + budget);
      const t1 = performance.now();
      if (this.firstScan && !this.firstScan.done) this.firstScan.busy += t1 - t0;
      if (this.jobs.length) {
        ric(step);
        return;
      }
      this.pumping = false;
      this.flushClaims();
      this.finishFirstScan(t1);
    };
    ric(step);
  }

  private finishFirstScan(end: number): void {
    const f = this.firstScan;
    if (!f || f.done) return;
    f.done = true;
    const r = (x: number) => Math.round(x * 100) / 100;
    const p = this.prof;
    const detail = {
      nodes: f.nodes, candidates: f.candidates, blocks: f.blocks, claims: this.claims.size, site: this.detector?.id,
      ms: { setup: r(p.setup), blockText: r(p.blockText), detect: r(p.detect), visibility: r(p.visibility), claims: r(p.claims) },
    };
    try {
      performance.measure('ajar:first-scan', { start: f.start, duration: f.busy, detail });
      performance.measure('ajar:first-scan-wall', { start: f.start, end, detail });
    } catch {
      /* measure with options is missing in very old browsers */
    }
  }

  /** Walks queued jobs until `until` (performance.now() time). */
  private work(until: number): void {
    const pre = this.prefilter;
    let n = 0;
    while (this.jobs.length) {
      const job = this.jobs[0]!;
      let t: Node | null;
      while ((t = job.walker.nextNode())) {
        n++;
        if (pre.test((t as Text).data)) this.candidate(t as Text);
        if ((n & 127) === 0 && performance.now() > until) {
          this.count(n);
          return;
        }
      }
      this.jobs.shift();
    }
    this.count(n);
  }

  private count(n: number): void {
    this.stats.nodes += n;
    if (this.firstScan && !this.firstScan.done) this.firstScan.nodes += n;
  }

  // ---------------------------------------------------------------------------------------------
  // Claims

  private blockOf(node: Node): Element {
    let el = node.parentElement;
    while (el && !BLOCK_TAGS.has(el.tagName)) el = el.parentElement;
    return el ?? this.doc.body;
  }

  private candidate(t: Text): void {
    this.stats.candidates++;
    if (this.firstScan && !this.firstScan.done) this.firstScan.candidates++;
    const parent = t.parentElement;
    if (!parent || parent.closest(this.skip)) return;
    const block = this.blockOf(t);
    // Consecutive matches in one block (several text nodes of a paragraph) analyse it once.
    if (block === this.lastBlock || this.claims.size >= MAX_CLAIMS) return;
    this.lastBlock = block;
    this.analyse(block);
  }

  /** The block's own text (not its nested blocks' nor skipped parts) with each text node's offset. */
  private blockText(block: Element): { text: string; segs: Array<{ node: Text; start: number }> } {
    const segs: Array<{ node: Text; start: number }> = [];
    const skip = this.skip;
    const walker = this.doc.createTreeWalker(block, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode(n) {
        if (n.nodeType === 3) return NodeFilter.FILTER_ACCEPT;
        const el = n as Element;
        if (el.tagName === BADGE_TAG) return NodeFilter.FILTER_REJECT;
        if (BLOCK_TAGS.has(el.tagName) || el.matches(skip)) return NodeFilter.FILTER_REJECT;
        return NodeFilter.FILTER_SKIP;
      },
    });
    let text = '';
    let t: Node | null;
    while ((t = walker.nextNode()) && text.length < MAX_BLOCK_TEXT) {
      segs.push({ node: t as Text, start: text.length });
      text += (t as Text).data;
    }
    return { text, segs };
  }

  /** The detector's answer for a text; repeated texts (re-renders, duplicated mobile/desktop copies) are not re-read. */
  private detect(text: string): DetectedClaim[] {
    const hit = this.detectCache.get(text);
    if (hit) return hit;
    const found = this.o.detect(text);
    if (this.detectCache.size >= 500) this.detectCache.delete(this.detectCache.keys().next().value!);
    this.detectCache.set(text, found);
    return found;
  }

  private analyse(block: Element): void {
    const prof = this.firstScan && !this.firstScan.done ? this.prof : null;
    let t = prof ? performance.now() : 0;
    const lap = (k: keyof PageScanner['prof']) => {
      if (!prof) return;
      const now = performance.now();
      prof[k] += now - t;
      t = now;
    };
    const { text, segs } = this.blockText(block);
    lap('blockText');
    if (this.processed.get(block) === text) return;
    this.processed.set(block, text);
    this.stats.blocks++;
    if (this.firstScan && !this.firstScan.done) this.firstScan.blocks++;
    // A block that already shows claims stays visible when its text changes (attributes are not observed, so a
    // style change would not bring it here either): checkVisibility() on a just-mutated page forces a style
    // recalculation of the whole page, several ms on a long article.
    const shown = this.blockOcc.has(block);
    this.dropBlock(block);
    if (!this.prefilter.test(text)) return;
    const found = this.detect(text);
    lap('detect');
    if (!found.length) return;
    const visible = shown || typeof block.checkVisibility !== 'function' || block.checkVisibility();
    lap('visibility');
    if (!visible) return;

    // Hub links in the block, by their offset in the block's text.
    const offsetOf = new Map<Node, number>();
    for (const s of segs) offsetOf.set(s.node, s.start);
    const links: Array<{ at: number; id: string }> = [];
    for (const a of block.querySelectorAll('a[href]')) {
      const id = repoIdOfHref(a.getAttribute('href'), this.doc.baseURI);
      if (!id) continue;
      const first = this.doc.createTreeWalker(a, NodeFilter.SHOW_TEXT).nextNode();
      links.push({ at: first ? (offsetOf.get(first) ?? -1) : -1, id });
    }
    const uniq = (xs: string[]) => [...new Map(xs.map((x) => [x.toLowerCase(), x])).values()];

    const occs: Occurrence[] = [];
    for (const d of found) {
      let s0: number;
      let s1: number;
      if (d.sentenceStart !== undefined && text.startsWith(d.sentence, d.sentenceStart)) {
        s0 = d.sentenceStart;
        s1 = s0 + d.sentence.length;
      } else [s0, s1] = sentenceSpan(text, d.start, d.end);
      const sentence = (d.sentence || text.slice(s0, s1)).slice(0, MAX_SENTENCE);
      const id = `c${hashId(`${d.phrase.toLowerCase()}|${sentence}`)}`;
      const range = this.rangeOf(segs, s0, s1);
      if (!range) continue;
      let entry = this.claims.get(id);
      if (!entry) {
        if (this.claims.size >= MAX_CLAIMS) break;
        const paraStart = text.length <= MAX_PARAGRAPH ? 0 : Math.max(0, Math.min(s0 - MAX_PARAGRAPH / 2, text.length - MAX_PARAGRAPH));
        // Links nearest to the phrase first: resolution takes the first.
        const near = [...links].sort((a, b) => Math.abs(a.at - d.start) - Math.abs(b.at - d.start));
        entry = {
          ctx: {
            id,
            phrase: d.phrase.slice(0, 200),
            kind: d.kind,
            sentence,
            paragraph: text.slice(paraStart, paraStart + MAX_PARAGRAPH),
            linkedRepos: {
              sentence: uniq(near.filter((l) => l.at >= s0 && l.at < s1).map((l) => l.id)).slice(0, 20),
              paragraph: uniq(near.map((l) => l.id)).slice(0, 50),
            },
            phraseIndex: Math.max(0, d.start - s0),
            sentenceIndex: s0 - paraStart,
          },
          occ: [],
        };
        this.claims.set(id, entry);
        this.toSend.add(id);
      }
      const occ: Occurrence = { block, range, after: this.badgeAnchor(range.endContainer as Text, block) };
      // One badge per claim and place: a sentence with two phrases ("open source ... open-source") gets one.
      if (entry.occ.some((o) => o.block === block && o.range.compareBoundaryPoints(Range.START_TO_START, range) === 0)) continue;
      entry.occ.push(occ);
      occs.push(occ);
      if (entry.judged) this.queueRender(() => this.renderClaim(entry!, occ));
    }
    lap('claims');
    if (occs.length) this.blockOcc.set(block, occs);
    if (this.toSend.size >= CLAIM_BATCH) this.flushClaims();
  }

  /** Where a claim's badge goes: after the text node that ends its sentence, outside inline wrappers it ends. */
  private badgeAnchor(t: Text, block: Element): Node {
    let n: Node = t;
    while (n.parentNode && n.parentNode !== block && !n.nextSibling && n.parentElement && !BLOCK_TAGS.has(n.parentElement.tagName)) {
      n = n.parentNode;
    }
    // Never inside a link: the badge would be part of it.
    const a = (n.parentElement ?? block).closest('a');
    if (a && block.contains(a) && a !== block) n = a;
    return n;
  }

  private rangeOf(segs: Array<{ node: Text; start: number }>, from: number, to: number): Range | null {
    const find = (off: number, end: boolean) => {
      let lo = 0;
      let hi = segs.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (segs[mid]!.start < off || (!end && segs[mid]!.start === off)) lo = mid;
        else hi = mid - 1;
      }
      const s = segs[lo];
      return s ? { node: s.node, off: Math.min(s.node.data.length, Math.max(0, off - s.start)) } : null;
    };
    const a = find(from, false);
    const b = find(to, true);
    if (!a || !b) return null;
    const r = this.doc.createRange();
    r.setStart(a.node, a.off);
    r.setEnd(b.node, b.off);
    return r;
  }

  /** A block's text changed: its old claim places go (badges, underlines). */
  private dropBlock(block: Element): void {
    const old = this.blockOcc.get(block);
    if (!old) return;
    this.blockOcc.delete(block);
    for (const o of old) {
      this.placeBadges.delete(o.after);
      if (o.badge) {
        o.badge.remove();
        this.badges.delete(o.badge);
      }
      this.highlights.ow?.delete(o.range);
      this.highlights.med?.delete(o.range);
      for (const e of this.claims.values()) e.occ = e.occ.filter((x) => x !== o);
    }
  }

  private flushClaims(): void {
    if (this.sendTimer) clearTimeout(this.sendTimer);
    this.sendTimer = null;
    if (!this.toSend.size || !this.detector) return;
    const ids = [...this.toSend];
    this.toSend.clear();
    const url = this.url;
    for (let i = 0; i < ids.length; i += CLAIM_BATCH) {
      const batch = ids.slice(i, i + CLAIM_BATCH).map((id) => this.claims.get(id)!.ctx);
      this.stats.claimsSent += batch.length;
      const msg: JudgeClaimsRequest = { type: 'judge-claims', url, pageModel: this.pageModel, claims: batch };
      void this.o
        .send(msg)
        .then((reply) => {
          if (url !== this.url || this.stopped) return;
          // Checked field by field (lib/message-guards.ts); malformed entries are dropped.
          for (const j of judgedClaimsOf(reply)) {
            const entry = this.claims.get(j.id);
            if (!entry) continue;
            entry.judged = j;
            for (const occ of entry.occ) this.queueRender(() => this.renderClaim(entry, occ));
          }
        })
        .catch(() => undefined);
    }
  }

  private renderClaim(entry: ClaimEntry, occ: Occurrence): void {
    const j = entry.judged;
    if (!j || occ.badge || !occ.after.isConnected || !entry.occ.includes(occ)) return;
    if (this.o.density === 'openwashing' && !j.openwashing) return;
    const sig = `${j.model}|${j.label}|${j.openwashing}|${j.severity}`;
    const here = this.placeBadges.get(occ.after) ?? [];
    if (here.includes(sig)) {
      if (j.openwashing) this.underline(occ.range, j.severity === 'medium' ? 'med' : 'ow');
      return;
    }
    here.push(sig);
    this.placeBadges.set(occ.after, here);
    const badge = this.o.badge(
      { variant: 'claim', label: j.label, model: j.model, reason: j.reason, openwashing: j.openwashing, severity: j.severity, kind: j.kind, claimId: entry.ctx.id, claimText: entry.ctx.sentence },
      this.theme,
    );
    badge.host.setAttribute('data-claim', entry.ctx.id);
    occ.after.parentNode!.insertBefore(badge.host, occ.after.nextSibling);
    occ.badge = badge;
    this.badges.add(badge);
    if (j.openwashing) this.underline(occ.range, j.severity === 'medium' ? 'med' : 'ow');
  }

  private underline(range: Range, kind: 'ow' | 'med'): void {
    const H = (globalThis as { Highlight?: typeof Highlight }).Highlight;
    const reg = (globalThis as { CSS?: { highlights?: HighlightRegistry } }).CSS?.highlights;
    if (H && reg) {
      try {
        if (!this.highlights[kind]) {
          this.highlights[kind] = new H();
          reg.set(kind === 'ow' ? 'ajar-openwashing' : 'ajar-unverified', this.highlights[kind]!);
          ensureHighlightStyles(this.doc);
        }
        this.highlights[kind]!.add(range);
        return;
      } catch {
        /* fall through to the span */
      }
    }
    // Fallback (no Highlight API): an underline span around the sentence's text node, only where the sentence
    // is that whole node, so no page text node is ever split (frameworks keep references to them).
    const t = range.startContainer;
    if (t !== range.endContainer || t.nodeType !== 3 || range.startOffset !== 0 || range.endOffset !== (t as Text).data.trimEnd().length && range.endOffset !== (t as Text).data.length) return;
    const span = this.doc.createElement('span');
    span.setAttribute('data-ajar-underline', kind);
    span.setAttribute('style', `text-decoration:underline ${kind === 'ow' ? 'wavy #c0262d' : 'dotted #b35c00'};text-decoration-thickness:1px;text-underline-offset:3px`);
    t.parentNode?.insertBefore(span, t);
    span.appendChild(t);
    this.fallbackMarks.push(span);
  }

  // ---------------------------------------------------------------------------------------------
  // Models: the page's model, listing cards, Hub links

  private placeHeader(u: URL): void {
    const slot = this.detector?.titleSlot?.(this.doc, u);
    const model = this.pageModel;
    if (!slot || !model) return;
    this.want(model, (m) => {
      if (this.headerBadge?.host.isConnected || !slot.isConnected || this.pageModel !== model) return;
      const badge = this.o.badge({ variant: 'header', label: m.label, model: m.id, reason: m.summary, openwashing: false, severity: 'none' }, this.theme);
      badge.host.setAttribute('data-page-model', 'true');
      slot.parentNode?.insertBefore(badge.host, slot.nextSibling);
      this.headerBadge = badge;
      this.badges.add(badge);
    });
  }

  /**
   * Listing cards and Hub links under `root`: observed for visibility only. A card's repo id and badge slot
   * are read when it first comes into view (a listing of 2,000 cards costs one querySelectorAll up front).
   */
  private findModels(root: ParentNode, u: URL, roots?: Element[]): void {
    const d = this.detector!;
    const sel = d.cardSelector?.(u);
    if (sel) {
      if (root instanceof Element && root.matches(sel)) this.observeCard(root);
      for (const el of root.querySelectorAll(sel)) this.observeCard(el);
    }
    if (d.badgeModelLinks) {
      const rs = roots ?? d.claimRoots(this.doc, u);
      const inRoots = (el: Element) => rs.some((r) => r.contains(el));
      const anchors = root.querySelectorAll<HTMLAnchorElement>('a[href*="huggingface.co/"],a[href*="hf.co/"]');
      const list = root instanceof HTMLAnchorElement ? [root, ...anchors] : [...anchors];
      for (const a of list) {
        if (this.seenModelEls.has(a) || !inRoots(a) || a.closest(this.skip)) continue;
        const id = repoIdOfHref(a.getAttribute('href'), this.doc.baseURI);
        if (!id) continue;
        this.seenModelEls.add(a);
        this.modelEls.set(a, { repoId: id, slot: a, kind: 'link' });
        this.io?.observe(a);
      }
    }
  }

  private observeCard(el: Element): void {
    if (this.seenModelEls.has(el)) return;
    this.seenModelEls.add(el);
    this.io?.observe(el);
  }

  private onIntersect(entries: IntersectionObserverEntry[]): void {
    let u: URL | null = null;
    for (const e of entries) {
      if (!e.isIntersecting) continue;
      this.io?.unobserve(e.target);
      const el = e.target;
      let info = this.modelEls.get(el);
      if (!info && this.detector?.modelCards) {
        u ??= new URL(this.win.location.href);
        const card = this.detector.modelCards(el, u).find((c) => c.el === el);
        if (card) {
          info = { repoId: card.repoId, slot: card.slot, kind: 'card' };
          this.modelEls.set(el, info);
        }
      }
      if (!info) continue;
      const found = info;
      this.want(found.repoId, (m) => this.queueRender(() => this.renderModel(el, found, m)));
    }
  }

  private renderModel(el: Element, info: { slot: Element; kind: 'card' | 'link' }, m: ModelLabelLite): void {
    if (!el.isConnected || !info.slot.isConnected) return;
    if (info.kind === 'card') {
      if ([...info.slot.children].some((c) => c.tagName === BADGE_TAG)) return;
    } else if (this.linkBadged.has(info.slot)) return;
    const badge = this.o.badge({ variant: 'compact', label: m.label, model: m.id, reason: m.summary, openwashing: false, severity: 'none' }, this.theme);
    badge.host.setAttribute('data-card', info.kind);
    if (info.kind === 'card') info.slot.appendChild(badge.host);
    else {
      info.slot.parentNode?.insertBefore(badge.host, info.slot.nextSibling);
      this.linkBadged.add(info.slot);
    }
    this.badges.add(badge);
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
    if (this.wantQueue.size >= LABEL_BATCH) this.flushWants();
    else this.wantTimer ??= setTimeout(() => this.flushWants(), 40);
  }

  private flushWants(): void {
    if (this.wantTimer) clearTimeout(this.wantTimer);
    this.wantTimer = null;
    if (!this.wantQueue.size) return;
    const ids = [...this.wantQueue].slice(0, LABEL_BATCH);
    for (const id of ids) this.wantQueue.delete(id);
    if (this.wantQueue.size) this.wantTimer = setTimeout(() => this.flushWants(), 0);
    const url = this.url;
    this.stats.labelRequests++;
    const msg: ModelLabelsRequest = { type: 'model-labels', url, ids };
    if (this.pageModel && ids.includes(this.pageModel)) msg.pageModel = this.pageModel;
    void this.o
      .send(msg)
      .then((reply) => {
        if (url !== this.url || this.stopped) return;
        for (const m of modelLabelsOf(reply)) {
          const key = m.query.toLowerCase();
          this.labels.set(key, m);
          const cbs = this.waiting.get(key) ?? [];
          this.waiting.delete(key);
          for (const cb of cbs) cb(m);
        }
        // Unanswered ids may be asked again later.
        for (const id of ids) if (this.labels.get(id.toLowerCase()) === null) this.labels.delete(id.toLowerCase());
      })
      .catch(() => {
        for (const id of ids) if (this.labels.get(id.toLowerCase()) === null) this.labels.delete(id.toLowerCase());
      });
  }

  // ---------------------------------------------------------------------------------------------
  // Rendering: writes only, one animation frame per batch

  private queueRender(fn: () => void): void {
    this.renderQueue.push(fn);
    if (this.renderScheduled) return;
    this.renderScheduled = true;
    const raf = typeof this.win.requestAnimationFrame === 'function' ? (cb: () => void) => this.win.requestAnimationFrame(cb) : (cb: () => void) => setTimeout(cb, 16);
    raf(() => {
      this.renderScheduled = false;
      const q = this.renderQueue;
      this.renderQueue = [];
      const t0 = performance.now();
      // Our own insertions are not page changes: take them out of the observer's queue.
      for (const fn of q) fn();
      try {
        performance.measure('ajar:render', { start: t0, duration: performance.now() - t0, detail: { badges: q.length } });
      } catch {
        /* ignore */
      }
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Late content and client-side navigation

  private onMutations(all: MutationRecord[]): void {
    if (this.stopped) return;
    // Our own badges going in are not page changes.
    const recs = all.filter((r) => r.removedNodes.length > 0 || r.type !== 'childList' || [...r.addedNodes].some((n) => n.nodeName !== BADGE_TAG));
    if (!recs.length) return;
    if (this.records.length + recs.length > MAX_PENDING_RECORDS) {
      this.overflow = true;
      this.records = [];
    } else if (!this.overflow) this.records.push(...recs);
    if (this.moTimer) clearTimeout(this.moTimer);
    this.moTimer = setTimeout(() => this.flushMutations(), this.o.debounceMs ?? 120);
  }

  private flushMutations(): void {
    this.moTimer = null;
    if (this.stopped) return;
    const t0 = performance.now();
    if (this.checkNavigation()) return;
    const recs = this.records;
    const overflow = this.overflow;
    this.records = [];
    this.overflow = false;
    if (!this.detector) return;
    let u: URL;
    try {
      u = new URL(this.win.location.href);
    } catch {
      return;
    }
    this.lastBlock = null;
    const roots = this.detector.claimRoots(this.doc, u);
    const cardSel = this.detector.cardSelector?.(u) ?? null;
    let added = 0;

    // Late page model (e.g. a title rendered after load).
    if (!this.pageModel) {
      const pm = this.detector.pageModel(this.doc, u);
      if (pm) {
        this.pageModel = pm;
        this.placeHeader(u);
      }
    } else if (!this.headerBadge?.host.isConnected) this.placeHeader(u);

    if (overflow) {
      for (const r of roots) this.enqueue(r);
      this.findModels(this.doc, u);
    } else {
      const nodes = new Set<Node>();
      const changedBlocks = new Set<Element>();
      for (const rec of recs) {
        if (rec.type === 'characterData') {
          const t = rec.target;
          if (t.isConnected && t.parentElement) changedBlocks.add(this.blockOf(t));
          continue;
        }
        for (const n of rec.addedNodes) {
          if (n.nodeName === BADGE_TAG || !n.isConnected) continue;
          nodes.add(n);
        }
        if (rec.removedNodes.length && rec.target.isConnected && rec.target.nodeType === 1) {
          const block = BLOCK_TAGS.has((rec.target as Element).tagName) ? (rec.target as Element) : this.blockOf(rec.target);
          if (this.blockOcc.has(block) || this.processed.has(block)) changedBlocks.add(block);
        }
      }
      for (const n of nodes) {
        // Only the outermost added nodes: a subtree is walked once.
        let p = n.parentNode;
        let inner = false;
        while (p) {
          if (nodes.has(p)) {
            inner = true;
            break;
          }
          p = p.parentNode;
        }
        if (inner) continue;
        added++;
        if (n.nodeType === 3) {
          if (roots.some((r) => r.contains(n)) && this.prefilter.test((n as Text).data)) this.candidate(n as Text);
          continue;
        }
        if (n.nodeType !== 1) continue;
        const el = n as Element;
        for (const r of roots) {
          if (r.contains(el)) {
            this.enqueue(el);
            break;
          }
          if (el.contains(r)) this.enqueue(r);
        }
        if ((cardSel && (el.matches(cardSel) || el.querySelector(cardSel))) || (this.detector.badgeModelLinks && (el.tagName === 'A' || el.querySelector('a[href]')))) {
          this.findModels(el, u, roots);
        }
      }
      for (const b of changedBlocks) {
        if (!b.isConnected || !roots.some((r) => r.contains(b))) continue;
        // Same text, but the page re-rendered it and dropped our badge or the nodes it followed: place it again
        // (a few times at most, in case a page keeps removing it).
        const occ = this.blockOcc.get(b);
        if (occ?.some((o) => !o.after.isConnected || (o.badge && !o.badge.host.isConnected))) {
          const n = this.rebadged.get(b) ?? 0;
          if (n < 3) {
            this.rebadged.set(b, n + 1);
            this.processed.delete(b);
          }
        }
        this.analyse(b);
      }
    }
    // Small additions are handled now; big ones (a re-rendered page) continue in idle slices.
    this.work(t0 + 2);
    if (this.jobs.length) this.pump();
    else this.flushClaims();
    this.stats.mutationBatches++;
    try {
      performance.measure('ajar:mutation', { start: t0, duration: performance.now() - t0, detail: { records: recs.length, added, overflow } });
    } catch {
      /* ignore */
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Popup requests

  /** Scrolls to a claim's first place on the page and highlights it briefly; false if it is not there. */
  scrollToClaim(id: string): boolean {
    const entry = this.claims.get(id);
    const occ = entry?.occ.find((o) => o.after.isConnected && o.block.isConnected);
    if (!occ) return false;
    const el = occ.badge?.host.isConnected ? occ.badge.host : occ.block;
    el.scrollIntoView({ block: 'center', behavior: 'smooth' });
    const H = (globalThis as { Highlight?: typeof Highlight }).Highlight;
    const reg = (globalThis as { CSS?: { highlights?: HighlightRegistry } }).CSS?.highlights;
    if (H && reg) {
      try {
        this.highlights.focus ??= new H();
        reg.set('ajar-focus', this.highlights.focus);
        ensureHighlightStyles(this.doc);
        this.highlights.focus.clear();
        this.highlights.focus.add(occ.range);
        setTimeout(() => this.highlights.focus?.delete(occ.range), 2500);
      } catch {
        /* no highlight: the scroll is enough */
      }
    }
    occ.badge?.focus();
    return true;
  }

  /** What the scanner holds, for tests. */
  snapshot() {
    return {
      url: this.url,
      site: this.detector?.id ?? null,
      pageModel: this.pageModel,
      claims: [...this.claims.values()].map((e) => ({ ...e.ctx, places: e.occ.length, judged: e.judged })),
      badges: this.badges.size,
    };
  }
}

let highlightStylesFor: Document | null = null;
/** The underline styles for the claim highlights: the only styles Ajar adds to the page itself. */
function ensureHighlightStyles(doc: Document): void {
  if (highlightStylesFor === doc) return;
  highlightStylesFor = doc;
  const text =
    '::highlight(ajar-openwashing){text-decoration:underline wavy #c0262d 1px}' +
    '::highlight(ajar-unverified){text-decoration:underline dotted #b35c00 1px}' +
    '::highlight(ajar-focus){background-color:rgba(255,200,60,.45)}';
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(text);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    return;
  } catch {
    /* Firefox content scripts may not adopt sheets into the page: a <style> then */
  }
  const style = doc.createElement('style');
  style.setAttribute('data-ajar', '');
  style.textContent = text;
  (doc.head ?? doc.documentElement).appendChild(style);
}
