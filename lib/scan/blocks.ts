/**
 * A block's own text: the text nodes of one paragraph-like element, without its nested blocks (they are
 * blocks of their own), skipped subtrees, hidden parts or Ajar's badges, with each text node's offset so
 * the runtime can turn a claim's offsets back into a Range.
 */
import {
  BADGE_TAG_UPPER,
  ELEMENT_NODE,
  FILTER_ACCEPT,
  FILTER_REJECT,
  FILTER_SKIP,
  SHOW_ELEMENT,
  SHOW_TEXT,
  TEXT_NODE,
  tagOf,
  isBlock,
} from './dom';

/** Text read from one block at most: a claim sits in prose, not in a 1 MB table cell. */
export const MAX_BLOCK_TEXT = 20_000;

export interface TextSegment {
  node: Text;
  /** Offset of the node's first character in the block's text. */
  start: number;
}

export interface BlockText {
  text: string;
  segs: TextSegment[];
}

/** Whether an element inside a block is left out of its text. */
function leftOut(el: Element, skip: string): boolean {
  const tag = tagOf(el);
  if (tag === BADGE_TAG_UPPER || isBlock(el) || el.hasAttribute('hidden')) return true;
  try {
    return el.matches(skip);
  } catch {
    return false;
  }
}

/** The block's own text (a line break is a newline: it ends a sentence for the detector). */
export function readBlock(doc: Document, block: Element, skip: string): BlockText {
  const segs: TextSegment[] = [];
  const walker = doc.createTreeWalker(block, SHOW_ELEMENT | SHOW_TEXT, {
    acceptNode(n: Node) {
      if (n.nodeType === TEXT_NODE) return FILTER_ACCEPT;
      const el = n as Element;
      if (leftOut(el, skip)) return FILTER_REJECT;
      return tagOf(el) === 'BR' ? FILTER_ACCEPT : FILTER_SKIP;
    },
  });
  let text = '';
  let n: Node | null;
  while ((n = walker.nextNode()) && text.length < MAX_BLOCK_TEXT) {
    if (n.nodeType === ELEMENT_NODE) {
      if (text && !text.endsWith('\n')) text += '\n';
      continue;
    }
    segs.push({ node: n as Text, start: text.length });
    text += (n as Text).data;
  }
  return { text, segs };
}

/** The [node, offset] of a block-text offset (`end`: a boundary belongs to the node before it). */
export function pointAt(segs: readonly TextSegment[], off: number, end: boolean): { node: Text; offset: number } | null {
  let lo = 0;
  let hi = segs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segs[mid]!.start < off || (!end && segs[mid]!.start === off)) lo = mid;
    else hi = mid - 1;
  }
  const s = segs[lo];
  return s ? { node: s.node, offset: Math.min(s.node.data.length, Math.max(0, off - s.start)) } : null;
}
