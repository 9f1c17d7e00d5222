import type { Label } from '@/lib/verdict/schema';

/** Words and colours for each label, shared by the popup and (later) the in-page badge. */
export const LABEL_TEXT: Record<Label, string> = {
  'open-source': 'Open source AI',
  'open-weights': 'Open weights',
  'restricted-weights': 'Restricted',
  closed: 'Closed',
  unknown: 'Unknown',
};

export const LABEL_HINT: Record<Label, string> = {
  'open-source': 'Meets the OSI Open Source AI Definition 1.0',
  'open-weights': 'Weights under an open licence, but not open source AI',
  'restricted-weights': 'Weights available under terms that restrict use, modification or sharing',
  closed: 'No weights released',
  unknown: 'Not enough evidence to say',
};

export const STATUS_SYMBOL: Record<string, string> = {
  granted: '✔', available: '✔', present: '✔', yes: '✔', pass: '✔',
  restricted: '✘', missing: '✘', no: '✘', fail: '✘', none: '✘',
  unknown: '?',
};
