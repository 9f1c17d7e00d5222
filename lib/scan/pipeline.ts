/**
 * The scan pipeline of one page: text nodes under the detector's claim roots -> blocks -> claim contexts,
 * plus the page's model and its Hub model links and cards. Pure and incremental: the content runtime feeds
 * it added subtrees and changed blocks and runs `work()` in idle slices; `scanDocument` (document.ts) runs
 * it to the end at once for `ajar scan` and tests. Both therefore see exactly the same claims and models.
 *
 * Bounded work whatever the page: one cheap regex (CLAIM_PREFILTER) per text node, a block's text read at
 * most once per change (and capped), at most `maxClaims` claims and `maxText` characters analysed, no
 * recursion (TreeWalkers), repeated texts answered from a small cache.
 */
import { CLAIM_PREFILTER, detectClaims } from '../claims/detect';
import type { ClaimContext, DetectedClaim } from '../claims/types';
import type { ModelCard, SiteDetector } from '../sites/types';
import { readBlock, type TextSegment } from './blocks';
import { claimsOfBlock, type BlockClaim } from './claims';
import { ELEMENT_NODE, SHOW_TEXT, TEXT_NODE, blockOf, elementsUnder, hiddenByMarkup, inSkipped } from './dom';
import { blockLinks, modelLinksUnder, type FoundModelLink } from './links';
import { baseOf, claimRootsOf, pageModelOf } from './page';

export const MAX_CLAIMS = 300;
/** Text analysed per page at most: a claim is in prose, not in a 10 MB dump. */
export const MAX_TEXT = 2_000_000;
const DETECT_CACHE = 500;

export interface PipelineOptions {
  doc: Document;
  url: URL;
  detector: SiteDetector;
  /** The claim detector (default lib/claims/detect.ts). */
  detect?: (text: string) => DetectedClaim[];
  /**
   * The runtime's own visibility test for a block with claims (layout: checkVisibility), on top of the
   * markup rules (`hidden`, the skip selector) that hold everywhere.
   */
  visible?: (block: Element) => boolean;
  maxClaims?: number;
  maxText?: number;
}

/** One analysed block whose text changed: its text, text nodes and the claims in it now. */
export interface BlockScan {
  block: Element;
  text: string;
  segs: TextSegment[];
  /** Claims in the block (contexts as first recorded: an id keeps its first context). */
  claims: BlockClaim[];
}

/** Time spent per stage (ms) when a clock is set: the runtime's first-scan profile. */
export interface ScanProfile {
  blockText: number;
  detect: number;
  visibility: number;
  claims: number;
}

type Job = { walker: TreeWalker } | { text: Text };

export class ScanPipeline {
  readonly doc: Document;
  readonly url: URL;
  readonly detector: SiteDetector;
  readonly skip: string;
  readonly base: string;
  roots: Element[];
  pageModel: string | null;
  /** Set by the runtime during its first scan to profile the stages; null: no timing. */
  clock: (() => number) | null = null;
  readonly prof: ScanProfile = { blockText: 0, detect: 0, visibility: 0, claims: 0 };
  readonly stats = { nodes: 0, candidates: 0, blocks: 0 };

  private readonly detect: (text: string) => DetectedClaim[];
  private readonly visible: ((block: Element) => boolean) | null;
  private readonly maxClaims: number;
  private readonly maxText: number;
  private readonly prefilter = new RegExp(CLAIM_PREFILTER.source, CLAIM_PREFILTER.flags.replace(/[gy]/g, ''));
  private readonly claims = new Map<string, ClaimContext>();
  private fresh: ClaimContext[] = [];
  private processed = new WeakMap<Element, string>();
  private readonly detectCache = new Map<string, DetectedClaim[]>();
  private jobs: Job[] = [];
  private lastBlock: Element | null = null;
  private textRead = 0;
  private readonly seenLinks = new WeakSet<Element>();
  private readonly seenCards = new WeakSet<Element>();

  constructor(o: PipelineOptions) {
    this.doc = o.doc;
    this.url = o.url;
    this.detector = o.detector;
    this.skip = o.detector.skipSelector;
    this.detect = o.detect ?? detectClaims;
    this.visible = o.visible ?? null;
    this.maxClaims = o.maxClaims ?? MAX_CLAIMS;
    this.maxText = o.maxText ?? MAX_TEXT;
    this.base = baseOf(o.doc, o.url);
    this.roots = claimRootsOf(o.doc, o.url, o.detector);
    this.pageModel = pageModelOf(o.doc, o.url, o.detector);
  }

  /** Reads the claim roots again, and the page model if there was none (late content); true: a model appeared. */
  refresh(): boolean {
    this.roots = claimRootsOf(this.doc, this.url, this.detector);
    if (this.pageModel) return false;
    this.pageModel = pageModelOf(this.doc, this.url, this.detector);
    return this.pageModel !== null;
  }

  /** The element the page-model badge goes after, if the detector has one. */
  titleSlot(): Element | null {
    try {
      return this.detector.titleSlot?.(this.doc, this.url) ?? null;
    } catch {
      return null;
    }
  }

  get full(): boolean {
    return this.claims.size >= this.maxClaims || this.textRead >= this.maxText;
  }

  inRoots(n: Node): boolean {
    return this.roots.some((r) => r.contains(n));
  }

  // -------------------------------------------------------------------------------------------
  // Work queue

  /** Every claim root, from the start (the first scan, or a page rebuilt past tracking). */
  enqueueRoots(): void {
    for (const r of this.roots) this.enqueue(r);
  }

  /** A subtree to walk; only its parts inside the claim roots count. */
  enqueueAdded(n: Node): void {
    if (n.nodeType === TEXT_NODE) {
      if (this.inRoots(n)) this.jobs.push({ text: n as Text });
      return;
    }
    if (n.nodeType !== ELEMENT_NODE) return;
    for (const r of this.roots) {
      if (r.contains(n)) {
        this.enqueue(n);
        return;
      }
      if (n.contains(r)) this.enqueue(r);
    }
  }

  private enqueue(root: Node): void {
    this.lastBlock = null;
    this.jobs.push({ walker: this.doc.createTreeWalker(root, SHOW_TEXT) });
  }

  get pending(): boolean {
    return this.jobs.length > 0;
  }

  /**
   * Walks queued subtrees until they are done or `stop()` says so (asked every 128 text nodes); returns the
   * blocks whose text changed, with their claims.
   */
  work(stop: () => boolean = () => false): BlockScan[] {
    const out: BlockScan[] = [];
    const pre = this.prefilter;
    let n = 0;
    while (this.jobs.length) {
      const job = this.jobs[0]!;
      if ('text' in job) {
        n++;
        if (pre.test(job.text.data)) this.candidate(job.text, out);
        this.jobs.shift();
        continue;
      }
      let t: Node | null;
      while ((t = job.walker.nextNode())) {
        n++;
        if (pre.test((t as Text).data)) this.candidate(t as Text, out);
        if ((n & 127) === 0 && stop()) {
          this.stats.nodes += n;
          return out;
        }
      }
      this.jobs.shift();
    }
    this.stats.nodes += n;
    return out;
  }

  private candidate(t: Text, out: BlockScan[]): void {
    this.stats.candidates++;
    const parent = t.parentElement;
    if (!parent || inSkipped(parent, this.skip)) return;
    const block = blockOf(t, this.doc);
    // Consecutive matches in one block (several text nodes of a paragraph) analyse it once.
    if (block === this.lastBlock || this.full) return;
    this.lastBlock = block;
    const r = this.analyse(block);
    if (r) out.push(r);
  }

  // -------------------------------------------------------------------------------------------
  // Blocks and claims

  /** Whether the block was analysed before (a change in it is worth a look). */
  seen(block: Element): boolean {
    return this.processed.has(block);
  }

  /** Forgets a block's text, so the next analysis reports it again (the runtime re-places its badges). */
  forget(block: Element): void {
    this.processed.delete(block);
  }

  private lap(k: keyof ScanProfile, t: number): number {
    if (!this.clock) return 0;
    const now = this.clock();
    this.prof[k] += now - t;
    return now;
  }

  /** Analyses one block; null when its text has not changed since the last analysis. */
  analyse(block: Element): BlockScan | null {
    let t = this.clock ? this.clock() : 0;
    const { text, segs } = readBlock(this.doc, block, this.skip);
    t = this.lap('blockText', t);
    const before = this.processed.get(block);
    if (before === text) return null;
    this.processed.set(block, text);
    this.stats.blocks++;
    // Text of new blocks counts towards the page's cap; a re-rendered block does not.
    if (before === undefined) this.textRead += text.length;
    const scan: BlockScan = { block, text, segs, claims: [] };
    if (!this.prefilter.test(text)) return scan;
    const found = this.detectCached(text);
    t = this.lap('detect', t);
    if (!found.length) return scan;
    const shown = !hiddenByMarkup(block) && (!this.visible || this.visible(block));
    t = this.lap('visibility', t);
    if (!shown) return scan;
    for (const c of claimsOfBlock(text, found, blockLinks(block, segs, this.base))) {
      const known = this.claims.get(c.ctx.id);
      if (known) {
        scan.claims.push({ ...c, ctx: known });
        continue;
      }
      if (this.claims.size >= this.maxClaims) continue;
      this.claims.set(c.ctx.id, c.ctx);
      this.fresh.push(c.ctx);
      scan.claims.push(c);
    }
    this.lap('claims', t);
    return scan;
  }

  /** The detector's answer for a text; repeated texts (re-renders, mobile/desktop copies) are not re-read. */
  private detectCached(text: string): DetectedClaim[] {
    const hit = this.detectCache.get(text);
    if (hit) return hit;
    const found = this.detect(text);
    if (this.detectCache.size >= DETECT_CACHE) this.detectCache.delete(this.detectCache.keys().next().value!);
    this.detectCache.set(text, found);
    return found;
  }

  /** Claims found since the last call, in page order (what the runtime has yet to send). */
  takeNew(): ClaimContext[] {
    const f = this.fresh;
    this.fresh = [];
    return f;
  }

  claim(id: string): ClaimContext | undefined {
    return this.claims.get(id);
  }

  /** Every claim of the page so far, in the order found. */
  contexts(): ClaimContext[] {
    return [...this.claims.values()];
  }

  // -------------------------------------------------------------------------------------------
  // Models: Hub links and listing cards

  /** Hub model links under `root` not reported before (none unless the detector badges links). */
  newModelLinks(root: Node): FoundModelLink[] {
    if (!this.detector.badgeModelLinks) return [];
    const out = modelLinksUnder(this.doc, root, this.roots, this.skip, this.base).filter(
      (l) => !this.seenLinks.has(l.el),
    );
    for (const l of out) this.seenLinks.add(l.el);
    return out;
  }

  /** Listing cards under `root` not reported before (their repo id is read later, by `card()`). */
  newCards(root: Node): Element[] {
    let sel: string | null = null;
    try {
      sel = this.detector.cardSelector?.(this.url) ?? null;
    } catch {
      sel = null;
    }
    if (!sel) return [];
    const matches = (el: Element) => {
      try {
        return el.matches(sel!);
      } catch {
        return false;
      }
    };
    let found: Element[];
    try {
      found = [...(root as ParentNode).querySelectorAll(sel)];
      if (root.nodeType === ELEMENT_NODE && matches(root as Element)) found.unshift(root as Element);
    } catch {
      found = elementsUnder(this.doc, root, matches);
    }
    const out = found.filter((el) => !this.seenCards.has(el));
    for (const el of out) this.seenCards.add(el);
    return out;
  }

  /** A listing card's repo id and badge slot, or null. */
  card(el: Element): ModelCard | null {
    try {
      return this.detector.modelCards?.(el, this.url).find((c) => c.el === el) ?? null;
    } catch {
      return null;
    }
  }

  /** Whether an added subtree may hold cards or model links (cheap, before a full look). */
  mayHoldModels(el: Element): boolean {
    try {
      const sel = this.detector.cardSelector?.(this.url);
      if (sel && (el.matches(sel) || el.querySelector(sel))) return true;
    } catch {
      /* a bad selector or a deep page: no cards */
    }
    if (!this.detector.badgeModelLinks) return false;
    try {
      return el.tagName.toUpperCase() === 'A' || el.querySelector('a[href]') !== null;
    } catch {
      return true;
    }
  }
}
