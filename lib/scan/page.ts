/**
 * What a page is: its key (URL without the fragment), the base its links resolve against, its claim roots
 * and the model it is about, all through the site's detector. A detector that throws (a selector engine
 * that recurses on a page nested deeper than the call stack) leaves the body as the root and no page model.
 */
import type { SiteDetector } from '../sites/types';
import { ELEMENT_NODE, outermost, tagOf } from './dom';

/** A page's identity for the background and the runtime: its URL without the fragment. */
export const pageKey = (href: string): string => href.split('#', 1)[0]!;

/** The base URL of the page's links: its <base href> (resolved against the page URL), else the page URL. */
export function baseOf(doc: Document, url: URL): string {
  const head = doc.head;
  if (head) {
    for (let el = head.firstElementChild; el; el = el.nextElementSibling) {
      if (tagOf(el) !== 'BASE') continue;
      const href = el.getAttribute('href');
      if (!href) break;
      try {
        return new URL(href, url).href;
      } catch {
        break;
      }
    }
  }
  return url.href;
}

/** The detector's claim roots (outermost only), the body when it throws. */
export function claimRootsOf(doc: Document, url: URL, detector: SiteDetector): Element[] {
  try {
    return outermost(detector.claimRoots(doc, url).filter((el) => el.nodeType === ELEMENT_NODE));
  } catch {
    return doc.body ? [doc.body] : [];
  }
}

/**
 * The model the page is about, as the detector sees it: a Hub model page's id, a GitHub README's one linked
 * model when it links exactly one (with several, none is the page's subject), else null.
 */
export function pageModelOf(doc: Document, url: URL, detector: SiteDetector): string | null {
  try {
    return detector.pageModel(doc, url);
  } catch {
    return null;
  }
}

/**
 * The URL a saved page came from, when none is given: its canonical link or og:url (a page saved from the
 * Hub still says where it was). Only http(s) URLs count.
 */
export function savedPageUrl(doc: Document): URL | null {
  const head = doc.head;
  if (!head) return null;
  let found: string | null = null;
  for (let el = head.firstElementChild; el && !found; el = el.nextElementSibling) {
    const tag = tagOf(el);
    if (tag === 'LINK' && (el.getAttribute('rel') ?? '').toLowerCase() === 'canonical') found = el.getAttribute('href');
    else if (tag === 'META' && el.getAttribute('property') === 'og:url') found = el.getAttribute('content');
  }
  if (!found) return null;
  try {
    const u = new URL(found);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u : null;
  } catch {
    return null;
  }
}
