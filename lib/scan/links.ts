/**
 * Hub model links: the ones inside a block's text (with their offsets, for a claim's sentence and
 * paragraph) and the ones a detector badges (under the claim roots). Repo ids come from lib/sites/hub-links
 * (lib/knowledge/repo-ids.ts underneath), never from a local copy of the rule.
 */
import { repoIdOfHref } from '../sites/hub-links';
import type { TextSegment } from './blocks';
import { ELEMENT_NODE, elementsUnder, inSkipped, tagOf } from './dom';

export interface BlockLink {
  /** Offset of the link's first character in the block's text. */
  at: number;
  repoId: string;
}

/** Hub links whose text is part of the block's own text, in order, by offset. */
export function blockLinks(block: Element, segs: readonly TextSegment[], base: string): BlockLink[] {
  const out: BlockLink[] = [];
  const seen = new Set<Element>();
  for (const s of segs) {
    for (let el = s.node.parentElement; el && el !== block; el = el.parentElement) {
      if (tagOf(el) !== 'A') continue;
      if (!seen.has(el)) {
        seen.add(el);
        const repoId = repoIdOfHref(el.getAttribute('href'), base);
        if (repoId) out.push({ at: s.start, repoId });
      }
      break;
    }
  }
  return out;
}

const HUB_LINK = 'a[href*="huggingface.co/"],a[href*="hf.co/"]';
const isHubAnchor = (el: Element) =>
  tagOf(el) === 'A' && /(?:huggingface|hf)\.co\//i.test(el.getAttribute('href') ?? '');

/** Anchors under `root` (and `root` itself) that may point to the Hub: the native selector, else a walk. */
function hubAnchors(doc: Document, root: Node): Element[] {
  try {
    const found = [...(root as ParentNode).querySelectorAll(HUB_LINK)];
    return root.nodeType === ELEMENT_NODE && isHubAnchor(root as Element) ? [root as Element, ...found] : found;
  } catch {
    // Some DOM implementations recurse in their selector engine: a very deep page is walked instead.
    return elementsUnder(doc, root, isHubAnchor);
  }
}

export interface FoundModelLink {
  el: Element;
  repoId: string;
}

/** Hub model links under `root` that are inside one of `roots` and not in a skipped subtree. */
export function modelLinksUnder(
  doc: Document,
  root: Node,
  roots: readonly Element[],
  skip: string,
  base: string,
): FoundModelLink[] {
  const out: FoundModelLink[] = [];
  for (const a of hubAnchors(doc, root)) {
    if (!roots.some((r) => r.contains(a)) || inSkipped(a, skip)) continue;
    const repoId = repoIdOfHref(a.getAttribute('href'), base);
    if (repoId) out.push({ el: a, repoId });
  }
  return out;
}
