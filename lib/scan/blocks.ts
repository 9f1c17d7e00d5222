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
  /** Where each character of the node's (whitespace-collapsed) text is in the node's data; absent: the same. */
  map?: number[];
}

/** Runs of HTML whitespace render as one space (prose only: <pre> and code are skipped anyway). */
const NEEDS_COLLAPSE = /[\t\n\r\f]| {2}/;

function isWs(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12;
}

/** The node's text with whitespace runs as one space (none at the start when `dropLead`), and the offset map. */
function collapse(data: string, dropLead: boolean): { text: string; map?: number[] } {
  if (!NEEDS_COLLAPSE.test(data) && !(dropLead && isWs(data.charCodeAt(0)))) return { text: data };
  let text = '';
  const map: number[] = [];
  let inWs = dropLead;
  for (let i = 0; i < data.length; i++) {
    const c = data.charCodeAt(i);
    if (isWs(c)) {
      if (!inWs) {
        text += ' ';
        map.push(i);
      }
      inWs = true;
    } else {
      text += data[i];
      map.push(i);
      inWs = false;
    }
  }
  return { text, map };
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

/**
 * The block's own text as it reads: whitespace runs collapsed to one space, a line break (<br>) as a newline,
 * which ends a sentence for the detector.
 */
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
    // A huge node (a hostile page's 200 MB text) is read only up to the block's cap: its start keeps its offsets.
    const data = (n as Text).data;
    const room = MAX_BLOCK_TEXT - text.length;
    const c = collapse(
      data.length > room ? data.slice(0, room) : data,
      text === '' || text.endsWith(' ') || text.endsWith('\n'),
    );
    if (!c.text) continue;
    segs.push(c.map ? { node: n as Text, start: text.length, map: c.map } : { node: n as Text, start: text.length });
    text += c.text;
  }
  return { text, segs };
}

/** The [node, offset] of a block-text offset (`end`: a boundary belongs to the node before it). */
export function pointAt(
  segs: readonly TextSegment[],
  off: number,
  end: boolean,
): { node: Text; offset: number } | null {
  let lo = 0;
  let hi = segs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segs[mid]!.start < off || (!end && segs[mid]!.start === off)) lo = mid;
    else hi = mid - 1;
  }
  const s = segs[lo];
  if (!s) return null;
  const k = Math.max(0, off - s.start);
  const raw = s.map ? (k < s.map.length ? s.map[k]! : s.node.data.length) : k;
  return { node: s.node, offset: Math.min(s.node.data.length, raw) };
}
