/**
 * Claim places on the page: each claim the pipeline finds gets a Range over its sentence and, once the
 * background has judged it ('judge-claims', in batches), a badge after the sentence and an underline when
 * it is openwashing. Two claims with the same verdict in one place share one badge.
 */
import type { JudgeClaimsRequest } from '@/lib/messages';
import type { ClaimContext, JudgedClaim } from '@/lib/claims/types';
import { judgedClaimsOf } from '@/lib/message-guards';
import { pointAt, type TextSegment } from '@/lib/scan/blocks';
import { isBlock } from '@/lib/scan/dom';
import type { BlockScan } from '@/lib/scan/pipeline';
import type { BadgeHandle } from './badge/Badge';
import type { SessionContext } from './context';
import { Highlights } from './highlights';

const CLAIM_BATCH = 50;

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

export class ClaimBadges {
  private readonly claims = new Map<string, ClaimEntry>();
  private readonly blockOcc = new Map<Element, Occurrence[]>();
  /** Claim badges by the node they follow: two claims with the same verdict in one place share one badge. */
  private readonly placeBadges = new WeakMap<Node, string[]>();
  private readonly rebadged = new WeakMap<Element, number>();
  private toSend: ClaimContext[] = [];
  readonly highlights: Highlights;

  constructor(
    private readonly s: SessionContext,
    private readonly density: 'all' | 'openwashing',
  ) {
    this.highlights = new Highlights(s.doc);
    s.signal.addEventListener('abort', () => this.highlights.clear(), { once: true });
  }

  /** Whether a block shows claims now (its visibility is then not tested again: no forced style recalculation). */
  shows(block: Element): boolean {
    return this.blockOcc.has(block);
  }

  /** A block the page re-rendered (same text, our badge or its anchor gone): forget it so it is placed again, a few times at most. */
  needsReplace(block: Element): boolean {
    const occ = this.blockOcc.get(block);
    if (!occ?.some((o) => !o.after.isConnected || (o.badge && !o.badge.host.isConnected))) return false;
    const n = this.rebadged.get(block) ?? 0;
    if (n >= 3) return false;
    this.rebadged.set(block, n + 1);
    return true;
  }

  /** The pipeline's answer for blocks whose text changed: old places go, new places come. */
  apply(scans: readonly BlockScan[]): void {
    for (const scan of scans) this.place(scan);
    this.toSend.push(...this.s.pipeline.takeNew());
    if (this.toSend.length >= CLAIM_BATCH) this.flush();
  }

  private place(scan: BlockScan): void {
    const { block } = scan;
    this.dropBlock(block);
    const occs: Occurrence[] = [];
    for (const c of scan.claims) {
      const range = this.rangeOf(scan.segs, c.sentenceStart, c.sentenceEnd);
      if (!range) continue;
      let entry = this.claims.get(c.ctx.id);
      if (!entry) {
        entry = { ctx: c.ctx, occ: [] };
        this.claims.set(c.ctx.id, entry);
      }
      // One badge per claim and place: a sentence with two phrases ("open source ... open-source") gets one.
      if (
        entry.occ.some((o) => o.block === block && o.range.compareBoundaryPoints(0 /* START_TO_START */, range) === 0)
      )
        continue;
      const occ: Occurrence = { block, range, after: badgeAnchor(range.endContainer as Text, block) };
      entry.occ.push(occ);
      occs.push(occ);
      const e = entry;
      if (e.judged) this.s.render.push(() => this.renderClaim(e, occ));
    }
    if (occs.length) this.blockOcc.set(block, occs);
  }

  private rangeOf(segs: readonly TextSegment[], from: number, to: number): Range | null {
    const a = pointAt(segs, from, false);
    const b = pointAt(segs, to, true);
    if (!a || !b) return null;
    const r = this.s.doc.createRange();
    r.setStart(a.node, a.offset);
    r.setEnd(b.node, b.offset);
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
        this.s.badges.delete(o.badge);
      }
      this.highlights.drop(o.range);
      for (const e of this.claims.values()) e.occ = e.occ.filter((x) => x !== o);
    }
  }

  /** Sends the claims found so far for judgement, in batches. */
  flush(): void {
    this.toSend.push(...this.s.pipeline.takeNew());
    if (!this.toSend.length) return;
    const all = this.toSend;
    this.toSend = [];
    const { signal, url } = this.s;
    for (let i = 0; i < all.length; i += CLAIM_BATCH) {
      const batch = all.slice(i, i + CLAIM_BATCH);
      this.s.stats.claimsSent += batch.length;
      const msg: JudgeClaimsRequest = {
        type: 'judge-claims',
        url,
        pageModel: this.s.pipeline.pageModel,
        claims: batch,
      };
      void this.s
        .send(msg)
        .then((reply) => {
          if (signal.aborted) return;
          // Checked field by field (lib/message-guards.ts); malformed entries are dropped.
          for (const j of judgedClaimsOf(reply)) {
            const entry = this.claims.get(j.id);
            if (!entry) continue;
            entry.judged = j;
            for (const occ of entry.occ) this.s.render.push(() => this.renderClaim(entry, occ));
          }
        })
        .catch(() => undefined);
    }
  }

  private renderClaim(entry: ClaimEntry, occ: Occurrence): void {
    const j = entry.judged;
    if (!j || occ.badge || !occ.after.isConnected || !entry.occ.includes(occ)) return;
    if (this.density === 'openwashing' && !j.openwashing) return;
    const sig = `${j.model}|${j.label}|${j.openwashing}|${j.severity}`;
    const here = this.placeBadges.get(occ.after) ?? [];
    const underline = () =>
      j.openwashing && this.highlights.underline(occ.range, j.severity === 'medium' ? 'med' : 'ow');
    if (here.includes(sig)) {
      underline();
      return;
    }
    here.push(sig);
    this.placeBadges.set(occ.after, here);
    const badge = this.s.badge({
      variant: 'claim',
      label: j.label,
      model: j.model,
      reason: j.reason,
      openwashing: j.openwashing,
      severity: j.severity,
      kind: j.kind,
      claimId: entry.ctx.id,
      claimText: entry.ctx.sentence,
    });
    badge.host.setAttribute('data-claim', entry.ctx.id);
    occ.after.parentNode!.insertBefore(badge.host, occ.after.nextSibling);
    occ.badge = badge;
    this.s.badges.add(badge);
    underline();
  }

  /** Scrolls to a claim's first place on the page and highlights it briefly; false if it is not there. */
  scrollTo(id: string): boolean {
    const entry = this.claims.get(id);
    const occ = entry?.occ.find((o) => o.after.isConnected && o.block.isConnected);
    if (!occ) return false;
    const el = occ.badge?.host.isConnected ? occ.badge.host : occ.block;
    el.scrollIntoView({ block: 'center', behavior: 'smooth' });
    this.highlights.focus(occ.range, this.s.signal);
    occ.badge?.focus();
    return true;
  }

  /** What the page holds, for tests. */
  list() {
    return [...this.claims.values()].map((e) => ({ ...e.ctx, places: e.occ.length, judged: e.judged }));
  }
}

/** Where a claim's badge goes: after the text node that ends its sentence, outside inline wrappers it ends. */
function badgeAnchor(t: Text, block: Element): Node {
  let n: Node = t;
  while (n.parentNode && n.parentNode !== block && !n.nextSibling && n.parentElement && !isBlock(n.parentElement)) {
    n = n.parentNode;
  }
  // Never inside a link: the badge would be part of it.
  const a = (n.parentElement ?? block).closest('a');
  if (a && block.contains(a) && a !== block) n = a;
  return n;
}
