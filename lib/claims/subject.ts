/**
 * What a claim calls open source: a model (or the release of one), or something else, software, data, a
 * benchmark, a community or movement, a licence. Only a model claim is judged against a model's verdict
 * (issue 11, point 1): "pgvector is an open-source extension" is about software, not about the page's model.
 *
 * A pure classifier over the claim's sentence, in English, German, French, Spanish and Chinese, by the head
 * noun of the phrase: the noun after it ("open-source extension", "Open-Source-Bibliothek", 开源框架), the noun
 * before it in French and Spanish ("la bibliothèque open source", "herramienta de código abierto"), or the
 * subject of "X is/are open source(d)". A head it does not know leaves the subject 'unspecified', which is
 * judged as before. It runs in the background and the CLI (judgeScan), not in the content script, whose size
 * budget it would strain; `withSubject` adds it to what the detector found.
 */
import type { DetectedClaim } from './types';
export type ClaimSubject = 'model' | 'code' | 'data' | 'benchmark' | 'community' | 'licence' | 'unspecified';

/** Whether a claim with this subject is judged against a model (a licence claim is judged with its licence). */
export function isModelSubject(subject: ClaimSubject | undefined): boolean {
  return subject === undefined || subject === 'model' || subject === 'unspecified' || subject === 'licence';
}

type Kind = Exclude<ClaimSubject, 'unspecified'>;

const WORDS: Record<Kind, string> = {
  model:
    'model models llm llms slm slms vlm vlms mllm mllms weights weight checkpoint checkpoints release releases version versions ' +
    'variant variants family families chatbot chatbots modèle modèles modele modeles modelo modelos modell modelle modellen ' +
    'gewichte poids pesos llm-familie',
  code:
    'software library libraries framework frameworks extension extensions toolkit toolkits tool tools tooling toolchain code ' +
    'codebase implementation implementations package packages app apps application applications plugin plugins sdk sdks api apis ' +
    'engine engines platform platforms database databases project projects repo repos repository repositories compiler runtime ' +
    'stack stacks server servers program programs programme utility utilities script scripts cli site website websites browser ' +
    'editor logiciel logiciels bibliothèque bibliothèques outil outils projet projets plateforme plateformes biblioteca ' +
    'bibliotecas librería librerías herramienta herramientas proyecto proyectos plataforma plataformas aplicación aplicaciones ' +
    'programa programas extensión bibliothek bibliotheken werkzeug werkzeuge projekt projekte plattform anwendung anwendungen programm',
  data: 'dataset datasets data corpus corpora données datos daten datensatz datensätze trainingsdaten',
  benchmark: 'benchmark benchmarks leaderboard leaderboards evaluation evaluations eval evals',
  community:
    'community communities movement movements ecosystem ecosystems world scene policy policies strategy strategies philosophy ' +
    'principles ethos spirit culture advocates advocate contributors developers enthusiasts initiative definition commitment ' +
    'communauté mouvement écosystème monde stratégie politique philosophie comunidad movimiento ecosistema mundo estrategia ' +
    'política filosofía gemeinschaft bewegung ökosystem welt strategie szene',
  licence: 'license licence licenses licences licensing licencia licencias lizenz lizenzen',
};

let lexicon: Map<string, Kind> | undefined;
function kindOf(word: string): Kind | undefined {
  if (!lexicon) {
    lexicon = new Map();
    for (const [kind, list] of Object.entries(WORDS) as [Kind, string][])
      for (const w of list.split(' ')) lexicon.set(w, kind);
  }
  const w = word.toLowerCase();
  const k = lexicon.get(w);
  if (k) return k;
  // German compounds end in their head: "Sprachmodell", "KI-Modelle", "OSS-Stacks", "Trainingsdaten".
  const m =
    /(modell|modelle|gewichte|software|bibliothek|werkzeug|framework|projekt|plattform|anwendung|stacks?|daten|datensatz|community|gemeinschaft)$/.exec(
      w,
    );
  if (m && w.length > m[1]!.length) return kindOf(m[1]!);
  return undefined;
}

// Chinese heads, longest first; the last one found after 开源 is the head (开源评测工具: 工具).
const ZH: [RegExp, Kind][] = [
  [/模型|权重|權重|版本|系列/g, 'model'],
  [/软件|軟件|框架|工具|代码|代碼|项目|項目|平台|应用|應用|插件|引擎|程序|仓库|倉庫|库|庫/g, 'code'],
  [/数据集|數據集|数据|數據|语料|語料/g, 'data'],
  [/评测|評測|基准|基準|榜单|榜單|排行榜/g, 'benchmark'],
  [/社区|社區|运动|運動|精神|生态|生態|文化|世界|战略|戰略|策略|政策|路线|路線/g, 'community'],
  [/许可证|許可證|许可|許可|协议|協議/g, 'licence'],
];

const WORD = /[A-Za-z0-9\u00c0-\u024f][A-Za-z0-9\u00c0-\u024f'’.+-]*/g;
/** Words that end the noun phrase after the claim phrase (prepositions, verbs, conjunctions, articles of a new phrase). */
const STOP = new Set(
  (
    'for of in on with by to from that which who whose is are was were be been has have had will can could may should would ' +
    'such like including than as at into under via while whereas but so because if when where built based designed developed ' +
    'released trained available made created used licensed published offering offers providing provides allowing enabling ' +
    'it its their this these those and or nor vs versus ' +
    'pour de du des d dans sur avec par à au aux qui que est sont était sous comme et ou en ' +
    'para del en con por que es son era bajo como y o ' +
    'für von mit zur zum zu im in auf ist sind war als und oder der die das den dem des ein eine kostenlos'
  ).split(' '),
);
/** Leading words of the object of "open-sourced": skipped, not a stop ("open-sourced a 7 billion parameter base model"). */
const DETERMINER = new Set(
  'a an the all both two three several its our their his her new first entire whole complete full'.split(' '),
);
/** "X is/are (now) open source": the phrase is predicated of the noun phrase before the verb. */
const COPULA_BEFORE =
  /(?:^|[\s,;:(])([^,;:()。，]*?)\s+(?:is|are|was|were|be|been|being|become|becomes|became|remain|remains|stays?|get|gets|got|ist|sind|war|waren|wird|werden|est|sont|était|étaient|es|son|era|eran|fue|fueron)\s+(?:(?:now|also|officially|fully|entirely|completely|totally|truly|100%|all|being|now|jetzt|komplett|vollständig|aussi|désormais|totalement|ahora|también|totalmente|completamente)\s+)*(?:made\s+)?$/i;
/** "the open source", "l'open source", "to open source": the movement as a noun. */
const NOUN_USE_BEFORE =
  /(?:^|[\s(])(?:l['’]|le|el|das|the|embrac\w*|commitment\s+to|contribut\w*\s+to|towards?|into|of|for)\s*$/i;
/** Before the phrase in French/Spanish: "modèles de langage open-source", "herramienta de código abierto". */
const ROMANCE_LINK =
  /^(?:de|d['’]|du|del|en|sous|bajo|como|comme|la|le|les|el|los|las|un|une|una|unos|des|langage|lenguaje|lengua|gran|grande|escala|échelle|nouvelle|nueva|ia|ai|ki)$/i;

/** The words of a phrase after the claim: leading determiners skipped, up to 6 words, stops at a stop word or punctuation. */
function headAfter(after: string): { words: string[]; conjuncts: string[][] } {
  const cleaned = after.replace(/\([^)]{0,60}\)/g, ' ');
  const words: string[] = [];
  const conjuncts: string[][] = [];
  let cur = words;
  let started = false;
  // A hyphen glued to the phrase joins a compound: "Open-Source-Bibliothek", "open-source-based".
  const glued = /^[-\u2010\u2011](\S+)/.exec(cleaned);
  if (glued) {
    const parts = glued[1]!.split(/[-\u2010\u2011]/);
    words.push(parts[parts.length - 1]!.replace(/[^A-Za-z0-9\u00c0-\u024f]+$/, ''));
    return { words, conjuncts };
  }
  WORD.lastIndex = 0;
  let last = 0;
  for (let m = WORD.exec(cleaned); m !== null && words.length + conjuncts.flat().length < 8; m = WORD.exec(cleaned)) {
    const gap = cleaned.slice(last, m.index);
    last = m.index + m[0].length;
    const w = m[0].replace(/[.'’]+$/, '');
    const lw = w.toLowerCase();
    if (/[,.;:!?"“”«»\[\]]/.test(gap) && !(gap.trim() === '/' || gap.trim() === '&')) break;
    if (gap.includes('/') || gap.includes('&')) {
      cur = [];
      conjuncts.push(cur);
    }
    if (!started && DETERMINER.has(lw)) continue;
    if (lw === 'and' || lw === 'or' || lw === 'und' || lw === 'et' || lw === 'y') {
      if (!started) break;
      cur = [];
      conjuncts.push(cur);
      continue;
    }
    if (STOP.has(lw)) break;
    started = true;
    cur.push(w);
  }
  return { words, conjuncts: conjuncts.filter((c) => c.length > 0) };
}

/**
 * The kind of a noun phrase: its rightmost known noun, which is its head ("open-source model site": site), past
 * names in apposition ("open-source evaluation tool OpenCompass": tool).
 */
function kindOfPhrase(words: readonly string[]): Kind | undefined {
  for (let i = words.length - 1; i >= 0; i--) {
    const k = kindOf(words[i]!);
    if (k) return k;
  }
  return undefined;
}

function classifyZh(after: string, before: string): ClaimSubject {
  // "开源的工具": the noun after 的 is still the head.
  const window = /^[^的，。、,.;；：:（(\s“”"]{0,10}/.exec(after.replace(/^的/, ''))?.[0] ?? '';
  let best: { at: number; kind: Kind } | undefined;
  for (const [re, kind] of ZH) {
    re.lastIndex = 0;
    for (let m = re.exec(window); m !== null; m = re.exec(window)) {
      const end = m.index + m[0].length;
      if (!best || end > best.at) best = { at: end, kind };
    }
  }
  if (best) return best.kind;
  // "…许可证" said of a licence named before: "在 MIT 开源许可证下" is covered above; a bare 开源 after a licence word is not.
  if (/(?:许可证|許可證|协议|協議)[^，。]{0,4}$/.test(before)) return 'licence';
  return 'unspecified';
}

/** A detected claim with its subject (honest wording has none: it is never flagged). */
export function withSubject(c: DetectedClaim): DetectedClaim {
  if (c.kind === 'honest') return c;
  return { ...c, subject: claimSubject(c.sentence, c.start - (c.sentenceStart ?? 0), c.phrase, c.lang) };
}

/**
 * What the claim at `phraseIndex` in `sentence` calls open source. `lang` is the detector's language guess.
 */
export function claimSubject(sentence: string, phraseIndex: number, phrase: string, lang?: string): ClaimSubject {
  const at =
    phraseIndex >= 0 && sentence.startsWith(phrase, phraseIndex) ? phraseIndex : Math.max(0, sentence.indexOf(phrase));
  const before = sentence.slice(Math.max(0, at - 160), at);
  const after = sentence.slice(at + phrase.length, at + phrase.length + 160);
  if (/[\u3400-\u9fff]/.test(phrase)) return classifyZh(after, before);

  // French and Spanish put the noun first: "la famille de modèles de langage open-source".
  if (lang === 'fr' || lang === 'es') {
    const words = before.match(WORD) ?? [];
    for (let i = words.length - 1, seen = 0; i >= 0 && seen < 5; i--, seen++) {
      const w = words[i]!.replace(/[.'’]+$/, '');
      const k = kindOf(w);
      if (k) return k;
      if (!ROMANCE_LINK.test(w) && !/^(?:d|l)['’]/i.test(w)) {
        // One unknown adjective may sit between ("modèles ouverts"): keep looking one more word, then stop.
        if (seen >= 1) break;
      }
    }
  }

  const { words, conjuncts } = headAfter(after);
  if (words.length > 0) {
    const kinds = [words, ...conjuncts].map(kindOfPhrase);
    // "open-source code and weights": any model conjunct makes it a model claim.
    if (kinds.includes('model')) return 'model';
    const head = kinds[0];
    if (head) return head;
    // "open-source recreation of the WebText dataset": an unknown head named by what follows "of".
    const of = /^[^,.;:]{0,40}?\bof\s+(?:the\s+|a\s+|an\s+)?((?:[A-Za-z0-9-]+\s+){0,3}[A-Za-z-]+)/i.exec(
      after.slice(after.indexOf(words[words.length - 1]!) + words[words.length - 1]!.length),
    );
    if (of) {
      const k = kindOfPhrase(of[1]!.split(/\s+/));
      if (k && k !== 'model' && k !== 'community' && k !== 'licence') return k;
    }
    return 'unspecified';
  }
  // Nothing after: "X is open source", "X are open sourced for the community".
  const cop = COPULA_BEFORE.exec(before);
  if (cop) {
    const np = (cop[1]!.match(WORD) ?? []).map((w) => w.replace(/[.'’]+$/, ''));
    if (np.some((w) => kindOf(w) === 'model')) return 'model';
    // The last word of the subject is its head ("Our Purple Llama tools"); "The code and weights" is a model claim.
    const head = np.length > 0 ? kindOf(np[np.length - 1]!) : undefined;
    return head ?? 'unspecified';
  }
  if (/^\s*(?:it|them|everything)\b/i.test(after)) return 'unspecified';
  if (NOUN_USE_BEFORE.test(before) && /^\s*(?:$|[,.;:!?)]|(?:and|or|et|ou|y|o|und|oder)\s)/i.test(after))
    return 'community';
  return 'unspecified';
}
