/**
 * A pure page scanner: text blocks of a DOM Document -> claim contexts, plus the page's own model.
 * Uses only the DOM interfaces (no window, no globals), so it runs on happy-dom in the CLI and tests.
 * Page text is only read, never executed or rendered.
 */
import { extractHubRepoIds } from '../knowledge/repo-ids';
import { detectClaims } from './detect';
import type { ClaimContext } from './types';

const ELEMENT = 1;
const TEXT = 3;

/** Not prose: program text, hidden templates, navigation chrome. */
const SKIP = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'CODE', 'PRE', 'TEXTAREA', 'SVG', 'MATH', 'KBD', 'SAMP',
  'IFRAME', 'OBJECT', 'EMBED', 'SELECT', 'OPTION', 'HEAD', 'TITLE', 'NAV', 'BUTTON', 'CANVAS', 'AUDIO', 'VIDEO',
]);

/** Elements that start a new block of text (a paragraph, for resolution). */
const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'CAPTION', 'DD', 'DETAILS', 'DIALOG', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP',
  'HR', 'LI', 'MAIN', 'OL', 'P', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
  'HTML', 'LEGEND', 'MENU',
]);

const MAX_PARAGRAPH = 1500;
/** Stop reading a huge page after this much text: a claim is in prose, not in a 10 MB dump. */
const MAX_TEXT = 2_000_000;

export interface ScanOptions {
  /** Where the page came from (its URL), for the page's own model. */
  urlHint?: string | null;
}

export interface PageScan {
  /** The model the page is about (a Hub model page, or a GitHub README linking one), or null. */
  pageModel: string | null;
  contexts: ClaimContext[];
}

interface Block {
  text: string;
  links: { start: number; end: number; repo: string }[];
}

function hubRepoOf(href: string, base: string | null): string | null {
  let abs = href;
  try {
    abs = new URL(href, base ?? undefined).href;
  } catch {
    // a relative href without a base, or garbage: only absolute Hub URLs count then
  }
  if (!/^(?:https?:)?\/\/(?:www\.)?(?:huggingface\.co|hf\.co)\//i.test(abs)) return null;
  return extractHubRepoIds(abs)[0] ?? null;
}

/**
 * Elements under `root` that pass `test`, in document order, found without recursion (selector engines
 * recurse, and a hostile page can nest deeper than the call stack).
 */
function findElements(root: Node, test: (el: Element) => boolean, limit = Infinity): Element[] {
  const out: Element[] = [];
  const stack: Node[] = [root];
  while (stack.length > 0 && out.length < limit) {
    const n = stack.pop()!;
    if (n.nodeType !== ELEMENT) continue;
    const el = n as Element;
    if (el !== root && test(el)) out.push(el);
    const kids = el.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  return out;
}

/** An attribute of the first element in <head> that passes `test` (the head is shallow: no deep search). */
function headAttr(doc: Document, test: (el: Element) => boolean, attr: string): string | null {
  const head = doc.head;
  if (!head) return null;
  for (const el of Array.from(head.children)) if (test(el)) return el.getAttribute(attr);
  return null;
}

const tagIs = (el: Element, tag: string) => el.tagName.toUpperCase() === tag;

function isHidden(el: Element): boolean {
  return el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true';
}

/** Text of the document split into blocks, whitespace collapsed, with the Hub links in each. */
export function collectBlocks(doc: Document, base: string | null): Block[] {
  const blocks: Block[] = [];
  let cur: Block = { text: '', links: [] };
  let total = 0;
  const flush = () => {
    const trimmed = cur.text.trim();
    if (trimmed) {
      const lead = cur.text.length - cur.text.trimStart().length;
      blocks.push({
        text: trimmed,
        links: cur.links
          .map((l) => ({ start: l.start - lead, end: l.end - lead, repo: l.repo }))
          .filter((l) => l.end > 0 && l.start < trimmed.length),
      });
    }
    cur = { text: '', links: [] };
  };
  const append = (s: string) => {
    const t = s.replace(/\s+/g, ' ');
    if (!t) return;
    if (t === ' ' && (cur.text === '' || cur.text.endsWith(' '))) return;
    cur.text += cur.text.endsWith(' ') && t.startsWith(' ') ? t.slice(1) : t;
    total += t.length;
  };

  // Iterative walk (a hostile page can nest deeper than the call stack): entries are nodes to enter,
  // or closers to run when an element's children are done.
  type Entry = Node | (() => void);
  const root: Node | null = doc.body ?? doc.documentElement;
  if (!root) return blocks;
  const stack: Entry[] = [root];
  while (stack.length > 0 && total < MAX_TEXT) {
    const entry = stack.pop()!;
    if (typeof entry === 'function') {
      entry();
      continue;
    }
    if (entry.nodeType === TEXT) {
      append(entry.nodeValue ?? '');
      continue;
    }
    if (entry.nodeType !== ELEMENT) continue;
    const el = entry as Element;
    const tag = el.tagName.toUpperCase();
    if (SKIP.has(tag) || isHidden(el)) continue;
    if (tag === 'BR') {
      // A line break ends a sentence for the detector; keep it as a newline.
      if (cur.text && !cur.text.endsWith('\n')) cur.text = cur.text.replace(/ $/, '') + '\n';
      continue;
    }
    const block = BLOCK.has(tag);
    if (block) flush();
    if (tag === 'A') {
      const repo = hubRepoOf(el.getAttribute('href') ?? '', base);
      if (repo) {
        const start = cur.text.length;
        const host = cur;
        stack.push(() => {
          // A block inside the link flushed `cur`: the link then belongs to no single block.
          if (host === cur) host.links.push({ start, end: cur.text.length, repo });
        });
      }
    }
    if (block) stack.push(flush);
    const kids = el.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  flush();
  return blocks;
}

/** The Hub model a page is about: a Hub model page (from its URL or canonical link), or a GitHub README's most-linked model. */
export function detectPageModel(doc: Document, urlHint: string | null | undefined): string | null {
  const fromHubUrl = (u: string | null | undefined): string | null => {
    if (!u || !/^(?:https?:\/\/)?(?:www\.)?(?:huggingface\.co|hf\.co)\//i.test(u)) return null;
    return extractHubRepoIds(u)[0] ?? null;
  };
  if (urlHint) {
    const hub = fromHubUrl(urlHint);
    if (hub) return hub;
    let host = '';
    try {
      host = new URL(urlHint).hostname.toLowerCase();
    } catch {
      return null;
    }
    if (host === 'github.com' || host === 'www.github.com') {
      const body = doc.body;
      if (!body) return null;
      const readme =
        findElements(body, (el) => el.id === 'readme' || (tagIs(el, 'ARTICLE') && el.classList.contains('markdown-body')), 1)[0] ?? body;
      const counts = new Map<string, { id: string; n: number; first: number }>();
      let order = 0;
      for (const a of findElements(readme, (el) => tagIs(el, 'A') && el.hasAttribute('href'))) {
        const id = hubRepoOf(a.getAttribute('href') ?? '', urlHint);
        if (!id) continue;
        const key = id.toLowerCase();
        const c = counts.get(key) ?? { id, n: 0, first: order++ };
        c.n++;
        counts.set(key, c);
      }
      const best = [...counts.values()].sort((x, y) => y.n - x.n || x.first - y.first)[0];
      return best ? best.id : null;
    }
    return null;
  }
  // No hint: a saved Hub page still says where it came from.
  const canonical = headAttr(doc, (el) => tagIs(el, 'LINK') && (el.getAttribute('rel') ?? '').toLowerCase() === 'canonical', 'href');
  const og = headAttr(doc, (el) => tagIs(el, 'META') && el.getAttribute('property') === 'og:url', 'content');
  return fromHubUrl(canonical) ?? fromHubUrl(og);
}

/** The paragraph around a sentence, at most MAX_PARAGRAPH characters, and where the sentence starts in it. */
function paragraphWindow(text: string, sentenceStart: number, sentenceLength: number): [string, number] {
  if (text.length <= MAX_PARAGRAPH) return [text, sentenceStart];
  const room = Math.max(0, MAX_PARAGRAPH - sentenceLength);
  let a = Math.max(0, sentenceStart - Math.floor((room * 2) / 3));
  const b = Math.min(text.length, a + MAX_PARAGRAPH);
  a = Math.max(0, b - MAX_PARAGRAPH);
  return [text.slice(a, b), sentenceStart - a];
}

/** Repo ids of links overlapping [from, to), nearest to `at` first (links before `at` win ties). */
function linksIn(links: Block['links'], from: number, to: number, at: number): string[] {
  const hits = links
    .filter((l) => l.end > from && l.start < to)
    .map((l) => ({ repo: l.repo, d: l.end <= at ? at - l.end : l.start - at + 0.5 }))
    .sort((x, y) => x.d - y.d);
  return [...new Set(hits.map((h) => h.repo))];
}

/** Every claim on the page, with the text around it and the Hub links near it. */
export function scanDocument(doc: Document, opts: ScanOptions = {}): PageScan {
  const base = opts.urlHint ?? headAttr(doc, (el) => tagIs(el, 'BASE'), 'href');
  const pageModel = detectPageModel(doc, opts.urlHint);
  const contexts: ClaimContext[] = [];
  for (const block of collectBlocks(doc, base)) {
    for (const c of detectClaims(block.text)) {
      const sentenceStart = c.sentenceStart ?? Math.max(0, block.text.indexOf(c.sentence));
      const [paragraph, sentenceIndex] = paragraphWindow(block.text, sentenceStart, c.sentence.length);
      const sentenceEnd = sentenceStart + c.sentence.length;
      contexts.push({
        id: `c${contexts.length + 1}`,
        phrase: c.phrase,
        kind: c.kind,
        sentence: c.sentence,
        paragraph,
        // Capped like the content script's message (lib/messages.ts): the nearest links are the ones that count.
        linkedRepos: {
          sentence: linksIn(block.links, sentenceStart, sentenceEnd, c.start).slice(0, 20),
          paragraph: linksIn(block.links, 0, block.text.length, c.start).slice(0, 50),
        },
        phraseIndex: c.start - sentenceStart,
        sentenceIndex,
      });
    }
  }
  return { pageModel, contexts };
}

