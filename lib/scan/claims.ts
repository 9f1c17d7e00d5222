/**
 * Claim contexts of one block: the detector's claims in the block's text, each with its sentence, a capped
 * paragraph around it and the Hub links nearest to it: what the background (or the CLI) needs to resolve
 * and judge a claim. Ids are hashes of the phrase and sentence, stable across rescans and reloads.
 */
import type { ClaimContext, DetectedClaim } from '../claims/types';
import type { BlockLink } from './links';

export const MAX_PARAGRAPH = 4_000;
export const MAX_SENTENCE = 1_000;
/** Caps of the content script's message (lib/messages.ts): the nearest links are the ones that count. */
const MAX_SENTENCE_LINKS = 20;
const MAX_PARAGRAPH_LINKS = 50;
const MAX_PHRASE = 200;

/** FNV-1a, 32 bits, as 8 hex digits: stable claim ids across rescans and reloads. */
export function hashId(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

export const claimIdOf = (phrase: string, sentence: string) => `c${hashId(`${phrase.toLowerCase()}|${sentence}`)}`;

const SENTENCE_END = /[.!?。！？](?:["'”’»)\]]*)(?=\s|$)|[。！？]/g;

/** [start, end) of the sentence around [from, to) in text: split at . ! ? (and CJK stops) before whitespace. */
export function sentenceSpan(text: string, from: number, to: number): [number, number] {
  let start = 0;
  SENTENCE_END.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SENTENCE_END.exec(text)) && m.index + m[0].length <= from) start = m.index + m[0].length;
  SENTENCE_END.lastIndex = Math.max(to, start);
  m = SENTENCE_END.exec(text);
  const end = m ? m.index + m[0].length : text.length;
  while (start < end && /\s/.test(text[start]!)) start++;
  return [start, end];
}

/** A claim found in a block: its context and where its sentence is in the block's text. */
export interface BlockClaim {
  ctx: ClaimContext;
  sentenceStart: number;
  sentenceEnd: number;
}

const uniq = (xs: readonly string[]) => [...new Map(xs.map((x) => [x.toLowerCase(), x])).values()];

/** One context per detected claim (two phrases of one sentence give two contexts with their own ids). */
export function claimsOfBlock(
  text: string,
  found: readonly DetectedClaim[],
  links: readonly BlockLink[],
): BlockClaim[] {
  const out: BlockClaim[] = [];
  for (const d of found) {
    let s0: number;
    let s1: number;
    if (d.sentenceStart !== undefined && text.startsWith(d.sentence, d.sentenceStart)) {
      s0 = d.sentenceStart;
      s1 = s0 + d.sentence.length;
    } else [s0, s1] = sentenceSpan(text, d.start, d.end);
    const sentence = (d.sentence || text.slice(s0, s1)).slice(0, MAX_SENTENCE);
    const paraStart =
      text.length <= MAX_PARAGRAPH ? 0 : Math.max(0, Math.min(s0 - MAX_PARAGRAPH / 2, text.length - MAX_PARAGRAPH));
    // Links nearest to the phrase first: resolution takes the first.
    const near = [...links].sort((a, b) => Math.abs(a.at - d.start) - Math.abs(b.at - d.start));
    out.push({
      ctx: {
        id: claimIdOf(d.phrase, sentence),
        phrase: d.phrase.slice(0, MAX_PHRASE),
        kind: d.kind,
        sentence,
        paragraph: text.slice(paraStart, paraStart + MAX_PARAGRAPH),
        linkedRepos: {
          sentence: uniq(near.filter((l) => l.at >= s0 && l.at < s1).map((l) => l.repoId)).slice(0, MAX_SENTENCE_LINKS),
          paragraph: uniq(near.map((l) => l.repoId)).slice(0, MAX_PARAGRAPH_LINKS),
        },
        phraseIndex: Math.max(0, d.start - s0),
        sentenceIndex: s0 - paraStart,
      },
      sentenceStart: s0,
      sentenceEnd: s1,
    });
  }
  return out;
}
