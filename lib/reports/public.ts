import { DEFAULT_HUB_ENDPOINT } from '../hub/endpoint';
import { looksLikeRepoId } from '../knowledge/repo-ids';
import type { Report } from './schema';
import type { PublicTarget } from './schema';

/*
 * The public form of a report: the exact title and body the user sees before anything leaves the browser,
 * and the pre-filled URL that carries them (a new GitHub issue, or a new Hugging Face discussion).
 * Pure functions: the UI shows their output and opens the URL only on the user's click.
 */

/** Browsers and GitHub/Hugging Face front ends reject very long URLs (GitHub answers 414 past ~8 kB). */
export const MAX_PUBLIC_URL = 7_500;
const TITLE_MAX = 140;
export const TRUNCATION_NOTE =
  '\n\n[… truncated to fit in a link. The full text is in Ajar: Options → Notes and reports.]';
const HF = DEFAULT_HUB_ENDPOINT;

export interface PublicText {
  title: string;
  body: string;
}

export interface PublicLink {
  target: PublicTarget;
  /** The exact URL opened. */
  url: string;
  /** The exact title and body inside that URL (the body may be shortened to fit). */
  title: string;
  body: string;
  truncated: boolean;
}

const GH_REPO = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;

/** One line, collapsed whitespace, at most `max` characters (cut on a code point, with an ellipsis). */
export function oneLine(s: string, max: number): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  const cps = Array.from(flat);
  return cps.length <= max
    ? flat
    : `${cps
        .slice(0, Math.max(0, max - 1))
        .join('')
        .trimEnd()}…`;
}

/** Keeps quoted text from pinging people or referencing issues on GitHub, and from breaking the Markdown. */
function neutral(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    .replace(/@(?=[A-Za-z0-9_-])/g, '@\u200b')
    .replace(/(^|\s)#(?=\d)/g, '$1#\u200b');
}

function mdText(s: string): string {
  return neutral(s).replace(/([\\`*_[\]<>])/g, '\\$1');
}

function mdUrl(u: string): string {
  return u.replace(/[\s()<>]/g, (c) => encodeURIComponent(c));
}

function mdLink(text: string, url: string): string {
  return /^https?:\/\//i.test(url) ? `[${mdText(oneLine(text, 200)) || mdUrl(url)}](${mdUrl(url)})` : mdText(text);
}

function quote(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => `> ${mdText(l).replace(/^([#>+-])/, '\\$1')}`)
    .join('\n');
}

export function modelUrl(model: string): string | null {
  return looksLikeRepoId(model) ? `${HF}/${model.split('/').map(encodeURIComponent).join('/')}` : null;
}

export interface PublicTextOptions {
  /** Keep the page URL's query string and fragment (default false: they often carry session ids, search terms, tokens). */
  keepQuery?: boolean;
}

/**
 * The page URL as a public report shows it: without query string, fragment or user:password (which can identify
 * the reader or carry secrets), unless keepQuery. A URL that does not parse is returned as is (it is not linked).
 */
export function publicPageUrl(url: string, opts: PublicTextOptions = {}): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return url;
  }
  u.username = '';
  u.password = '';
  if (!opts.keepQuery) {
    u.search = '';
    u.hash = '';
  }
  return u.href;
}

/** Title and Markdown body of a report, in English (the public trackers' language). */
export function publicText(report: Report, opts: PublicTextOptions = {}): PublicText {
  const model = report.model ?? 'an unidentified model';
  const claim = report.claim.text.trim();
  const title = oneLine(`Openwashing? ${claim ? `"${oneLine(claim, 80)}"` : 'a claim'} about ${model}`, TITLE_MAX);
  const lines: string[] = ['A claim that may overstate how open an AI model is, reported with Ajar.', ''];
  if (report.page) {
    const pageUrl = publicPageUrl(report.page.url, opts);
    lines.push(`**Page:** ${mdLink(report.page.title || pageUrl, pageUrl)}`, '');
  }
  if (claim) lines.push('**Claim:**', '', quote(claim), '');
  const mUrl = report.model ? modelUrl(report.model) : null;
  lines.push(
    `**Model:** ${report.model ? (mUrl ? mdLink(report.model, mUrl) : mdText(report.model)) : 'not identified'}`,
    '',
  );
  if (report.verdict) {
    const v = report.verdict;
    lines.push(
      `**Ajar's verdict:** ${v.label} — ${mdText(v.summary)}${v.evaluatedAt ? ` (evaluated ${v.evaluatedAt.slice(0, 10)})` : ''}`,
      '',
    );
    if (v.sources.length) {
      lines.push('**Sources:**', '');
      for (const s of v.sources) lines.push(`- ${mdLink(s.title || s.url, s.url)}`);
      lines.push('');
    }
  }
  if (report.comment.trim()) lines.push('**Comment:**', '', neutral(report.comment.trim()), '');
  lines.push('---', "_Ajar's verdict is its reading of the sources listed; please check them before acting on it._");
  return { title, body: lines.join('\n') };
}

/** The URL as browsers will hold it (WHATWG-normalised, e.g. ' becomes %27), so the link shown is the link opened. */
function buildUrl(base: string, params: [string, string][]): string {
  return new URL(`${base}?${params.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}`).href;
}

/**
 * The longest body (cut on a code point) such that the URL stays within maxUrl; the cut body ends with
 * TRUNCATION_NOTE. Deterministic, so the text shown is the text sent.
 */
function fit(
  base: string,
  titleKey: string,
  bodyKey: string,
  text: PublicText,
  maxUrl: number,
): { url: string; title: string; body: string; truncated: boolean } {
  const title = oneLine(text.title, TITLE_MAX);
  const make = (body: string) =>
    buildUrl(base, [
      [titleKey, title],
      [bodyKey, body],
    ]);
  const full = make(text.body);
  if (full.length <= maxUrl) return { url: full, title, body: text.body, truncated: false };
  const cps = Array.from(text.body);
  let lo = 0;
  let hi = cps.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (make(cps.slice(0, mid).join('') + TRUNCATION_NOTE).length <= maxUrl) lo = mid;
    else hi = mid - 1;
  }
  const body = cps.slice(0, lo).join('').trimEnd() + TRUNCATION_NOTE;
  return { url: make(body), title, body, truncated: true };
}

/** A new issue on a GitHub repository ("owner/name"), title and body in the URL. */
export function githubIssueLink(repo: string, text: PublicText, maxUrl = MAX_PUBLIC_URL): PublicLink | null {
  if (!GH_REPO.test(repo)) return null;
  const [owner, name] = repo.split('/') as [string, string];
  const base = `https://github.com/${encodeURIComponent(owner)}/${encodeURIComponent(name)}/issues/new`;
  return { target: 'github', ...fit(base, 'title', 'body', text, maxUrl) };
}

/**
 * A new discussion on the model's Hugging Face page. The Hub's own links pre-fill it with `title` and
 * `description` (e.g. /spaces/huggingface/InferenceSupport/discussions/new?title=…&description=…); the text
 * is also offered for copying in case the form does not take it.
 */
export function huggingFaceDiscussionLink(
  model: string | null,
  text: PublicText,
  maxUrl = MAX_PUBLIC_URL,
): PublicLink | null {
  const page = model ? modelUrl(model) : null;
  if (!page) return null;
  return { target: 'huggingface', ...fit(`${page}/discussions/new`, 'title', 'description', text, maxUrl) };
}

export function publicLink(
  target: PublicTarget,
  report: Report,
  repo: string,
  maxUrl = MAX_PUBLIC_URL,
  opts: PublicTextOptions = {},
): PublicLink | null {
  const text = publicText(report, opts);
  return target === 'github'
    ? githubIssueLink(repo, text, maxUrl)
    : huggingFaceDiscussionLink(report.model, text, maxUrl);
}

/** The whole text, for copying: title, blank line, body (never truncated). */
export function copyText(text: PublicText): string {
  return `${text.title}\n\n${text.body}`;
}
