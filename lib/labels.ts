import type { Severity } from './claims/types';
import type { Label } from './verdict/schema';

/**
 * Label words, glyphs and colours: the one module the popup, the in-page badge, the toolbar, the CLI and the
 * claim judge read them from. Plain data (no Preact, no browser), so the background and the CLI can import it.
 * The English catalog (locales/en.json `label.*`) must say the same as LABEL_TEXT and LABEL_HINT (a test holds it).
 */

/** Short label words, as on a badge. */
export const LABEL_TEXT: Record<Label, string> = {
  'open-source': 'Open source AI',
  'open-weights': 'Open weights',
  'restricted-weights': 'Restricted',
  closed: 'Closed',
  unknown: 'Unknown',
};

/** One line under the label: what it means. */
export const LABEL_HINT: Record<Label, string> = {
  'open-source': 'Meets the OSI Open Source AI Definition 1.0',
  'open-weights': 'Weights under an open licence, but not open source AI',
  'restricted-weights': 'Weights available under terms that restrict use, modification or sharing',
  closed: 'No weights released',
  unknown: 'Not enough evidence to say',
};

/** The label inside a sentence (the judge's reasons) and, in capitals, the CLI's heading. */
export const LABEL_PHRASE: Record<Label, string> = {
  'open-source': 'open source AI (meets OSAID 1.0)',
  'open-weights': 'open weights, not shown to be open source AI',
  'restricted-weights': 'restricted weights',
  closed: 'closed (no weights released)',
  unknown: 'unknown',
};

/** The toolbar badge's text for a page model's label (a glyph: the badge has room for about four characters). */
export const LABEL_GLYPH: Record<Label, string> = {
  'open-source': '✓',
  'open-weights': 'W',
  'restricted-weights': '!',
  closed: '✕',
  unknown: '',
};

export interface LabelColors {
  fg: string;
  bg: string;
  border: string;
}

/** Colours of the in-page badges by label (light and dark themes). */
export const LABEL_COLORS: Record<'light' | 'dark', Record<Label, LabelColors>> = {
  light: {
    'open-source': { fg: '#0b5d1e', bg: '#e3f5e6', border: '#7cc48a' },
    'open-weights': { fg: '#0a4f7a', bg: '#e2f0fa', border: '#86bfe3' },
    'restricted-weights': { fg: '#7a4100', bg: '#fff1dc', border: '#e6a850' },
    closed: { fg: '#5c1616', bg: '#fbe5e5', border: '#d98a8a' },
    unknown: { fg: '#3d4450', bg: '#eef0f3', border: '#b9c0ca' },
  },
  dark: {
    'open-source': { fg: '#a8e6b4', bg: '#12301a', border: '#3f8a4f' },
    'open-weights': { fg: '#a9d6f5', bg: '#0e2a3d', border: '#3f7aa3' },
    'restricted-weights': { fg: '#ffd59a', bg: '#3a2406', border: '#a86b1c' },
    closed: { fg: '#f3b1b1', bg: '#3a1212', border: '#9c4a4a' },
    unknown: { fg: '#d3d8df', bg: '#262a31', border: '#5b636f' },
  },
};

/** The openwashing mark: a red for high severity, amber for medium. */
export const SEVERITY_COLORS: Record<Exclude<Severity, 'none'>, string> = {
  high: '#c0262d',
  medium: '#b35c00',
};

/** Toolbar badge background per label (one colour for both themes: the browser draws it). */
export const TOOLBAR_LABEL_COLORS: Record<Label, string> = {
  'open-source': '#2e7d32',
  'open-weights': '#1565c0',
  'restricted-weights': '#b35c00',
  closed: '#8e2424',
  unknown: '#5f6670',
};

/** Terminal colour per label (ANSI SGR code: green, cyan, yellow, red, white), for the CLI. */
export const LABEL_ANSI: Record<Label, string> = {
  'open-source': '32',
  'open-weights': '36',
  'restricted-weights': '33',
  closed: '31',
  unknown: '37',
};

/** A status's symbol beside its word (freedoms, components, MOF, definitions): ✔ good, ✘ bad, ? unknown. */
export const STATUS_SYMBOL: Record<string, string> = {
  granted: '✔',
  available: '✔',
  present: '✔',
  yes: '✔',
  pass: '✔',
  restricted: '✘',
  missing: '✘',
  no: '✘',
  fail: '✘',
  none: '✘',
  unknown: '?',
};
