/**
 * Hugging Face repo ids: parsing them out of URLs, links and free text, the Hub's reserved paths, the model a Hub
 * URL is about, and the check before an id goes into a Hub URL. The one home of these rules. Pure string code
 * (no browser or Node APIs), shared by the pack builder, the runtime, the content script and the CLI.
 */

/** One segment of a Hub repo id (org or name): letters, digits, '-', '_', '.', not starting with '.' or '-'. */
const SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,95}$/;

/**
 * First path segments of github.com that are site pages, not owners (github.com/<owner>/<repo>): used by the
 * GitHub detector and by the code links read from model cards.
 */
export const GITHUB_RESERVED_FIRST: ReadonlySet<string> = new Set([
  'about',
  'apps',
  'collections',
  'contact',
  'customer-stories',
  'enterprise',
  'events',
  'explore',
  'features',
  'issues',
  'join',
  'login',
  'marketplace',
  'new',
  'notifications',
  'organizations',
  'orgs',
  'pricing',
  'pulls',
  'readme',
  'search',
  'security',
  'settings',
  'signup',
  'site',
  'sponsors',
  'team',
  'topics',
  'trending',
  'users',
]);

/**
 * First path segments of huggingface.co that are site sections, not organisations or users.
 * A model URL is huggingface.co/<org>/<name>; these would otherwise be read as an org.
 */
export const HUB_RESERVED_FIRST: ReadonlySet<string> = new Set([
  'api',
  'blog',
  'changelog',
  'chat',
  'collections',
  'datasets',
  'docs',
  'enterprise',
  'hardware',
  'inference-endpoints',
  'join',
  'learn',
  'login',
  'models',
  'new',
  'new-dataset',
  'new-space',
  'notifications',
  'oauth',
  'organizations',
  'papers',
  'posts',
  'pricing',
  'privacy',
  'search',
  'settings',
  'spaces',
  'tasks',
  'terms-of-service',
]);

/** Second segments that are listings inside an org page (huggingface.co/<org>/datasets), not repos. */
export const HUB_RESERVED_SECOND: ReadonlySet<string> = new Set(['datasets', 'models', 'spaces', 'collections']);

/** First path segments of the Hub's model listings (organisation and user pages are one unreserved segment). */
export const HUB_LISTING_FIRST: ReadonlySet<string> = new Set(['models', 'search', 'collections']);

/**
 * The shape of a typed or stored "org/name" id (no URL, no subpath): the test the CLI query and report links use
 * before treating a string as a repo id. Looser than repoIdError, which guards what goes into a Hub URL.
 */
const REPO_ID_SHAPE = /^[A-Za-z0-9][\w.-]{0,95}\/[\w.-]{1,96}$/;

export function looksLikeRepoId(s: string): boolean {
  return REPO_ID_SHAPE.test(s);
}

/**
 * "org/name" written bare in prose (not inside a URL, an e-mail or a path): group 1 the org, group 2 the name.
 * Global: use with matchAll.
 */
export const BARE_REPO_ID_IN_TEXT = /(?<![\p{L}\p{N}_./@:-])([A-Za-z0-9][\w.-]{0,95})\/([A-Za-z0-9][\w.-]{0,95})/gu;

/**
 * Repos the Hub moved from the root namespace into an organisation (the old URLs redirect).
 * Only models the knowledge pack knows about; a bare "t5-base" would otherwise not be an org/name id.
 */
const LEGACY_ROOT_IDS: Readonly<Record<string, string>> = {
  gpt2: 'openai-community/gpt2',
  'gpt2-medium': 'openai-community/gpt2-medium',
  'gpt2-large': 'openai-community/gpt2-large',
  'gpt2-xl': 'openai-community/gpt2-xl',
  't5-small': 'google-t5/t5-small',
  't5-base': 'google-t5/t5-base',
  't5-large': 'google-t5/t5-large',
  't5-3b': 'google-t5/t5-3b',
  't5-11b': 'google-t5/t5-11b',
};

/** A huggingface.co (or hf.co) URL in free text; group 1 is its path. Global: use with matchAll. */
export const HUB_URL_IN_TEXT = /(?:https?:\/\/)?(?:www\.)?(?:huggingface\.co|hf\.co)\/([^\s"'<>()[\]{}|\\^`]+)/gi;

function fromPath(path: string): string | null {
  // Drop query and fragment, then trailing punctuation that prose often glues to a URL.
  const clean = path.split(/[?#]/, 1)[0]!.replace(/[.,;:!]+$/, '');
  const parts = clean.split('/').filter((p) => p.length > 0);
  const [org, name] = parts;
  if (!org) return null;
  if (HUB_RESERVED_FIRST.has(org.toLowerCase())) return null;
  if (!name) return LEGACY_ROOT_IDS[org.toLowerCase()] ?? null;
  if (HUB_RESERVED_SECOND.has(name.toLowerCase())) return null;
  if (!SEGMENT.test(org) || !SEGMENT.test(name)) return null;
  return `${org}/${name}`;
}

/**
 * Every model repo id named by huggingface.co URLs in `text` (a URL or free text), in order, without
 * duplicates (case-insensitive). Ignores /datasets/, /spaces/, /docs, /blog, /papers, org pages and
 * other site sections; keeps the id's case as written.
 */
export function extractHubRepoIds(text: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const m of text.matchAll(HUB_URL_IN_TEXT)) {
    const id = fromPath(m[1]!);
    if (id && !seen.has(id.toLowerCase())) {
      seen.add(id.toLowerCase());
      out.push(id);
    }
  }
  return out;
}

/**
 * "org/name" from a repo id, a huggingface.co URL (any subpath, query or fragment) or a legacy root id
 * ("gpt2"), trimmed, case as given; null when it is none of these.
 */
export function normalizeRepoId(input: string): string | null {
  const s = input.trim();
  if (s.length === 0) return null;
  if (/huggingface\.co\/|hf\.co\//i.test(s)) return extractHubRepoIds(s)[0] ?? null;
  // A bare id may still carry a subpath ("org/name/tree/main"): keep the first two segments.
  if (/^[^\s/]+(\/[^\s/]+)+\/?$/.test(s)) return fromPath(s);
  if (SEGMENT.test(s)) return LEGACY_ROOT_IDS[s.toLowerCase()] ?? null;
  return null;
}

/** The organisation part of a repo id, lower-cased. */
export function repoOrg(id: string): string {
  return id.slice(0, id.indexOf('/')).toLowerCase();
}

/** The Hub repo id an anchor points to (absolute or, on huggingface.co, relative links), or null. */
export function repoIdOfHref(href: string | null, base: string): string | null {
  if (!href || href.length > 2048) return null;
  let abs: string;
  try {
    abs = new URL(href, base).href;
  } catch {
    return null;
  }
  if (!/^https?:\/\/(www\.)?(huggingface\.co|hf\.co)\//i.test(abs)) return null;
  return extractHubRepoIds(abs)[0] ?? null;
}

/**
 * The model a Hub page is about, from its URL alone: /org/name or one of its sub-pages (/org/name/tree/main);
 * null for other hosts, site sections, listings and unparsable URLs.
 */
export function modelIdOfUrl(url: URL | string | null): string | null {
  let u: URL;
  try {
    if (url === null) return null;
    u = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return null;
  }
  if (!/^(www\.)?(huggingface\.co|hf\.co)$/i.test(u.hostname)) return null;
  return extractHubRepoIds(`https://huggingface.co${u.pathname}`)[0] ?? null;
}

// Hub repo names: letters, digits, '-', '_', '.'; no '--' or '..'; not starting or ending with '-' or '.'.
const STRICT_SEGMENT = /^[A-Za-z0-9_](?:[A-Za-z0-9._-]{0,94}[A-Za-z0-9_])?$/;

/**
 * Check a repo id ("name" or "org/name") before it goes into a URL. Returns an error message or null.
 * Rejects path traversal, URLs, query strings and anything the Hub would not accept as a repo id.
 */
export function repoIdError(id: unknown): string | null {
  if (typeof id !== 'string' || id.length === 0) return 'repository id is empty';
  if (id.length > 200) return 'repository id is too long';
  const parts = id.split('/');
  if (parts.length > 2) return `invalid repository id "${id}": use "org/name"`;
  for (const part of parts) {
    if (!STRICT_SEGMENT.test(part) || part.includes('..') || part.includes('--')) {
      return `invalid repository id "${id}"`;
    }
  }
  return null;
}

export function isValidRepoId(id: unknown): id is string {
  return repoIdError(id) === null;
}
