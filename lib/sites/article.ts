/**
 * Article-like sites (vendor and lab announcements, news): claims in the article body, compact badges on
 * Hub model links, no page model (a claim resolves by the models named or linked in its sentence and
 * paragraph). One reviewed table per kind of site (vendors.ts, news.ts) builds its detectors here.
 */
import { BASE_SKIP, type DetectorExample, type DetectorExamples, type SiteDetector } from './types';

export interface ArticleSite {
  /** Host as in the URL ("ai.meta.com"); "*.x.ai" style hosts also match the bare domain. */
  host: string;
  name: string;
  /** An article URL on the site (the detector's example: it must handle it). */
  example: string;
  /** Only these path prefixes (e.g. "/blog/"), default: the whole site. */
  paths?: readonly string[];
  /** Where the article text is, most specific first; the first selector that matches wins. */
  roots?: readonly string[];
  /** Extra selector of subtrees to skip (site chrome, related-post lists). */
  skip?: string;
}

const DEFAULT_ROOTS = ['article', 'main', '[role="main"]'];

function hostMatches(pattern: string, hostname: string): boolean {
  if (pattern.startsWith('*.')) {
    const bare = pattern.slice(2);
    return hostname === bare || hostname.endsWith(`.${bare}`);
  }
  return hostname === pattern;
}

/** Manifest match patterns for a table entry. */
export function articleMatches(site: ArticleSite): string[] {
  const paths = site.paths ?? ['/'];
  return paths.map((p) => `https://${site.host}${p}*`);
}

/** The first root selector that matches, all its (outermost) matches; else the body. */
export function articleRoots(doc: Document, selectors: readonly string[]): Element[] {
  for (const sel of selectors) {
    const found = [...doc.querySelectorAll(sel)];
    if (found.length) return found.filter((el) => !found.some((o) => o !== el && o.contains(el)));
  }
  return doc.body ? [doc.body] : [];
}

/** The settings group ("scan automatically" switch) of each kind of article site. */
const GROUP_OF_KIND = { vendor: 'vendors', news: 'news' } as const;

/**
 * The table entry's example, plus what every article site must do: read the article (on the default roots),
 * refuse plain http, and stay inside its paths when it has some.
 */
function articleExamples(site: ArticleSite): DetectorExample[] {
  const example = new URL(site.example);
  const out: DetectorExample[] = [
    {
      url: site.example,
      handles: true,
      page: site.roots
        ? undefined
        : {
            html: '<nav>Products</nav><article><h1>A new model</h1> <p>It is open.</p></article><footer>Legal</footer>',
            model: null,
            claimText: ['A new model It is open.'],
          },
    },
    { url: site.example.replace(/^https:/, 'http:'), handles: false },
  ];
  if (site.paths) out.push({ url: `${example.origin}/`, handles: false });
  return out;
}

/** Examples of a table of article sites, by detector id (the table's file exports them as EXAMPLES). */
export function articleSiteExamples(kind: ArticleKind, sites: readonly ArticleSite[]): DetectorExamples {
  return Object.fromEntries(sites.map((site) => [articleSiteId(kind, site), articleExamples(site)]));
}

type ArticleKind = keyof typeof GROUP_OF_KIND;

const articleSiteId = (kind: ArticleKind, site: ArticleSite) => `${kind}:${site.host.replace(/^\*\./, '')}`;

export function articleSite(kind: ArticleKind, site: ArticleSite): SiteDetector {
  const roots = site.roots ?? DEFAULT_ROOTS;
  const skip = site.skip ? `${BASE_SKIP},${site.skip}` : `${BASE_SKIP},footer,[role="contentinfo"]`;
  return {
    id: articleSiteId(kind, site),
    name: site.name,
    group: GROUP_OF_KIND[kind],
    matches: articleMatches(site),
    test: (url) =>
      url.protocol === 'https:' &&
      hostMatches(site.host, url.hostname) &&
      (!site.paths || site.paths.some((p) => url.pathname.startsWith(p))),
    pageModel: () => null,
    claimRoots: (doc) => articleRoots(doc, roots),
    badgeModelLinks: true,
    skipSelector: skip,
  };
}
