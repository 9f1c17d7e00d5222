/**
 * Claim underlines and the "go to claim" focus: the CSS Custom Highlight API where there is one (no change
 * to the page's DOM), else an underline span around a sentence that is a whole text node.
 */

type Kind = 'ow' | 'med';
const NAMES = { ow: 'ajar-openwashing', med: 'ajar-unverified', focus: 'ajar-focus' } as const;

export class Highlights {
  private sets: { ow?: Highlight; med?: Highlight; focus?: Highlight } = {};
  private marks: HTMLElement[] = [];

  constructor(private readonly doc: Document) {}

  private set(kind: keyof typeof NAMES): Highlight | null {
    const H = (globalThis as { Highlight?: typeof Highlight }).Highlight;
    const reg = (globalThis as { CSS?: { highlights?: HighlightRegistry } }).CSS?.highlights;
    if (!H || !reg) return null;
    try {
      if (!this.sets[kind]) {
        this.sets[kind] = new H();
        reg.set(NAMES[kind], this.sets[kind]!);
        ensureHighlightStyles(this.doc);
      }
      return this.sets[kind]!;
    } catch {
      return null;
    }
  }

  underline(range: Range, kind: Kind): void {
    const h = this.set(kind);
    if (h) {
      h.add(range);
      return;
    }
    // Fallback (no Highlight API): an underline span around the sentence's text node, only where the sentence
    // is that whole node, so no page text node is ever split (frameworks keep references to them).
    const t = range.startContainer;
    if (
      t !== range.endContainer ||
      t.nodeType !== 3 ||
      range.startOffset !== 0 ||
      (range.endOffset !== (t as Text).data.trimEnd().length && range.endOffset !== (t as Text).data.length)
    )
      return;
    const span = this.doc.createElement('span');
    span.setAttribute('data-ajar-underline', kind);
    span.setAttribute(
      'style',
      `text-decoration:underline ${kind === 'ow' ? 'wavy #c0262d' : 'dotted #b35c00'};text-decoration-thickness:1px;text-underline-offset:3px`,
    );
    t.parentNode?.insertBefore(span, t);
    span.appendChild(t);
    this.marks.push(span);
  }

  /** A claim place went away: its underline too. */
  drop(range: Range): void {
    this.sets.ow?.delete(range);
    this.sets.med?.delete(range);
  }

  /** Highlights a range for a moment (the popup's "go to claim"); false without the Highlight API. */
  focus(range: Range, signal: AbortSignal): void {
    const h = this.set('focus');
    if (!h) return;
    h.clear();
    h.add(range);
    const t = setTimeout(() => h.delete(range), 2500);
    signal.addEventListener('abort', () => clearTimeout(t), { once: true });
  }

  clear(): void {
    for (const m of this.marks) m.replaceWith(...m.childNodes);
    this.marks = [];
    this.sets.ow?.clear();
    this.sets.med?.clear();
    this.sets.focus?.clear();
  }
}

let highlightStylesFor: Document | null = null;
/** The underline styles for the claim highlights: the only styles Ajar adds to the page itself. */
function ensureHighlightStyles(doc: Document): void {
  if (highlightStylesFor === doc) return;
  highlightStylesFor = doc;
  const text =
    '::highlight(ajar-openwashing){text-decoration:underline wavy #c0262d 1px}' +
    '::highlight(ajar-unverified){text-decoration:underline dotted #b35c00 1px}' +
    '::highlight(ajar-focus){background-color:rgba(255,200,60,.45)}';
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(text);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    return;
  } catch {
    /* Firefox content scripts may not adopt sheets into the page: a <style> then */
  }
  const style = doc.createElement('style');
  style.setAttribute('data-ajar', '');
  style.textContent = text;
  (doc.head ?? doc.documentElement).appendChild(style);
}
