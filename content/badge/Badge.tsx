/**
 * The in-page badge: one `<ajar-badge>` host per badge with a closed shadow root, so the page's CSS and
 * scripts cannot reach inside and the badge's CSS cannot reach the page. Inside: a focusable chip (a
 * button with an accessible name) and a small popover (label, one-line reason, "details").
 *
 * Layout: the host is inline-block with a fixed height of 1em of the surrounding text and
 * vertical-align: middle, which fits inside the line box of any text with line-height >= 1.2, so a
 * badge adds its own width and nothing else. All text goes in as text nodes (a tiny DOM builder, no
 * Preact: the content script's size budget), never as markup.
 */
import type { Label } from '@/lib/verdict/schema';
import type { ClaimKind, Severity } from '@/lib/claims/types';
import { LABEL_COLORS, LABEL_HINT, LABEL_TEXT, SEVERITY_COLORS } from '@/lib/labels';
import { BADGE_TAG } from '@/lib/scan/dom';

export type BadgeVariant = 'header' | 'claim' | 'compact';
export type BadgeTheme = 'light' | 'dark';

export interface BadgeData {
  variant: BadgeVariant;
  label: Label;
  /** The model the badge is about (repo id or name); null: a claim whose model is unknown. */
  model: string | null;
  /** One line: the claim's judgement, or the verdict's summary. */
  reason: string;
  openwashing: boolean;
  severity: Severity;
  /** For claim badges: the claim's strength, id and sentence. */
  kind?: ClaimKind;
  claimId?: string;
  claimText?: string;
}

export interface BadgeOptions {
  theme: BadgeTheme;
  /** "details" was chosen (a trusted click or key press): open the detail view for this model. */
  onDetails(model: string): void;
  /** "report" was chosen on a claim badge (a trusted click or key press). */
  onReport?(data: BadgeData): void;
}

export interface BadgeHandle {
  readonly host: HTMLElement;
  data: BadgeData;
  update(data: BadgeData): void;
  focus(): void;
  remove(): void;
}

/** The host element's tag, defined once in lib/scan (the scanner skips it). */
export { BADGE_TAG };

/** Words for the accessible name, lower case ("Ajar: restricted weights — openwashing claim"). */
const SPOKEN: Record<Label, string> = {
  'open-source': 'open source AI',
  'open-weights': 'open weights',
  'restricted-weights': 'restricted weights',
  closed: 'closed',
  unknown: 'unknown',
};

export function accessibleName(d: BadgeData): string {
  let name = `Ajar: ${d.model === null && d.label === 'unknown' ? 'model unknown' : SPOKEN[d.label]}`;
  if (d.openwashing) name += d.severity === 'medium' ? ' — unverified open source claim' : ' — openwashing claim';
  if (d.model) name += `, ${d.model}`;
  return name;
}

function chipText(d: BadgeData): string {
  if (d.openwashing) return d.severity === 'medium' ? 'Unverified' : 'Openwashing';
  if (d.model === null && d.label === 'unknown') return 'Model unknown';
  return LABEL_TEXT[d.label];
}

const HOST_STYLE = {
  base:
    'all:initial!important;display:inline-block!important;position:static!important;float:none!important;' +
    'visibility:visible!important;opacity:1!important;transform:none!important;font-size:inherit!important;' +
    'vertical-align:middle!important;margin:0 0 0 .3em!important;padding:0!important;border:0!important;' +
    'contain:layout style!important;',
  claim: 'height:min(1em,20px)!important;',
  compact: 'height:min(1em,18px)!important;',
  header: 'height:22px!important;margin-left:.5em!important;',
};

function css(): string {
  const rules: string[] = [];
  for (const theme of ['light', 'dark'] as const) {
    for (const [label, c] of Object.entries(LABEL_COLORS[theme])) {
      rules.push(`.${theme} .l-${label}{color:${c.fg};background:${c.bg};border-color:${c.border}}`);
    }
  }
  return `
:host{all:initial}
*{box-sizing:border-box}
.chip{all:unset;box-sizing:border-box;display:inline-flex;align-items:center;gap:.3em;height:100%;
  padding:0 .45em;border:1px solid;border-radius:999px;cursor:pointer;white-space:nowrap;
  font:600 clamp(10px,.72em,13px)/1 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;letter-spacing:.01em}
.header .chip{font-size:12px;padding:0 .65em}
.chip:focus-visible{outline:2px solid #2563eb;outline-offset:1px}
.dot{width:.55em;height:.55em;border-radius:50%;background:currentColor;flex:none}
.warn{font-size:1.05em;line-height:1}
.ow-high .chip{border-color:${SEVERITY_COLORS.high};box-shadow:inset 0 0 0 1px ${SEVERITY_COLORS.high}}
.ow-medium .chip{border-color:${SEVERITY_COLORS.medium}}
.ow-high .warn{color:${SEVERITY_COLORS.high}}
.ow-medium .warn{color:${SEVERITY_COLORS.medium}}
.dark.ow-high .warn{color:#ff8a8f}
.dark.ow-medium .warn{color:#ffb870}
.pop{position:fixed;inset:auto;margin:0;top:0;left:0;width:max-content;max-width:min(340px,calc(100vw - 16px));
  padding:10px 12px;border:1px solid #c9ced6;border-radius:8px;background:#fff;color:#1b1f24;
  box-shadow:0 6px 24px rgba(0,0,0,.18);font:13px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;
  text-align:left;white-space:normal;z-index:2147483647;overflow-wrap:anywhere}
.dark .pop{background:#1d2127;color:#e6e9ee;border-color:#3d444e}
.pop{display:none}
.pop.fallback-open{display:block}
.pop:popover-open{display:block}
.head{font-weight:600;margin:0 0 6px}
.model{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-weight:500}
.lab{display:inline-block;padding:0 6px;border:1px solid;border-radius:999px;font-weight:600;margin-right:6px}
.hint{opacity:.85}
.reason{margin:6px 0 8px}
.ow-high .reason{color:${SEVERITY_COLORS.high}}
.dark.ow-high .reason{color:#ff8a8f}
.ow-medium .reason{color:${SEVERITY_COLORS.medium}}
.dark.ow-medium .reason{color:#ffb870}
.actions{display:flex;gap:14px;margin:0}
.details{all:unset;cursor:pointer;color:#1d4ed8;text-decoration:underline;font-weight:600}
.dark .details{color:#8ab4ff}
.details:focus-visible{outline:2px solid #2563eb;outline-offset:2px}
${rules.join('\n')}`;
}

let sharedSheet: CSSStyleSheet | null | undefined;
/** One constructed stylesheet for every badge (not subject to the page's CSP); a <style> where that fails. */
function adoptStyles(root: ShadowRoot): void {
  try {
    if (sharedSheet === undefined) {
      sharedSheet = new CSSStyleSheet();
      sharedSheet.replaceSync(css());
    }
    if (sharedSheet) {
      root.adoptedStyleSheets = [sharedSheet];
      return;
    }
  } catch {
    sharedSheet = null;
  }
  const style = document.createElement('style');
  style.textContent = css();
  root.appendChild(style);
}

const supportsPopover = typeof HTMLElement !== 'undefined' && 'popover' in HTMLElement.prototype;
let uid = 0;

function place(pop: HTMLElement, chip: HTMLElement): void {
  const r = chip.getBoundingClientRect();
  const w = Math.min(340, window.innerWidth - 16);
  const left = Math.max(8, Math.min(r.left, window.innerWidth - w - 8));
  pop.style.left = `${left}px`;
  pop.style.top = `${r.bottom + 6}px`;
  const h = pop.getBoundingClientRect().height;
  if (r.bottom + 6 + h > window.innerHeight && r.top - 6 - h > 0) pop.style.top = `${r.top - 6 - h}px`;
}

type Child = Node | string | null | false | undefined;

/** A tiny element builder: attributes as attributes, children as nodes or text (never markup). */
function el(tag: string, attrs: Record<string, string>, ...children: Child[]): HTMLElement {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) if (c) e.append(c);
  return e;
}

interface ViewProps {
  d: BadgeData;
  theme: BadgeTheme;
  popId: string;
  onChip(e: MouseEvent): void;
  onDetails(e: MouseEvent): void;
  onReport: ((e: MouseEvent) => void) | null;
}

function badgeView({ d, theme, popId, onChip, onDetails, onReport }: ViewProps): HTMLElement {
  const ow = d.openwashing ? ` ow-${d.severity === 'medium' ? 'medium' : 'high'}` : '';
  const root = `${theme} ${d.variant}${ow}`;
  const chip = el(
    'button',
    {
      type: 'button',
      class: `chip l-${d.label}`,
      'aria-label': accessibleName(d),
      'aria-haspopup': 'dialog',
      'aria-controls': popId,
      'aria-expanded': 'false',
      'data-testid': 'ajar-chip',
    },
    d.openwashing
      ? el('span', { class: 'warn', 'aria-hidden': 'true' }, '⚠')
      : el('span', { class: 'dot', 'aria-hidden': 'true' }),
    el('span', {}, chipText(d)),
  );
  chip.addEventListener('click', onChip);
  let details: HTMLElement | null = null;
  if (d.model) {
    details = el('button', { type: 'button', class: 'details', 'data-testid': 'ajar-details' }, 'Details');
    details.addEventListener('click', onDetails);
  }
  let report: HTMLElement | null = null;
  if (onReport && d.variant === 'claim' && d.claimText) {
    report = el('button', { type: 'button', class: 'details', 'data-testid': 'ajar-report' }, 'Report this claim');
    report.addEventListener('click', onReport);
  }
  const pop = el(
    'div',
    { class: `pop ${root}`, id: popId, role: 'dialog', 'aria-label': 'Ajar', 'data-testid': 'ajar-popover' },
    el('p', { class: 'head' }, 'Ajar · ', el('span', { class: 'model' }, d.model ?? 'model unknown')),
    el(
      'div',
      {},
      el('span', { class: `lab l-${d.label}` }, LABEL_TEXT[d.label]),
      el('span', { class: 'hint' }, LABEL_HINT[d.label]),
    ),
    el('p', { class: 'reason', 'data-testid': 'ajar-reason' }, d.reason),
    el('p', { class: 'actions' }, details, report),
  );
  if (supportsPopover) pop.setAttribute('popover', 'auto');
  return el('span', { class: root, 'data-testid': 'ajar-badge-root' }, chip, pop);
}

/** Creates a badge (not yet in the document): insert `handle.host` where it belongs. */
export function createBadge(doc: Document, data: BadgeData, opts: BadgeOptions): BadgeHandle {
  const host = doc.createElement(BADGE_TAG);
  host.setAttribute('style', HOST_STYLE.base + HOST_STYLE[data.variant]);
  const root = host.attachShadow({ mode: 'closed' });
  adoptStyles(root);
  const mount = doc.createElement('span');
  mount.setAttribute('style', 'display:inline-block;height:100%;vertical-align:top');
  root.appendChild(mount);
  const popId = `ajar-pop-${++uid}`;

  const els = () => ({
    chip: root.querySelector<HTMLElement>('.chip'),
    pop: root.querySelector<HTMLElement>('.pop'),
  });
  const onScroll = () => close();
  const isOpen = (pop: HTMLElement) =>
    supportsPopover ? pop.matches(':popover-open') : pop.classList.contains('fallback-open');
  function close() {
    const { pop, chip } = els();
    if (!pop || !isOpen(pop)) return;
    if (supportsPopover) pop.hidePopover();
    else pop.classList.remove('fallback-open');
    chip?.setAttribute('aria-expanded', 'false');
  }
  function open() {
    const { pop, chip } = els();
    if (!pop || !chip) return;
    if (supportsPopover) pop.showPopover();
    else pop.classList.add('fallback-open');
    chip.setAttribute('aria-expanded', 'true');
    place(pop, chip);
    window.addEventListener('scroll', onScroll, { passive: true, capture: true, once: true });
  }

  const onChip = (e: MouseEvent) => {
    // A badge inside a link (listing cards) must not follow the link, nor tell the page's router.
    e.preventDefault();
    e.stopPropagation();
    const { pop } = els();
    if (pop && isOpen(pop)) close();
    else open();
  };
  const onDetails = (e: MouseEvent) => {
    e.preventDefault();
    e.stopPropagation();
    if (!e.isTrusted || !handle.data.model) return; // page scripts cannot click through to the extension
    close();
    opts.onDetails(handle.data.model);
  };

  const onReport = opts.onReport
    ? (e: MouseEvent) => {
        e.preventDefault();
        e.stopPropagation();
        if (!e.isTrusted) return;
        close();
        opts.onReport!(handle.data);
      }
    : null;
  const draw = () =>
    mount.replaceChildren(badgeView({ d: handle.data, theme: opts.theme, popId, onChip, onDetails, onReport }));

  const handle: BadgeHandle = {
    host,
    data,
    update(next) {
      handle.data = next;
      host.setAttribute('style', HOST_STYLE.base + HOST_STYLE[next.variant]);
      mirror();
      draw();
    },
    focus() {
      els().chip?.focus();
    },
    remove() {
      close();
      host.remove();
    },
  };
  // State mirrored on the host for the toolbar-free parts of the extension and for tests; the closed
  // shadow root keeps the rest private.
  const mirror = () => {
    host.setAttribute('data-variant', handle.data.variant);
    host.setAttribute('data-label', handle.data.label);
    host.setAttribute('data-openwashing', String(handle.data.openwashing));
    host.setAttribute('data-severity', handle.data.severity);
    if (handle.data.model) host.setAttribute('data-model', handle.data.model);
    else host.removeAttribute('data-model');
  };
  mirror();
  draw();
  root.addEventListener(
    'toggle',
    (e) => {
      const t = e as ToggleEvent;
      if (t.newState === 'closed') {
        els().chip?.setAttribute('aria-expanded', 'false');
        window.removeEventListener('scroll', onScroll, { capture: true });
      }
    },
    true,
  );
  root.addEventListener('keydown', (e) => {
    if ((e as KeyboardEvent).key === 'Escape') {
      const { pop } = els();
      if (pop && isOpen(pop)) {
        close();
        handle.focus();
      }
    }
  });
  return handle;
}
