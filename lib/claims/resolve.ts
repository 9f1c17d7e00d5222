/**
 * Which model a claim is about: Hub links and repo ids first, then model names the knowledge pack knows,
 * looked for in the claim's sentence, then its paragraph, then the page's own model.
 * Runs in the background and the CLI (it needs the knowledge pack), never in the content script.
 */
import { NAME_ALIASES, REPO_ALIASES, currentRepoId, nameKey, normalizeRepoId, type Knowledge } from '../knowledge';
import { BARE_REPO_ID_IN_TEXT, HUB_URL_IN_TEXT } from '../knowledge/repo-ids';
import type { ClaimContext, ResolveVia } from './types';

export type { ResolveVia } from './types';

export interface ModelMention {
  /** Offsets in the text searched. */
  start: number;
  end: number;
  /** As written. */
  text: string;
  /** A Hub repo id ("org/name"), or a record's name when the pack knows the model but no repo for it. */
  model: string;
  via: 'url' | 'repo-id' | 'name';
}

/** A mention found while scanning; `model` null: a known name with a version the pack does not know ("OLMo 2"). */
interface RawMention extends Omit<ModelMention, 'model'> {
  model: string | null;
}

export interface ResolvedClaimModel {
  model: string | null;
  via: ResolveVia;
  /**
   * Every model the claim names when it names a list ("open-source models such as Llama and Mistral",
   * "LLaMA, Mistral, Qwen: … open source LLMs"); `model` is the first. Absent for a single model.
   */
  models?: string[];
}

/** After a claim about a class of models, the opener of a list of them: "(such as", ", including", "comme", "例如". */
const LIST_OPENER =
  /^([^.;:!?]{0,60}?)(?:[(（]\s*|[,，]\s*|\s)(?:such\s+as|including|like|e\.g\.,?|for\s+example|namely|notably|tels?\s+que|telles?\s+que|comme|notamment|como|incluyendo|incluidos|wie|etwa|darunter|z\.\s?B\.|例如|比如|包括)(?:[\s:：,，]|(?<=例如|比如|包括))/iu;
/** The claim names a class ("models", "LLMs"), so a list after it says which models. */
const PLURAL_CLASS =
  /(?:^|[^\p{L}])(?:models|LLMs|SLMs|weights|alternatives|systems|families|ones|mod[eè]les|modelos|Modelle|大模型|模型)(?![\p{L}])/iu;
/** Words that make the gap a different clause: the list is then not the claim's. */
const GAP_BREAK =
  /(?:^|[^\p{L}])(?:which|that|who|than|unlike|outperform\w*|beat\w*|surpass\w*|rival\w*|against|versus|vs\.?)(?![\p{L}])/iu;
const COORDINATION = /^\s*(?:,|、|\/|&)?\s*(?:(?:and|or|y|et|und|oder|ou|o)\s+|和|与|與|及)?\s*$/iu;

/** Known models of a list after the claim phrase, in order; [] when there is no list. */
function listAfter(sentence: string, phraseEnd: number, mentions: RawMention[]): RawMention[] {
  const after = sentence.slice(phraseEnd);
  const open = LIST_OPENER.exec(after);
  if (!open) return [];
  const gap = open[1]!;
  if (GAP_BREAK.test(gap) || !PLURAL_CLASS.test(sentence.slice(Math.max(0, phraseEnd - 30), phraseEnd) + gap))
    return [];
  const from = phraseEnd + open[0].length;
  const close = sentence.slice(from).search(/[).;:!?]\s|[).;:!?]$|\)/);
  const to = close < 0 ? sentence.length : from + close;
  return mentions.filter((m) => m.start >= from && m.end <= to && m.model !== null);
}

/** A name before the claim and the names coordinated with it: "LLaMA, Mistral, Qwen: why open source LLMs …". */
function coordinatedBefore(sentence: string, subject: RawMention, mentions: RawMention[]): RawMention[] {
  const chain = [subject];
  let first = subject;
  for (let i = mentions.indexOf(subject) - 1; i >= 0; i--) {
    const m = mentions[i]!;
    if (!COORDINATION.test(sentence.slice(m.end, first.start))) break;
    if (CONTRAST_BEFORE.test(sentence.slice(Math.max(0, m.start - 30), m.start))) break;
    chain.unshift(m);
    first = m;
  }
  // A trailing sibling after the nearest one: "Llama and Mistral are open-source models" already covered by order.
  return chain.filter((m) => m.model !== null);
}

/**
 * Single-word names that are also common words; seen capitalised at the start of a sentence they
 * would name a model by accident. Multi-word and versioned names ("Falcon 40B") are unaffected.
 */
const COMMON_WORDS = new Set([
  'hawk',
  'neo',
  'silo',
  'eagle',
  'bark',
  'wan',
  'solar',
  'guru',
  'saul',
  'marco',
  'ling',
  'koala',
  'whisper',
  'cosmos',
  'viking',
  'minerva',
  'magenta',
  'mochi',
  'flux',
  'jiang',
  'forge',
  'shai',
  'noor',
  'arkim',
  'claire',
  'lucie',
  'starling',
  'unnamedmodel',
  'gopher',
  'commanda',
  'crystal',
  'k2',
  'kimi',
  'ring',
  'open',
  'model',
  'opt',
  'cpm',
  'phi',
]);

/** A name introduced by these is what the claim is contrasted with, not what it is about. */
const CONTRAST_BEFORE =
  /(?:^|[^\p{L}])(?:unlike|like|than|versus|vs\.?|compared\s+(?:to|with)|such\s+as|including|rather\s+than|instead\s+of|other\s+than|outperform\w*|beat\w*|surpass\w*|rival\w*|against|anders\s+als|contrairement\s+à|a\s+diferencia\s+de|不同于|不同於|比)\s*$/iu;

/** Between a claim and a later name: the name is in a comparison or a list of others. */
const CONTRAST_ANYWHERE =
  /(?:^|[^\p{L}])(?:unlike|like|than|versus|vs\.?|compared\s+(?:to|with)|such\s+as|including|rather\s+than|instead\s+of|other\s+than|outperform\w*|beat\w*|surpass\w*|rival\w*|against|competitive\s+with|on\s+par\s+with)(?![\p{L}])/iu;
/** A suffix glued to a model name that makes it something else ("RedPajama-Data"). */
const NOT_A_MODEL = /^(?:data|dataset|datasets|corpus|bench|benchmark|eval|evals|leaderboard)$/i;
/** "Llama 3.1 Community License": the name is part of a licence's name, not the subject. */
const LICENCE_AFTER =
  /^\s*(?:(?:Community|Research|Non-?Commercial|Open\s+Model)\s+){0,2}(?:Licen[cs]e|Terms\b|Acceptable\s+Use)/i;
const TOKEN = /[\p{L}\p{N}]+(?:[.+][\p{L}\p{N}]+)*\+?/gu;
const GAP = /^[\s\u00a0_\u2010\u2011-]{1,3}$/;
const MAX_TOKENS = 8;

interface NameEntry {
  /** A spelling from the tables, for records without a repo. */
  display: string;
  /** Alphabetic names must be capitalised in the text; acronyms written in capitals. */
  rule: 'any' | 'capital' | 'caps';
}

interface Matcher {
  names: Map<string, NameEntry>;
  /** Every prefix of every key, to stop extending an n-gram as soon as no name can start this way. */
  prefixes: Set<string>;
  orgs: Set<string>;
  resolved: Map<string, string | null>;
}

const matchers = new WeakMap<Knowledge, Matcher>();

function orgOf(id: string): string {
  return id.slice(0, id.indexOf('/')).toLowerCase();
}

/** Built once per Knowledge: the names and organisations the pack knows. */
function matcherFor(knowledge: Knowledge): Matcher {
  const cached = matchers.get(knowledge);
  if (cached) return cached;
  const names = new Map<string, NameEntry>();
  const add = (name: string | null | undefined) => {
    if (!name) return;
    const key = nameKey(name);
    if (key.length < 2 || COMMON_WORDS.has(key) || key.includes('/')) return;
    const hasDigit = /\d/.test(key);
    const letters = name.replace(/[^\p{L}]/gu, '');
    const rule: NameEntry['rule'] = hasDigit
      ? 'any'
      : letters.length <= 5 && letters === letters.toUpperCase()
        ? 'caps'
        : 'capital';
    const prev = names.get(key);
    // Several spellings of one key: keep the most permissive rule ("BLOOM" and "Bloom" -> capital).
    if (!prev || (prev.rule === 'caps' && rule !== 'caps')) names.set(key, { display: name, rule });
  };
  const orgs = new Set<string>();
  const pack = knowledge.pack;
  for (const a of NAME_ALIASES) {
    add(a.name);
    orgs.add(orgOf(a.repoId));
  }
  for (const a of REPO_ALIASES) if (a.pattern.includes('/')) orgs.add(orgOf(a.pattern));
  for (const r of pack.mot) {
    add(r.name);
    add(r.key);
    if (r.hfRepo) {
      orgs.add(orgOf(r.hfRepo));
      add(r.hfRepo.slice(r.hfRepo.indexOf('/') + 1));
    }
  }
  for (const r of pack.index) {
    add(r.name);
    for (const id of [...r.hfRepos, ...r.familyHfRepos]) {
      orgs.add(orgOf(id));
      add(id.slice(id.indexOf('/') + 1));
    }
  }
  for (const r of pack.osi) add(r.system);
  const prefixes = new Set<string>();
  for (const key of names.keys()) for (let i = 1; i <= key.length; i++) prefixes.add(key.slice(0, i));
  const m: Matcher = { names, prefixes, orgs, resolved: new Map() };
  matchers.set(knowledge, m);
  return m;
}

/** The model a matched name stands for, per the knowledge pack's own resolution; null if it has none. */
function modelForName(m: Matcher, knowledge: Knowledge, key: string, written: string): string | null {
  if (m.resolved.has(key)) return m.resolved.get(key)!;
  const r = knowledge.resolveModel(written.replace(/[\u2010\u2011]/g, '-'));
  let model: string | null = null;
  if (r?.repoId) model = currentRepoId(r.repoId);
  else if (r && r.matches.index.length + r.matches.mot.length + r.matches.osi.length > 0)
    model = m.names.get(key)?.display ?? written;
  m.resolved.set(key, model);
  return model;
}

function caseOk(rule: NameEntry['rule'], written: string): boolean {
  if (rule === 'any') return true;
  const first = written.charAt(0);
  if (first === first.toLowerCase()) return false;
  if (rule === 'caps') return written.replace(/[^\p{L}]/gu, '') === written.replace(/[^\p{L}]/gu, '').toUpperCase();
  return true;
}

/**
 * Models named in `text`, in order: huggingface.co URLs, bare repo ids of organisations the pack knows
 * ("meta-llama/Llama-3.1-8B"), and model names and aliases ("Llama 3.1 405B", "Mixtral 8x7B", "OLMo").
 * Names match whole words, longest first ("Llama 3.1 405B" over "Llama 3.1"); a known name followed by
 * a version or size the pack does not know ("OLMo 2", "Falcon 7B") is not taken for the shorter name.
 */
export function findModelMentions(text: string, knowledge: Knowledge): ModelMention[] {
  return scanMentions(text, knowledge).filter((x): x is ModelMention => x.model !== null);
}

/** findModelMentions plus the names Ajar cannot place ("OLMo 2"): a claim about those is about no known model. */
function scanMentions(text: string, knowledge: Knowledge): RawMention[] {
  const m = matcherFor(knowledge);
  const out: RawMention[] = [];
  const taken: [number, number][] = [];

  for (const u of text.matchAll(HUB_URL_IN_TEXT)) {
    const id = normalizeRepoId(u[0]);
    if (!id) continue;
    const start = u.index;
    out.push({ start, end: start + u[0].length, text: u[0], model: currentRepoId(id), via: 'url' });
    taken.push([start, start + u[0].length]);
  }
  for (const b of text.matchAll(BARE_REPO_ID_IN_TEXT)) {
    const start = b.index;
    if (taken.some(([s, e]) => start >= s && start < e)) continue;
    const raw = b[0].replace(/[.-]+$/, '');
    if (!m.orgs.has(b[1]!.toLowerCase())) continue;
    const id = normalizeRepoId(raw);
    if (!id) continue;
    out.push({ start, end: start + raw.length, text: raw, model: currentRepoId(id), via: 'repo-id' });
    taken.push([start, start + raw.length]);
  }

  const tokens: { s: number; e: number; t: string }[] = [];
  for (const t of text.matchAll(TOKEN)) tokens.push({ s: t.index, e: t.index + t[0].length, t: t[0] });
  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i]!;
    if (taken.some(([s, e]) => first.s >= s && first.s < e)) continue;
    // Part of a longer hyphenated or path-like name ("Nous-Hermes-Llama-2", "org/Llama-2"): not this model.
    const prevChar = text.charAt(first.s - 1);
    if (prevChar === '-' || prevChar === '_' || prevChar === '/' || prevChar === '.') {
      const prev = tokens[i - 1];
      if (prev && prev.e === first.s - 1) continue;
    }
    let joined = '';
    let best = -1;
    for (let j = i; j < tokens.length && j < i + MAX_TOKENS; j++) {
      const tok = tokens[j]!;
      if (j > i && !GAP.test(text.slice(tokens[j - 1]!.e, tok.s))) break;
      joined += tok.t.toLowerCase();
      if (!m.prefixes.has(joined)) break;
      const entry = m.names.get(joined);
      if (entry && caseOk(entry.rule, text.slice(first.s, tok.e))) best = j;
    }
    if (best < 0) continue;
    const last = tokens[best]!;
    const next = tokens[best + 1];
    // "RedPajama-Data", "StarCoder-Bench": a data set or benchmark named after the model.
    if (next && next.s === last.e + 1 && '-_'.includes(text.charAt(last.e)) && NOT_A_MODEL.test(next.t)) continue;
    const written = text.slice(first.s, last.e);
    const key = nameKey(written);
    const model = modelForName(m, knowledge, key, written);
    if (!model) continue;
    // "OLMo 2", "Falcon-7B", "Qwen 2.5": a version or size the pack does not know. Never guess the
    // shorter name's model; keep the mention so that a claim next to it is not given to another model.
    if (next && GAP.test(text.slice(last.e, next.s)) && /^(?:\d|v\d)/i.test(next.t)) {
      out.push({ start: first.s, end: next.e, text: text.slice(first.s, next.e), model: null, via: 'name' });
      i = best + 1;
      continue;
    }
    out.push({ start: first.s, end: last.e, text: written, model, via: 'name' });
    i = best;
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * The mention nearest to `at` that the claim can be about: the nearest one ending before it (the usual
 * subject position), else the nearest one after it. Names introduced by "unlike", "than", "such as"...
 * are contrasts, never the subject.
 */
function nearest(mentions: RawMention[], text: string, at: number, atEnd: number): RawMention | null {
  let before: RawMention | null = null;
  let after: RawMention | null = null;
  for (const mm of mentions) {
    if (CONTRAST_BEFORE.test(text.slice(Math.max(0, mm.start - 30), mm.start))) continue;
    if (mm.via === 'name' && LICENCE_AFTER.test(text.slice(mm.end, mm.end + 40))) continue;
    if (mm.start < at) before = mm;
    // A name after the claim, past "including", "than", "such as"...: a list of other models.
    else if (!after && !CONTRAST_ANYWHERE.test(text.slice(atEnd, mm.start))) after = mm;
  }
  return before ?? after;
}

function withList(mentions: RawMention[], via: ResolveVia): ResolvedClaimModel {
  const models = [...new Set(mentions.map((m) => m.model!))];
  return models.length > 1 ? { model: models[0]!, via, models } : { model: models[0]!, via };
}

function indexIn(haystack: string, needle: string, hint: number | undefined): number {
  if (hint !== undefined && hint >= 0 && haystack.startsWith(needle, hint)) return hint;
  const i = haystack.indexOf(needle);
  return i < 0 ? 0 : i;
}

/**
 * The model a claim is about: a Hub link or repo id in its sentence, a known name in its sentence,
 * then the same in its paragraph, then the page's own model. `model` is null when none of these names
 * one (via 'none'), or when the nearest name is a version Ajar does not know ("OLMo 2", via '...-name'):
 * the claim stays, shown as "model unknown".
 */
export function resolveClaimModel(
  ctx: ClaimContext,
  pageModel: string | null,
  knowledge: Knowledge,
): ResolvedClaimModel {
  const phraseAt = indexIn(ctx.sentence, ctx.phrase, ctx.phraseIndex);
  const phraseEnd = phraseAt + ctx.phrase.length;
  const firstLink = (ids: string[]) => ids.map(normalizeRepoId).find((id): id is string => !!id);

  const sentenceLink = firstLink(ctx.linkedRepos.sentence);
  if (sentenceLink) return { model: currentRepoId(sentenceLink), via: 'sentence-link' };
  const inSentence = scanMentions(ctx.sentence, knowledge);
  const sentenceId = nearest(
    inSentence.filter((x) => x.via !== 'name'),
    ctx.sentence,
    phraseAt,
    phraseEnd,
  );
  if (sentenceId) return { model: sentenceId.model, via: 'sentence-link' };
  const names = inSentence.filter((x) => x.via === 'name');
  // "open-source models such as Llama and Mistral": each model of the list is a subject (issue 11, point 2).
  const listed = listAfter(ctx.sentence, phraseEnd, names);
  if (listed.length > 0) return withList(listed, 'sentence-name');
  // A name Ajar cannot place (model null) still decides: the claim is about that model, not another.
  const sentenceName = nearest(names, ctx.sentence, phraseAt, phraseEnd);
  if (sentenceName) {
    if (sentenceName.start < phraseAt) {
      const chain = coordinatedBefore(ctx.sentence, sentenceName, names);
      if (chain.length > 1) return withList(chain, 'sentence-name');
    }
    return { model: sentenceName.model, via: 'sentence-name' };
  }

  const paragraphLink = firstLink(ctx.linkedRepos.paragraph);
  if (paragraphLink) return { model: currentRepoId(paragraphLink), via: 'paragraph-link' };
  if (ctx.paragraph && ctx.paragraph !== ctx.sentence) {
    const sentenceAt = indexIn(ctx.paragraph, ctx.sentence, ctx.sentenceIndex);
    const inParagraph = scanMentions(ctx.paragraph, knowledge);
    const at = sentenceAt + phraseAt;
    const atEnd = sentenceAt + phraseEnd;
    const paragraphId = nearest(
      inParagraph.filter((x) => x.via !== 'name'),
      ctx.paragraph,
      at,
      atEnd,
    );
    if (paragraphId) return { model: paragraphId.model, via: 'paragraph-link' };
    const paragraphName = nearest(
      inParagraph.filter((x) => x.via === 'name'),
      ctx.paragraph,
      at,
      atEnd,
    );
    if (paragraphName) return { model: paragraphName.model, via: 'paragraph-name' };
  }

  if (pageModel) return { model: pageModel, via: 'page' };
  return { model: null, via: 'none' };
}
