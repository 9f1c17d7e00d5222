/**
 * Site detectors: one per site (or per reviewed table of article-like sites), pure DOM/URL code with no
 * browser.* calls, so unit tests run them on happy-dom and the CLI can reuse them.
 *
 * A detector says which pages it handles, what the page is about (its model), where claims sit, and
 * which elements are model cards (listings) or model links. The content script does the scanning,
 * messaging and badges; detectors only point at things.
 */
import { BADGE_TAG } from '../scan/dom';

/** A model card on a listing page: the card, its Hub repo id, and the element the badge goes into. */
export interface ModelCard {
  el: Element;
  repoId: string;
  /** The badge is appended to this element (e.g. the card's header row). */
  slot: Element;
}

/** A link to a Hub model page. */
export interface ModelLink {
  el: HTMLAnchorElement;
  repoId: string;
}

/**
 * A URL a detector is checked against, with what it must yield there. Each detector's file exports its examples
 * as `EXAMPLES` (DetectorExamples, beside the detector rather than in it, so the content script does not ship
 * them); test/unit/sites/examples.test.ts runs them all and fails for a detector without a handled example.
 */
export interface DetectorExample {
  /** A URL shaped like the site's real ones. */
  url: string;
  /** test(url). When true, detectorFor(url) must pick this detector too (no earlier detector takes it). */
  handles: boolean;
  /** A small page modelled on the real one (body markup only), and what the detector reads from it. */
  page?: {
    html: string;
    /** pageModel(doc, url). */
    model: string | null;
    /** Trimmed text of each claimRoots(doc, url) element, in order. */
    claimText?: readonly string[];
    /** Trimmed text of titleSlot(doc, url), or null for none. */
    title?: string | null;
    /** Repo ids of modelCards(doc, url), in order. */
    cards?: readonly string[];
  };
}

/** Examples by detector id: what a detector file exports as `EXAMPLES`. */
export type DetectorExamples = Readonly<Record<string, readonly DetectorExample[]>>;

export interface SiteDetector {
  /** Short stable id, e.g. "huggingface", "github", "vendor:llama.com". */
  id: string;
  /** Human name for the README and the popup. */
  name: string;
  /**
   * Settings group: the options page's "scan automatically" switch covering this detector (a key of
   * Settings.autoScan). A new group also needs its name in every locale: `sites.group.<group>`.
   */
  group: string;
  /**
   * Manifest match patterns for the content script and the required host permissions. Empty for the
   * generic detector (opted-in sites get theirs at run time).
   */
  matches: readonly string[];
  /** Finer than the match patterns: does this detector handle this URL? */
  test(url: URL): boolean;
  /** What the page is about: a Hub repo id ("org/name") or a model name, or null. */
  pageModel(doc: Document, url: URL): string | null;
  /** The element the page-model badge goes after (e.g. the model title), or null for none. */
  titleSlot?(doc: Document, url: URL): Element | null;
  /**
   * Elements whose text is scanned for claims (outermost only). Called again after client-side
   * navigation and when content arrives late, so it must be cheap (a few querySelector calls).
   */
  claimRoots(doc: Document, url: URL): Element[];
  /** Model cards under `root` (listing pages); absent or [] elsewhere. */
  modelCards?(root: ParentNode, url: URL): ModelCard[];
  /** Selector matching model cards, so added subtrees can be checked cheaply; absent when no cards. */
  cardSelector?(url: URL): string | null;
  /** Whether Hub model links inside claim roots get a compact badge. */
  badgeModelLinks: boolean;
  /** Subtrees never scanned for claims (navigation, code, editors), as one selector. */
  skipSelector: string;
}

/** Never scanned on any site: not prose, or not what the page says in its own voice. */
export const BASE_SKIP =
  'script,style,noscript,template,textarea,input,select,option,code,pre,kbd,samp,svg,math,canvas,iframe,' +
  'nav,[role="navigation"],[contenteditable=""],[contenteditable="true"],[aria-hidden="true"],' +
  BADGE_TAG;
