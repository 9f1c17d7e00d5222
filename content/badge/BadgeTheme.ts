import type { Label } from '@/lib/verdict/schema';
import type { Severity } from '@/lib/claims/types';

/**
 * Colours of the in-page badges and the toolbar badge, by label (light and dark themes). Plain data, so
 * the background can import it without Preact.
 */
export interface LabelColors {
  fg: string;
  bg: string;
  border: string;
}

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
