/**
 * Finds model names in running text ("… Qwen2.5-72B and Gemini 1.5 Pro …") and resolves each with the registry.
 *
 * Guards against over-matching: a name must stand as a whole word ("Phi" is not found in "Philosophy", "Yi" not
 * inside a word), and a one-word name without a digit must be capitalised as the tables spell it ("Falcon" the
 * model, not "a falcon"); two-letter names ("Yi", "K2") must match the tables' case exactly.
 */
import { nameRegistry, type NameRegistry } from './registry';
import { nameTokens } from './tokens';
import type { NameResolution } from './types';

export interface NameMention {
  /** The text as written, size and variant words included. */
  text: string;
  index: number;
  end: number;
  resolution: NameResolution;
}

const SEP = '[\\s_\\-·]*';
/** Words that may follow a name and belong to it (sizes, variants, sub-names). */
const TAIL_WORD =
  '(?:\\d+(?:\\.\\d+)?[bmBM]|\\d+x\\d+[bB]|[aAeE]\\d+(?:\\.\\d+)?[bB]|\\d+[eE]|v\\d+(?:\\.\\d+)?|\\d{4}|\\d+(?:\\.\\d+)?|' +
  'instruct|Instruct|chat|Chat|base|Base|it|vision|Vision|scout|Scout|maverick|Maverick|mini|Mini|small|Small|medium|Medium|' +
  'large|Large|pro|Pro|flash|Flash|turbo|Turbo|sonnet|Sonnet|opus|Opus|haiku|Haiku|nano|Nano|lite|Lite|coder|Coder|distill|Distill)';

function escapeToken(t: string): string {
  return t.replace(/[.+*?^${}()|[\]\\]/g, '\\$&');
}

/** Regex source for a spelling: its tokens with optional separators between them, any case. */
function spellingSource(spelling: string): string | null {
  const tokens = nameTokens(spelling);
  if (tokens.length === 0) return null;
  return tokens.map(escapeToken).join(SEP);
}

interface Matcher {
  re: RegExp;
  /** Spellings of one-word names, for the case rule. */
  singleWords: Map<string, string[]>;
}

function buildMatcher(registry: NameRegistry): Matcher {
  const spellings = new Set<string>();
  for (const f of registry.families) for (const n of f.names) spellings.add(n);
  for (const c of registry.closed) {
    if (c.confidence !== 'ok') continue;
    for (const a of c.aliases) spellings.add(a);
    for (const p of c.prefixes ?? []) spellings.add(p);
  }
  const singleWords = new Map<string, string[]>();
  const sources: string[] = [];
  for (const s of spellings) {
    const src = spellingSource(s);
    if (!src) continue;
    const tokens = nameTokens(s);
    if (tokens.length === 1 && !/\d/.test(tokens[0]!)) {
      const list = singleWords.get(tokens[0]!) ?? [];
      list.push(s);
      singleWords.set(tokens[0]!, list);
    }
    sources.push(src);
  }
  // Longest alternatives first, so the regex prefers "Stable Diffusion XL" over "Stable Diffusion".
  sources.sort((a, b) => b.length - a.length);
  const body = `(?:${sources.join('|')})(?:${SEP}${TAIL_WORD}(?![\\p{L}\\p{N}]))*`;
  return { re: new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}]|\\.\\d)`, 'giu'), singleWords };
}

let matcher: Matcher | undefined;

function caseOk(m: Matcher, text: string): boolean {
  const tokens = nameTokens(text);
  const first = tokens[0];
  if (tokens.length !== 1 || first === undefined) return true;
  const spellings = m.singleWords.get(first);
  if (!spellings) return true;
  const word = text.trim();
  if (word.length <= 2) return spellings.some((s) => s === word);
  // Capitalised as in the table: "Falcon", "OLMo", "QwQ", or all capitals.
  return spellings.some((s) => s === word || s[0] === word[0]) || word === word.toUpperCase();
}

/**
 * Model names in `text`, left to right, not overlapping; each resolved with the registry. A match whose words do
 * not all resolve is shortened from the end until it does ("Llama 3.1 is" → "Llama 3.1").
 */
export function findModelNames(text: string, registry: NameRegistry = nameRegistry()): NameMention[] {
  let m = matcher;
  if (!m || registry !== nameRegistry()) {
    m = buildMatcher(registry);
    if (registry === nameRegistry()) matcher = m;
  }
  const out: NameMention[] = [];
  m.re.lastIndex = 0;
  for (const hit of text.matchAll(m.re)) {
    let candidate = hit[0];
    while (candidate) {
      const resolution = caseOk(m, candidate) ? registry.resolve(candidate) : null;
      if (resolution) {
        out.push({ text: candidate, index: hit.index!, end: hit.index! + candidate.length, resolution });
        break;
      }
      // Drop the last word (and the separators before it).
      const shorter = candidate.replace(/[\s_\-·]*[^\s_\-·]+$/u, '');
      if (shorter === candidate) break;
      candidate = shorter;
    }
  }
  return out;
}
