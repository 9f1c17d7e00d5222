/**
 * Finds openness claims in plain text: "open source" (strong), "open model" (vague), "open weights" or a
 * named licence (honest), in English, German, French, Spanish and Chinese. Negated, scare-quoted and
 * critical uses are dropped: a claim that is really a critique must never be badged as openwashing.
 *
 * This file ships in the content script (25 kB gzip budget for everything), so it carries no tables,
 * no zod and no knowledge pack: one regex finds candidates in a single pass, and a few small anchored
 * regexes look at a bounded window around each candidate. No pattern nests quantifiers, so the cost stays
 * linear in the text length.
 *
 * First-call cost matters as much as throughput: the content script pays for compiling these regexes on
 * every page it scans. So no pattern uses `\p{L}`/`\p{N}` or the `u` flag (under `iu` a Unicode property
 * class compiles several times slower than explicit ranges: its case closure spans all of Unicode), and
 * everything but CLAIM_PREFILTER is built on first use, once a text has passed the prefilter.
 */
import type { ClaimKind, ClaimLang, DetectedClaim } from './types';

/**
 * Letters (L) and digits (N) as explicit UTF-16 ranges, for character classes: the same as `\p{L}` and
 * `\p{N}` on U+0000–U+036F (Latin, Latin-1, Extended-A/B, IPA), U+2000–U+20FF (punctuation),
 * U+3000–U+30FF (CJK punctuation, kana), CJK ideographs and U+FF00–U+FFBE (fullwidth forms); close for
 * Greek, Cyrillic and Hangul. Letters of other scripts and of the supplementary planes count as non-letters.
 */
const L =
  'A-Za-z\\u00aa\\u00b5\\u00ba\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u02c1\\u02c6-\\u02d1\\u02e0-\\u02e4\\u02ec\\u02ee' +
  '\\u0370-\\u0374\\u0376-\\u037d\\u037f-\\u0481\\u048a-\\u052f\\u1e00-\\u1fff\\u2071\\u207f\\u2090-\\u209c' +
  '\\u3005\\u3006\\u3031-\\u3035\\u303b\\u303c\\u3041-\\u3096\\u309d-\\u309f\\u30a1-\\u30fa\\u30fc-\\u30ff\\u3400-\\u4dbf\\u4e00-\\u9fff' +
  '\\uac00-\\ud7a3\\uf900-\\ufad9\\ufb00-\\ufb06\\uff21-\\uff3a\\uff41-\\uff5a\\uff66-\\uffdc';
const N =
  '0-9\\u00b2\\u00b3\\u00b9\\u00bc-\\u00be\\u2070\\u2074-\\u2079\\u2080-\\u2089\\u2150-\\u2189\\u2460-\\u249b\\u24ea-\\u24ff' +
  '\\u3007\\u3021-\\u3029\\u3038-\\u303a\\uff10-\\uff19';

/**
 * Latin letters only, for the word edges of the term-talk and reported-speech patterns (whose keywords are Latin):
 * with the `i` flag, V8 case-folds every range of `L` when it compiles a pattern, which tripled the content
 * script's first-scan cost on a Hub model page.
 */
const LATIN = 'A-Za-z\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u024f';

/** Separator inside a phrase: space, NBSP, hyphen, non-breaking hyphen (at most two: "open - source"). */
const D = '[\\s\\u00a0\\u2010\\u2011-]{0,2}';
const S = '[\\s\\u00a0]+';

// Honest wording. Listed first: at one position the first alternative that matches wins, which is how
// "open-weight" beats "open" and "openly available weights" beats "openly available".
const HONEST = [
  `open${D}source${D}weights?`,
  `open${D}weights?`,
  `(?:openly|publicly|freely)${S}available${S}(?:model${S})?weights`,
  `weights?${S}(?:(?:are|is|were|was|made)${S})?(?:openly${S}|publicly${S}|freely${S})?available`,
  `source${D}available`,
  // Named licences. A model licence named plainly is precise wording, whatever the licence says.
  `(?:Meta${S})?(?:Llama|Gemma|Qwen|Falcon|DeepSeek|Mistral|NVIDIA|Stability${D}AI|TII${S}Falcon)(?:${S}[\\d.]+)?${S}(?:(?:Community|Research|Non-?Commercial|LLM|Open${S}Model)${S}){0,2}Licen[cs]e(?:${S}(?:Agreement|v?[\\d.]+))?`,
  `Gemma${S}Terms${S}of${S}Use`,
  `Apache(?:${D}Licen[cs]e,?)?${D}(?:v(?:ersion)?${D})?2(?:\\.0)?`,
  `MIT${S}Licen[cs]e`,
  `(?:(?:CreativeML|Creative${S}ML|BigCode)${S})?Open${D}RAIL(?:\\+\\+|[+-]{1,2}M|-[MSD])?`,
  `CC${D}BY(?:${D}(?:NC|SA|ND)){0,3}(?:${D}\\d\\.\\d)?`,
  `offene[nr]?${S}Gewichte?n?`,
  `poids${S}(?:ouverts|libres)`,
  `pesos${S}abiertos`,
].join('|');

// Strong wording: what the issue calls an open-source claim.
const STRONG = [
  `(?:fully|truly|completely|totally|genuinely|100${D}%)${D}open(?!${D}(?:weights?|access)(?![${L}${N}]))(?:${D}source(?:d|ing)?)?`,
  `open${D}sourc(?:e[ds]?|ing)(?:${S}AI)?`,
  'quelloffen(?:e[nmrs]?)?',
  `code${S}source${S}ouvert`,
  `c[oó]digo${S}abierto`,
  `fuente${S}abierta`,
].join('|');

// Vague wording: open-sounding, but no claim to meet a definition.
const VAGUE = [
  `open${D}access`,
  `openly${S}(?:available|releas(?:e[ds]?|ing)|licen[cs]ed)`,
  `open${S}release`,
  `open(?:${S}(?:large${S})?language)?${S}models?(?!${S}Licen[cs]e)`,
  `open${S}LLMs?`,
  `offene[nrs]?${S}(?:KI-)?Modell(?:e|en)?`,
  `mod[eè]les?${S}ouverts?`,
  `modelos?${S}abiertos?`,
].join('|');

// CJK has no word boundaries; the honest forms come first so that 开源权重 is not read as 开源.
const CJK_HONEST = '开放权重|開放權重|权重开放|權重開放|开源权重|開源權重|开放模型权重|開放模型權重';
const CJK_STRONG = '完全开源|完全開源|开源|開源';
const CJK_VAGUE = '开放模型|開放模型';

const EDGE_L = `(?<![${L}${N}_])`;
const EDGE_R = `(?![${L}${N}_])`;

/** A regex built on first use: compiling costs more than most pages' whole scan, and most texts never get there. */
function lazy(make: () => RegExp): () => RegExp {
  let re: RegExp | undefined;
  return () => (re ??= make());
}

/** Groups: 1 honest, 2 strong, 3 vague (Latin scripts), 4 honest, 5 strong, 6 vague (CJK). */
const CLAIM_RE = lazy(
  () =>
    new RegExp(
      `${EDGE_L}(?:(${HONEST})|(${STRONG})|(${VAGUE}))${EDGE_R}|(${CJK_HONEST})|(${CJK_STRONG})|(${CJK_VAGUE})`,
      'gi',
    ),
);

/**
 * A cheap first test for a text node: false means detectClaims would find nothing. Every phrase the
 * detector knows contains one of these fragments (checked by a unit test over the fixture sentences).
 */
export const CLAIM_PREFILTER =
  /open|offen|weight|gewicht|source|licen[cs]|apache|cc[\s-]?by|abiert|ouvert|poids|pesos|terms\s+of\s+use|开源|開源|开放|開放|权重|權重/i;

// --- Context tests. All work on a window of at most ~80 characters, anchored at the phrase. ---

/** Words that may stand between a negation and the phrase ("not really", "ist nicht ganz"); never "but". */
const FILL = `(?:(?!(?:but|aber|mais|pero|sino)[\\s,])[${L}${N}'’-]+\\s+){0,4}`;
const QUOTE_OPEN = '["“”„«‹\'‘’「『]';

/** A negation just before the phrase, in any of the five languages. */
const NEG_BEFORE = lazy(
  () =>
    new RegExp(
      '(?:' +
        `(?:^|[^${L}${N}])(?:not(?!\\s+(?:only|just|merely)\\b)|never|nor|neither|hardly|barely|(?:is|are|was|were|ai|does|do|did|wo|ca)n['’]t|cannot|no\\s+longer|far\\s+from|anything\\s+but|rather\\s+than|instead\\s+of|less\\s+than|nicht(?!\\s+nur)|kein[${L}]*|niemals|pas(?!\\s+seulement)|jamais|loin\\s+d['’][${L}]*|ni|no(?!\\s+(?:solo|sólo)\\b)|nunca|lejos\\s+de)\\s+${FILL}` +
        // 不是(一个真正的)开源: a few characters may sit between; single-character negators must touch the phrase.
        `|(?:不是|并非|並非|不算|并不是|並不是|算不上|称不上|稱不上|没有|沒有)[^，。！？、,.!?;；]{0,8}|(?:非|不|未|无|無)` +
        `)(?:[${L}]{1,2}['’])?${QUOTE_OPEN}?\\s?$`,
      'i',
    ),
);

/** "so-called", or someone else's words for it: 'Meta calls Llama "open source"', 'marketed as'. */
const ATTRIBUTED_BEFORE = lazy(
  () =>
    new RegExp(
      '(?:' +
        `(?:so[\\s-]called|sogenannte[${L}]*|soi[\\s-]disant|supuest[${L}]*|所谓|所謂|号称|號稱|宣称|宣稱|声称|聲稱|自称|自稱|标榜|標榜|称为|稱為)[^，。！？、,.!?;；]{0,12}` +
        `|according\\s+to\\s+[${L}${N}’'. -]{1,40},\\s+${FILL}` +
        `|(?:^|[^${L}])(?:say(?:s|ing)?|said|stat(?:es|ed|ing)|insist(?:s|ed)?|argu(?:es|ed|ing)|assert(?:s|ed)?|sagt|behauptet|affirme|prétend|afirma|asegura|dice|call(?:s|ed|ing)?|dub(?:s|bed)?|label(?:s|l?ed|l?ing)?|brand(?:s|ed|ing)?|market(?:s|ed|ing)?|tout(?:s|ed|ing)?|bill(?:s|ed)|advertis(?:e|es|ed|ing)|claim(?:s|ed|ing)?|describ(?:e|es|ed|ing)|pass(?:es|ed)?\\s+off|bezeichne[${L}]*|nenn[${L}]*|vermarkte[${L}]*|beworben|appel(?:le|lent|é|ée|és)|qualifi[${L}]*|vendu[${L}]*|denomin[${L}]*|calific[${L}]*|llamad[${L}]*|presentad[${L}]*)\\s+(?:[${L}${N}'’.-]+\\s+){0,4}?(?:(?:as|to\\s+be|als|comme|como)\\s+)?(?:being\\s+)?` +
        // 'labeled as "open" or "open source"': another quoted word coordinated before the phrase.
        `(?:${QUOTE_OPEN}[^"“”„«»]{1,24}["”»’']\\s+(?:or|and|oder|und|ou|et|o|y)\\s+)?` +
        `)${QUOTE_OPEN}?\\s?$`,
      'i',
    ),
);

/** The phrase names a class of other models ("outperform open-source chat models"), not this one. */
const COMPARED_BEFORE = lazy(
  () =>
    /\b(?:unlike|outperform\w*|compared?\s+(?:to|with)|than|versus|vs\.?|rival\w*|surpass\w*|beat(?:s|ing)?|exceed\w*|competitive\s+with|on\s+par\s+with|against)\s+(?:(?:many|most|all|some|other|several|leading|existing|popular|current|available|prior|previous|the|of|best|top|comparable|similar|larger)\s+){0,4}$/i,
);

/**
 * After the phrase: it is talked about ("open-source claims", "open-source washing"), it is the topic
 * ("Llama 4 and the open source question", "die Open-Source-Debatte"), or it names a thing.
 */
const META_AFTER = lazy(
  () =>
    new RegExp(
      '^(?:社区|社區|软件|軟件|项目|項目|运动|運動|定义|定義|倡议|倡議|促进会)|^["”’»」』]?[\\s-]*(?:AI\\s+)?(?:claims?|label(?:s|l?ed|l?ing)?|branding|marketing|rhetoric|narrative|washing|washed|credentials|moniker|initiative|definition|communit(?:y|ies)|movement|ecosystem|principles|advocates?|contributors?|foundation' +
        // A topic, not a property of a model; "open-source question answering" still describes one.
        '|question(?![\\s-]*answer)|questions|debates?|dilemmas?|Frage|Debatte|Diskussion' +
        `|(?:[${L}-]+\\s+)?(?:datasets?|data|software|code(?:base)?|librar(?:y|ies)|tools?|tooling|toolkits?|frameworks?|projects?|packages?|repositor(?:y|ies)|implementations?|recipes?|pipelines?|platforms?|apps?|applications?|SDKs?|APIs?|leaderboards?|journals?|papers?|publications?|articles?))(?![${L}${N}])`,
      'i',
    ),
);

/** "open source is closing the gap": the movement as a noun, not a claim about a model. */
const GENERIC_AFTER = lazy(
  () =>
    new RegExp(
      `^(?:\\s+AI)?\\s+(?:is|are|was|were|has|have|had|will|would|can|could|should|must|wins?|matters?)(?![${L}])`,
      'i',
    ),
);

/**
 * Talk about the term, not a claim (issue 11, point 4): "the term 'open source'", "what open source means",
 * "la définition de l'open source", "was Open Source bedeutet", "什么是开源". Before the phrase.
 */
const TERM_BEFORE = lazy(
  () =>
    new RegExp(
      `(?:^|[^${LATIN}])(?:(?:the\\s+)?(?:term|word|words|phrase|expression|notion|concept|meaning|definition|idea)s?(?:\\s+of)?` +
        `|what\\s+(?:is\\s+|does\\s+|makes\\s+(?:[${LATIN}0-9-]+\\s+){0,2}|counts\\s+as\\s+|it\\s+means\\s+to\\s+be\\s+|qualifies\\s+as\\s+)?(?:truly\\s+|really\\s+|actually\\s+)?` +
        `|defin(?:e|es|ed|ing)|le\\s+terme|le\\s+mot|la\\s+notion\\s+d['’e]\\s?|la\\s+d[ée]finition\\s+d(?:e|u|['’])\\s?|le\\s+concept\\s+d['’e]\\s?|ce\\s+que\\s+(?:signifie|veut\\s+dire)` +
        `|el\\s+t[ée]rmino|la\\s+palabra|el\\s+concepto\\s+de|la\\s+definici[oó]n\\s+de|el\\s+significado\\s+de|qu[ée]\\s+(?:es|significa)` +
        `|der\\s+Begriff|das\\s+Wort|die\\s+Definition\\s+von|die\\s+Bedeutung\\s+von|was\\s+(?:ist|bedeutet))\\s*(?:l['’]|el\\s+|lo\\s+)?${QUOTE_OPEN}?\\s?$` +
        '|(?:什么是|什麼是|何为|何為|何谓|何謂)[“"「『]?$',
      'i',
    ),
);

/** After the phrase: "open source means ...", "… refers to", "开源的定义", "“开源”一词". */
const TERM_AFTER = lazy(
  () =>
    new RegExp(
      `^["”’»」』]?\\s*(?:AI\\s+)?(?:means?|meant|refers?\\s+to|is\\s+defined|stands?\\s+for|signifie|veut\\s+dire|bedeutet|hei(?:ß|ss)t|significa|quiere\\s+decir|se\\s+refiere)(?![${LATIN}])` +
        '|^["”」』]?(?:一词|一詞|这个词|這個詞|的定义|的定義|的含义|的含義|是什么|是什麼|意味着|意味著|是指|指的是)',
      'i',
    ),
);

/** A comparison of terms: "differentiate between 'free to use' and 'open source'", "open source vs. open weights". */
const TERM_CONTRAST = lazy(
  () =>
    /differentiat|distinguish|distinction|difference|confus|conflat|interchangeab|unterscheid|Unterschied|différenc|distingu|confond|diferenci|confund|区分|區分|区别|區別|混淆/i,
);
const BETWEEN_BEFORE = lazy(
  () =>
    new RegExp(
      `(?:between|zwischen|entre)\\s+(?:[^.;:!?]{1,50}\\s(?:and|or|und|oder|et|ou|y|o)\\s+)?${QUOTE_OPEN}?\\s?$|(?:^|\\s)(?:vs\\.?|versus)\\s+${QUOTE_OPEN}?\\s?$`,
      'i',
    ),
);
const VERSUS_AFTER = lazy(() => new RegExp(`^["”’»」』]?\\s*(?:AI\\s+)?(?:vs\\.?|versus)\\s`, 'i'));

/** A question without a question mark, or one the sentence splitter cut: "Is Llama open source", "¿Es Llama…", "开源吗". */
const QUESTION_START = lazy(
  () =>
    /^(?:¿|(?:is|are|was|were|isn['’]t|aren['’]t|ist|sind|war|waren)\s)|-(?:il|elle|ils|elles)\s+(?:\S+\s+){0,2}$|是否|是不是|算不算/i,
);
const QUESTION_AFTER_ZH = /^[^。！？!?]{0,12}[吗嗎](?:[？?。！!]|$)/;

/** Someone else's claim in a that-clause: "Meta indicaban … que Llama 2 era Open Source", "said that it is open source". */
const REPORTED_BEFORE = lazy(
  () =>
    new RegExp(
      `(?:^|[^${LATIN}])(?:say(?:s|ing)?|said|claim(?:s|ed|ing)?|insist(?:s|ed)?|assert(?:s|ed)?|argu(?:es|ed)|indica[${LATIN}]*|afirma[${LATIN}]*|asegura[${LATIN}]*|dec[ií]an?|dijo|dijeron|affirm[${LATIN}]*|prétend[${LATIN}]*|déclar[${LATIN}]*|behaupt[${LATIN}]*|erklär[${LATIN}]*|sagt[${LATIN}]*|versicher[${LATIN}]*)` +
        `\\s+(?:[^.;:!?]{0,80}?\\s)?(?:that|que|qu['’]|dass)\\s+[^.;:!?]{0,100}$`,
      'i',
    ),
);

/** "Outperforms Llama-3-8B-Instruct and open-source finetunes": a class of others, coordinated after a comparison. */
const COMPARED_COORD_BEFORE = lazy(
  () =>
    /\b(?:outperform\w*|surpass\w*|beat(?:s|ing)?|exceed\w*|rival\w*|than|versus|vs\.?|compared\s+(?:to|with)|unlike|against)\s+[^.;:!?]{1,60}?\s(?:and|or|as\s+well\s+as)\s+(?:(?:many|most|all|some|other|several|leading|existing|popular|current|available|prior|previous|the|best|top|comparable|similar|larger)\s+){0,3}$/i,
);

/** Glued into a longer token: a URL or slug ("/llama2-open-source/"), a file name, or "non-open-source". */
const GLUED = new Set(['-', '_', '/', '\\', '.', '=', '#', '@', '+', '~']);

/** Sentence-level signs of a critique or of doubt about the claim. */
const CRITIC = lazy(
  () =>
    /open[\s-]?wash|so[\s-]called|mislead|decept|dishonest|misnomer|mislabel|falsely|in\s+name\s+only|(?:does|do|did)(?:\s+not|n['’]t)\s+(?:\w+\s+)?(?:meet|qualify|satisfy|comply|conform)|fail(?:s|ed)?\s+to\s+(?:meet|qualify|satisfy)|falls?\s+short|not\s+(?:\w+\s+)?(?:compatible|conformant|compliant)|n['’]t\s+(?:\w+\s+)?compatible|incompatible\s+with|questioned|legitimacy|controvers|criticis|criticiz|contradict|whether|debated|restrictive|irreführend|trompeu|engañ|伪开源|偽開源|假开源|假開源/i,
);
/** A sentence that names the OSI or its definitions and negates something: a contrast with the definition. */
const OSI = lazy(() => /\bOSI\b|Open\s+Source\s+(?:AI\s+)?(?:Initiative|Definition)|\bOSAID\b|\bOSD\b/i);
const ANY_NEG = lazy(() => /\b(?:not|never|n['’]t|nicht|kein\w*|pas|no)\b|不是|并非|並非/i);

/** Opening and closing quotes tight around the phrase: scare quotes. */
const QUOTED_BEFORE = /["“”„«‹'‘’「『]\s?$/;
const QUOTED_AFTER = /^(?:\s?AI)?\s?["“”»›'’‘」』]/;

const LATIN_WORD = lazy(() => new RegExp(`[${L}${N}]+`, 'g'));
// A few function words per language, enough to tell which language an "Open Source" sentence is in.
const EN_WORDS = new Set(['the', 'is', 'are', 'and', 'of', 'to', 'with', 'for', 'that', 'this', 'it', 'an']);
const DE_WORDS = new Set(['ist', 'und', 'nicht', 'das', 'der', 'die', 'ein', 'eine', 'für', 'mit', 'sind']);
const FR_WORDS = new Set(['est', 'et', 'le', 'la', 'les', 'des', 'pas', 'pour', 'avec', 'une', 'un', 'sont']);
const ES_WORDS = new Set(['es', 'y', 'el', 'los', 'las', 'para', 'con', 'del', 'una', 'muy', 'son']);

const MAX_SENTENCE = 400;
/** Candidates examined per call (claims and rejected look-alikes): caps the work on hostile text. */
const MAX_CANDIDATES = 2000;
const WINDOW = 80;

function isBoundary(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  // 。！？ and newlines end a sentence on their own; . ! ? only before a space (not "3.1", "e.g.x").
  if (c === 10 || c === 13 || c === 0x3002 || c === 0xff01 || c === 0xff1f) return true;
  if (c === 46 || c === 33 || c === 63) {
    const n = text.charCodeAt(i + 1);
    return Number.isNaN(n) || n === 32 || n === 9 || n === 10 || n === 13 || n === 0xa0;
  }
  return false;
}

/** Start and end (exclusive) of the sentence around [from, to), each side bounded by MAX_SENTENCE. */
export function sentenceBounds(text: string, from: number, to: number): [number, number] {
  let s = from;
  const minS = Math.max(0, from - MAX_SENTENCE);
  while (s > minS && !isBoundary(text, s - 1)) s--;
  let e = to;
  const maxE = Math.min(text.length, to + MAX_SENTENCE);
  while (e < maxE && !isBoundary(text, e)) e++;
  if (e < text.length && text.charCodeAt(e) !== 10 && text.charCodeAt(e) !== 13) e++; // keep the full stop
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return [s, e];
}

function langOf(phrase: string, sentence: string): ClaimLang {
  const p = phrase.toLowerCase();
  if (/[\u3400-\u9fff]/.test(p)) return 'zh';
  if (/quelloffen|gewicht|offene|modell/.test(p)) return 'de';
  if (/ouvert|poids|modèle/.test(p)) return 'fr';
  if (/abiert|c[oó]digo|pesos|modelo/.test(p)) return 'es';
  // "Open Source" is written the same in de/fr/es text: look at the function words around it.
  let en = 0;
  let de = 0;
  let fr = 0;
  let es = 0;
  for (const m of sentence.toLowerCase().matchAll(LATIN_WORD())) {
    const w = m[0];
    if (EN_WORDS.has(w)) en++;
    else if (DE_WORDS.has(w)) de++;
    else if (FR_WORDS.has(w)) fr++;
    else if (ES_WORDS.has(w)) es++;
  }
  const best = Math.max(de, fr, es);
  if (best === 0 && en === 0 && /[\u3400-\u9fff]/.test(sentence)) return 'zh';
  if (best === 0 || best <= en) return 'en';
  return best === de ? 'de' : best === fr ? 'fr' : 'es';
}

interface SentenceFacts {
  critic: boolean;
  question: boolean;
}

function sentenceFacts(sentence: string): SentenceFacts {
  const last = sentence.charCodeAt(sentence.length - 1);
  return {
    critic: CRITIC().test(sentence) || (OSI().test(sentence) && ANY_NEG().test(sentence)),
    question: last === 63 || last === 0xff1f,
  };
}

/** Sentence text for output: the sentence, or a window around the phrase when it is very long. */
function clip(text: string, s: number, e: number, from: number, to: number): [string, number] {
  if (e - s <= MAX_SENTENCE) return [text.slice(s, e), s];
  const half = (MAX_SENTENCE - (to - from)) >> 1;
  const a = Math.max(s, from - half);
  let a2 = a;
  while (a2 < e && /\s/.test(text[a2]!)) a2++;
  const b = Math.min(e, a + MAX_SENTENCE);
  return [text.slice(a2, b).trimEnd(), a2];
}

/**
 * Openness claims in `text`, in order. Negated ("is not open source"), scare-quoted (so-called
 * "open source"), attributed ('marketed as open source'), comparative ("outperforms open-source models")
 * and critical uses (a sentence about openwashing or the OSI definition) are not returned.
 */
export function detectClaims(text: string): DetectedClaim[] {
  const out: DetectedClaim[] = [];
  if (!CLAIM_PREFILTER.test(text)) return out;
  let cacheKey = '';
  let cacheFacts: SentenceFacts = { critic: false, question: false };
  let candidates = 0;
  const claimRe = CLAIM_RE();
  claimRe.lastIndex = 0;
  for (let m = claimRe.exec(text); m !== null; m = claimRe.exec(text)) {
    // Bounded work per call, whatever the page: real prose has a handful of candidates per block.
    if (++candidates > MAX_CANDIDATES) break;
    const phrase = m[0];
    const start = m.index;
    const end = start + phrase.length;
    const kind: ClaimKind = m[1] || m[4] ? 'honest' : m[2] || m[5] ? 'strong' : 'vague';
    const latin = !(m[4] || m[5] || m[6]);
    if (latin && (GLUED.has(text.charAt(start - 1)) || inUrl(text, start, end))) continue;
    const [ss, se] = sentenceBounds(text, start, end);
    // Cheap local tests first; the sentence-wide ones run once per sentence.
    const before = text.slice(Math.max(ss, start - WINDOW), start);
    const after = text.slice(end, Math.min(se, end + WINDOW));
    if (NEG_BEFORE().test(before)) continue;
    if (kind !== 'honest') {
      if (ATTRIBUTED_BEFORE().test(before)) continue;
      if (QUOTED_BEFORE.test(before) && QUOTED_AFTER.test(after)) continue;
      if (COMPARED_BEFORE().test(before)) continue;
      if (META_AFTER().test(after)) continue;
      if (isTermTalk(text, ss, se, start, before, after)) continue;
      if (COMPARED_COORD_BEFORE().test(text.slice(Math.max(ss, start - 160), start))) continue;
      if (REPORTED_BEFORE().test(text.slice(Math.max(ss, start - 240), start))) continue;
      if (kind === 'strong' && GENERIC_AFTER().test(after)) continue;
      // A bare "Open Source" menu item or tag says nothing about a model.
      if (latin && countWords(text, ss, se) - countWords(phrase, 0, phrase.length) < 2) continue;
    }
    const key = `${ss}:${se}`;
    if (key !== cacheKey) {
      cacheKey = key;
      cacheFacts = sentenceFacts(text.slice(ss, se));
    }
    if (cacheFacts.question) continue;
    if (kind !== 'honest' && cacheFacts.critic) continue;
    const [sentence, sentenceStart] = clip(text, ss, se, start, end);
    out.push({ phrase, kind, lang: langOf(phrase, sentence), start, end, sentence, sentenceStart });
  }
  return out;
}

/** Talk about the term: a definition, a comparison of terms, or a question (issue 11, point 4). */
function isTermTalk(text: string, ss: number, se: number, start: number, before: string, after: string): boolean {
  if (TERM_BEFORE().test(before) || TERM_AFTER().test(after)) return true;
  if (VERSUS_AFTER().test(after)) return true;
  const head = text.slice(ss, start);
  if (BETWEEN_BEFORE().test(before) && TERM_CONTRAST().test(head)) return true;
  if (
    TERM_CONTRAST().test(text.slice(ss, se)) &&
    /^["”’»」』]?\s*(?:AI\s+)?(?:and|or|und|oder|et|ou|y|o)\s/i.test(after) &&
    /(?:between|zwischen|entre)\s+["“„«‘'「]?\s?$/i.test(before)
  )
    return true;
  if (head.length <= WINDOW && QUESTION_START().test(head)) return true;
  return QUESTION_AFTER_ZH.test(after);
}

/** Whether the phrase sits inside a URL-like token ("https://x/open-source", "x.com/open-source"). */
function inUrl(text: string, start: number, end: number): boolean {
  let a = start;
  const minA = Math.max(0, start - 200);
  while (a > minA && !/\s/.test(text.charAt(a - 1))) a--;
  let b = end;
  const maxB = Math.min(text.length, end + 200);
  while (b < maxB && !/\s/.test(text.charAt(b))) b++;
  if (a === start && b === end) return false;
  const token = text.slice(a, b);
  return token.includes('://') || token.startsWith('www.') || /^[\w-]+(?:\.[\w-]+)+\//.test(token);
}

function countWords(text: string, from: number, to: number): number {
  let n = 0;
  let inWord = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    const w = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 127;
    if (w && !inWord) n++;
    inWord = w;
  }
  return n;
}
