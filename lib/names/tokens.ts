/**
 * Model names as pages write them, turned into comparable tokens.
 *
 * "Llama-3.1-8B", "llama 3.1 8b" and "Llama3.1 8B" all become ["llama", "3.1", "8b"]: separators fold, and a word
 * of two or more letters is split from a number glued to it ("qwen2.5" → "qwen 2.5"). One-letter prefixes stay
 * attached ("k2", "r1", "v2", "e4b", "a22b"), so version and size tokens keep their meaning, and dots stay, so
 * 3.1 and 31 differ.
 */

/** Words that only say which variant of a size is meant; folded to one spelling. */
const VARIANT_SYNONYMS: Record<string, string> = {
  it: 'instruct',
  inst: 'instruct',
  instruction: 'instruct',
  instructed: 'instruct',
  hf: '',
};

/** Vendor words pages put before a model name ("Meta Llama 3", "Google's Gemma 2", "Mistral AI's Mixtral"). */
export const VENDOR_WORDS = new Set([
  'meta',
  'metas',
  'google',
  'googles',
  'microsoft',
  'microsofts',
  'alibaba',
  'alibabas',
  'ibm',
  'ibms',
  'nvidia',
  'nvidias',
  'ai2',
  'allenai',
  'tii',
  'tiis',
  'openai',
  'openais',
  'anthropic',
  'anthropics',
  'stability',
  'ai',
  'stabilityai',
  'xai',
  'xais',
  'amazon',
  'amazons',
  'aws',
  'baidu',
  'baidus',
  'cohere',
  'coheres',
  'deepmind',
  'facebook',
  'mistralai',
  'moonshot',
  'moonshots',
  'bigcode',
  'bigcodes',
  'the',
]);

/** Lower-case tokens of a name; empty for text without letters or digits. */
export function nameTokens(name: string): string[] {
  const s = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’']s\b/g, 's')
    // Dots only inside numbers ("3.1", "v0.1"); every other non-alphanumeric character separates.
    .replace(/\.(?!\d)|(?<!\d)\./g, ' ')
    .replace(/[^a-z0-9.+]+/g, ' ')
    // "qwen2.5" → "qwen 2.5", but "k2", "r1", "v2", "8x7b", "a22b" stay whole.
    .replace(/([a-z]{2,})(?=\d)/g, '$1 ')
    .trim();
  if (!s) return [];
  const out: string[] = [];
  for (const t of s.split(/\s+/)) {
    const v = VARIANT_SYNONYMS[t];
    if (v === '') continue;
    out.push(v ?? t);
  }
  return out;
}

/** The tokens joined by one space: the key two spellings of one name share. */
export function nameKeyOf(name: string): string {
  return nameTokens(name).join(' ');
}

/** A size token: "8b", "0.5b", "270m", "8x7b", "17b", "a22b" (active), "e4b" (effective), "16e" (experts). */
export function isSizeToken(t: string): boolean {
  return /^(?:\d+(?:\.\d+)?[bmkt]|\d+x\d+(?:\.\d+)?b|[ae]\d+(?:\.\d+)?b|\d+e)$/.test(t);
}
