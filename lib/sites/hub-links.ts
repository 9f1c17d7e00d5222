/**
 * Hub repo ids from links, shared by the detectors and the content script. Imports only the small, pure
 * repo-id parser (never the knowledge pack, which is too big for a content script).
 */
import { extractHubRepoIds } from '../knowledge/repo-ids';

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

/** Whether a URL path is a model page or one of its sub-pages (/org/name, /org/name/tree/main, ...). */
export function modelIdOfHubUrl(url: URL): string | null {
  if (!/^(www\.)?(huggingface\.co|hf\.co)$/i.test(url.hostname)) return null;
  return extractHubRepoIds(`https://huggingface.co${url.pathname}`)[0] ?? null;
}
