/**
 * A whole page at once: what `ajar scan` and tests use. It is the content runtime's pipeline run to the
 * end, with every listing card read (the runtime reads a card when it comes into view).
 */
import type { ClaimContext, DetectedClaim } from '../claims/types';
import { detectorFor } from '../sites';
import { generic } from '../sites/generic';
import type { SiteDetector } from '../sites/types';
import { savedPageUrl } from './page';
import { ScanPipeline } from './pipeline';

export interface PageScan {
  /** The page's URL as scanned (given, or from a saved page's canonical link), or null. */
  url: string | null;
  /** The detector used (its id). */
  site: string;
  /** The model the page is about, or null. */
  pageModel: string | null;
  /** Every claim, in page order. */
  contexts: ClaimContext[];
  /** Hub models badged on the page (listing cards, model links), each once, in page order. */
  models: string[];
}

export interface ScanDocumentOptions {
  /** The page's URL; null: a saved page, scanned as an opted-in site would be (the generic detector). */
  url: URL | null;
  /** Default: the detector for the URL (lib/sites). */
  detector?: SiteDetector;
  detect?: (text: string) => DetectedClaim[];
}

/** The URL and detector for a page: the URL given, else the saved page's own; a known site's detector, else generic. */
export function pageSetup(doc: Document, url: URL | null): { url: URL | null; detector: SiteDetector } {
  const u = url ?? savedPageUrl(doc);
  return { url: u, detector: (u && detectorFor(u)) || generic };
}

/** Placeholder for a page without a URL: relative links resolve to nothing on the Hub. */
const NO_URL = new URL('file:///page.html');

/** Scans a page to the end: the claims, the page model and the models it links or lists. */
export function scanDocument(doc: Document, opts: ScanDocumentOptions): PageScan {
  const setup = pageSetup(doc, opts.url);
  const detector = opts.detector ?? setup.detector;
  const p = new ScanPipeline({ doc, url: setup.url ?? NO_URL, detector, detect: opts.detect });
  p.enqueueRoots();
  p.work();
  const models = new Map<string, string>();
  const add = (id: string) => {
    if (!models.has(id.toLowerCase())) models.set(id.toLowerCase(), id);
  };
  for (const el of p.newCards(doc)) {
    const card = p.card(el);
    if (card) add(card.repoId);
  }
  for (const l of p.newModelLinks(doc)) add(l.repoId);
  return {
    url: setup.url?.href ?? null,
    site: detector.id,
    pageModel: p.pageModel,
    contexts: p.contexts(),
    models: [...models.values()],
  };
}
