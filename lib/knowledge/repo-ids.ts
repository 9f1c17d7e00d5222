/**
 * Hugging Face repo ids: parsing them out of URLs and free text, and the lower-case keys used for lookup.
 * Pure string code (no browser or Node APIs), shared by the pack builder and the runtime.
 */

/** One segment of a Hub repo id (org or name): letters, digits, '-', '_', '.', not starting with '.' or '-'. */
const SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,95}$/;

/**
 * First path segments of huggingface.co that are site sections, not organisations or users.
 * A model URL is huggingface.co/<org>/<name>; these would otherwise be read as an org.
 */
const RESERVED_FIRST = new Set([
  'api', 'blog', 'changelog', 'chat', 'collections', 'datasets', 'docs', 'enterprise', 'join', 'learn',
  'login', 'models', 'new', 'new-dataset', 'new-space', 'notifications', 'oauth', 'organizations',
  'papers', 'posts', 'pricing', 'privacy', 'search', 'settings', 'spaces', 'tasks', 'terms-of-service',
]);

/** Second segments that are listings inside an org page (huggingface.co/<org>/datasets), not repos. */
const RESERVED_SECOND = new Set(['datasets', 'models', 'spaces', 'collections']);

/**
 * Repos the Hub moved from the root namespace into an organisation (the old URLs redirect).
 * Only models the knowledge pack knows about; a bare "t5-base" would otherwise not be an org/name id.
 */
const LEGACY_ROOT_IDS: Readonly<Record<string, string>> = {
  'gpt2': 'openai-community/gpt2',
  'gpt2-medium': 'openai-community/gpt2-medium',
  'gpt2-large': 'openai-community/gpt2-large',
  'gpt2-xl': 'openai-community/gpt2-xl',
  't5-small': 'google-t5/t5-small',
  't5-base': 'google-t5/t5-base',
  't5-large': 'google-t5/t5-large',
  't5-3b': 'google-t5/t5-3b',
  't5-11b': 'google-t5/t5-11b',
};

const HUB_URL = /(?:https?:\/\/)?(?:www\.)?(?:huggingface\.co|hf\.co)\/([^\s"'<>()[\]{}|\\^`]+)/gi;

function fromPath(path: string): string | null {
  // Drop query and fragment, then trailing punctuation that prose often glues to a URL.
  const clean = path.split(/[?#]/, 1)[0]!.replace(/[.,;:!]+$/, '');
  const parts = clean.split('/').filter((p) => p.length > 0);
  const [org, name] = parts;
  if (!org) return null;
  if (RESERVED_FIRST.has(org.toLowerCase())) return null;
  if (!name) return LEGACY_ROOT_IDS[org.toLowerCase()] ?? null;
  if (RESERVED_SECOND.has(name.toLowerCase())) return null;
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
  for (const m of text.matchAll(HUB_URL)) {
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
