/**
 * DOM constants and small walks for the scan pipeline. Only the nodes it is given are used: no window,
 * document or NodeFilter globals (numbers instead), so the same code runs in a content script, in happy-dom
 * for the CLI and in tests.
 */

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
/** NodeFilter.SHOW_ELEMENT / SHOW_TEXT and the filter answers, as numbers (no NodeFilter global in lib/). */
export const SHOW_ELEMENT = 0x1;
export const SHOW_TEXT = 0x4;
export const FILTER_ACCEPT = 1;
export const FILTER_REJECT = 2;
export const FILTER_SKIP = 3;

/** The badge element's tag: Ajar's own insertions, never scanned, never a page change. */
export const BADGE_TAG = 'ajar-badge';
export const BADGE_TAG_UPPER = BADGE_TAG.toUpperCase();

/** Elements that start a new block of text: a claim's paragraph is its nearest one of these. */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'P',
  'LI',
  'TD',
  'TH',
  'DD',
  'DT',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'BLOCKQUOTE',
  'FIGCAPTION',
  'CAPTION',
  'SUMMARY',
  'DIV',
  'SECTION',
  'ARTICLE',
  'MAIN',
  'BODY',
  'HEADER',
  'FOOTER',
  'ASIDE',
  'FORM',
  'FIELDSET',
  'DETAILS',
  'TABLE',
  'TR',
  'UL',
  'OL',
  'DL',
  'ADDRESS',
  'LEGEND',
  'HGROUP',
  'FIGURE',
  'DIALOG',
  'HTML',
  'MENU',
  'TBODY',
  'THEAD',
  'TFOOT',
]);

/** Upper-case tag name (XHTML and foreign documents keep lower case). */
export const tagOf = (el: Element): string => el.tagName.toUpperCase();

export const isBlock = (el: Element): boolean => BLOCK_TAGS.has(tagOf(el));

/** The nearest block element around a node (its paragraph), else the body. */
export function blockOf(node: Node, doc: Document): Element {
  let el = node.nodeType === ELEMENT_NODE ? (node as Element).parentElement : node.parentElement;
  while (el && !isBlock(el)) el = el.parentElement;
  return el ?? doc.body ?? doc.documentElement;
}

/**
 * Hidden by markup: an element with `hidden` up to `stop` (exclusive of nothing: `stop` itself counts).
 * The runtime adds the browser's own visibility test; this part holds everywhere, also without layout.
 */
export function hiddenByMarkup(el: Element, stop: Element | null = null): boolean {
  for (let e: Element | null = el; e; e = e.parentElement) {
    if (e.hasAttribute('hidden')) return true;
    if (e === stop) break;
  }
  return false;
}

/** Whether `el` or an ancestor matches the skip selector (a bad selector skips nothing). */
export function inSkipped(el: Element, skip: string): boolean {
  try {
    return el.closest(skip) !== null;
  } catch {
    return false;
  }
}

/**
 * Elements under `root` (and `root` itself) that pass `test`, in document order, through the document's
 * TreeWalker: no recursion, so a page nested deeper than the call stack is walked like any other.
 */
export function elementsUnder(doc: Document, root: Node, test: (el: Element) => boolean, limit = Infinity): Element[] {
  const out: Element[] = [];
  if (root.nodeType === ELEMENT_NODE && test(root as Element)) out.push(root as Element);
  const walker = doc.createTreeWalker(root, SHOW_ELEMENT);
  let n: Node | null;
  while (out.length < limit && (n = walker.nextNode())) if (test(n as Element)) out.push(n as Element);
  return out;
}

/** The outermost of a list of roots (a root inside another is walked with it). */
export function outermost(roots: readonly Element[]): Element[] {
  return roots.filter((el, i) => !roots.some((o, j) => j !== i && o !== el && o.contains(el)));
}
