/**
 * npm run quality: precision and recall of openwashing flags over the claim sentences of the shared corpus.
 *
 * Sentences: every quotation in a page's provenance header ("Claim:" lines of pages/*.txt and hf_html/*.txt)
 * and in INDEX.tsv's note for model cards, widened to the full sentence(s) it comes from in the page text
 * (quotes not found in the text are kept as written when they have 4+ words: headlines quoted from titles).
 *
 * Expected outcome per sentence: the page's assessment (INDEX.tsv) gives the default (OW -> flag; HON, CRIT,
 * REF -> no flag; MIX -> reported apart). A reviewed table (test/fixtures/claims/corpus-sentences.json)
 * refines it per sentence, with a note each time, because a page's assessment does not fit all its sentences:
 *   flag     curator OW, strong wording ("open source", "truly open"): must be flagged (recall)
 *   no-flag  must not be flagged: honest and critical sentences, and sentences of OW pages that carry no
 *            claim (a licence statement, an "open-weight" sentence)
 *   weak     curator OW, but the wording is vague or indirect ("openly releasing", "open source community",
 *            "permissive licence"); by the issue's rule such wording is never flagged (strict recall only)
 *   cmp      curator OW, but the sentence compares with other "open-source models" rather than calling this
 *            model open source (strict recall only)
 *   mix      the curator's MIX: reported apart
 *
 * Each sentence runs through detection, resolution and judgement offline (knowledge pack only). The model
 * is the one the sentence names, else the page's model from INDEX.tsv's `model` column.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadKnowledge, type Knowledge } from '../lib/knowledge';
import { checkModel } from '../lib/check';
import { detectClaims, sentenceBounds } from '../lib/claims/detect';
import { findModelMentions } from '../lib/claims/resolve';
import { judgeScan } from '../lib/claims/judge-scan';
import type { JudgedClaimDetail } from '../lib/claims/types';
import type { ClaimContext } from '../lib/claims/types';
import type { Verdict } from '../lib/verdict/schema';
import { scanDocument } from '../lib/scan/document';
import { parsePage } from '../cli/scan';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_CORPUS = resolve(ROOT, '../shared/corpus');
export const REVIEW_FILE = join(ROOT, 'test/fixtures/claims/corpus-sentences.json');

export type Expect = 'flag' | 'no-flag' | 'weak' | 'cmp' | 'mix';
export type Assessment = 'OW' | 'HON' | 'MIX' | 'CRIT' | 'REF';

export interface CorpusSentence {
  file: string;
  assessment: Assessment;
  /** INDEX.tsv `model` column: the page's subject. */
  model: string;
  sentence: string;
  /** 'page': widened from the page text; 'header': only in the provenance header. */
  from: 'page' | 'header';
}

export interface ReviewedSentence {
  file: string;
  assessment: Assessment;
  model: string;
  sentence: string;
  expect: Expect;
  note?: string;
}

// --- Corpus reading -------------------------------------------------------------------------------

/** Straight quotes, no markdown emphasis or link targets, single spaces: for finding a quote in a page. */
export function normalizeText(s: string): string {
  return s
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*\*|__|`/g, '')
    .replace(/[’‘]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

function parseTsv(text: string): string[][] {
  return text
    .split('\n')
    .slice(1)
    .filter((l) => l.trim())
    .map((l) => l.split('\t'));
}

function unquoteField(f: string): string {
  return f.startsWith('"') && f.endsWith('"') ? f.slice(1, -1).replace(/""/g, '"') : f;
}

/** Quotations in a .txt provenance header's Claim lines (double quotes, \" escapes). */
function headerQuotes(header: string): string[] {
  const out: string[] = [];
  for (const line of header.split('\n')) {
    if (!/^(?:Claim|Counter-claim)\b/.test(line)) continue;
    for (const m of line.matchAll(/"((?:[^"\\]|\\.)*)"/g)) out.push(m[1]!.replace(/\\"/g, '"'));
  }
  return out;
}

/** Quotations in an INDEX.tsv note ('single quotes'; an apostrophe inside a word does not end one). */
function noteQuotes(note: string): string[] {
  return [...unquoteField(note).matchAll(/(?<=^|[\s(:;,])'(.+?)'(?=$|[\s),;:.-])/g)].map((m) => m[1]!);
}

/** The full sentences of `body` that the quote comes from, or [] if it is not in the body. */
function widen(body: string, quote: string): string[] {
  const q = normalizeText(quote);
  let at = body.indexOf(q);
  let len = q.length;
  if (at < 0) {
    // Quotes with editorial cuts ("...", "[Llama 3.1]"): look for the longest piece.
    const pieces = q
      .split(/\.\.\.|\[[^\]]*\]/)
      .map((p) => p.replace(/^["'\s]+|["'\s,]+$/g, ''))
      .filter((p) => p.length >= 12)
      .sort((a, b) => b.length - a.length);
    for (const p of pieces) {
      at = body.indexOf(p);
      if (at >= 0) {
        len = p.length;
        break;
      }
    }
  }
  if (at < 0) return [];
  const out: string[] = [];
  let pos = at;
  while (pos < at + len) {
    const [s, e] = sentenceBounds(body, pos, pos);
    const sentence = body
      .slice(s, e)
      .replace(/^[-•*]\s+/, '')
      .trim();
    if (sentence) out.push(sentence);
    if (e <= pos) break;
    pos = e + 1;
  }
  return out;
}

/** Every claim sentence of the corpus, in INDEX.tsv order, without duplicates per page. */
export function loadCorpusSentences(corpusDir = DEFAULT_CORPUS): CorpusSentence[] {
  const rows = parseTsv(readFileSync(join(corpusDir, 'INDEX.tsv'), 'utf8'));
  const out: CorpusSentence[] = [];
  for (const row of rows) {
    const [file, , , model, , assessment, , note] = row as [
      string,
      string,
      string,
      string,
      string,
      Assessment,
      string,
      string?,
    ];
    const raw = readFileSync(join(corpusDir, file), 'utf8');
    let quotes: string[];
    let body: string;
    if (file.endsWith('.txt')) {
      const cut = raw.indexOf('\n---\n');
      quotes = headerQuotes(cut >= 0 ? raw.slice(0, cut) : '');
      body = cut >= 0 ? raw.slice(cut + 5) : raw;
    } else {
      quotes = note ? noteQuotes(note) : [];
      body = raw;
    }
    // Sentence boundaries need the line breaks; normalise within lines only.
    const text = body
      .split('\n')
      .map((l) => normalizeText(l))
      .join('\n');
    const seen = new Set<string>();
    for (const q of quotes) {
      // "open", "any purpose": too short to find the right place in the page.
      if (q.trim().length < 6) continue;
      const widened = widen(text, q);
      const sentences: { s: string; from: CorpusSentence['from'] }[] = widened.map((s) => ({ s, from: 'page' }));
      if (sentences.length === 0 && normalizeText(q).split(' ').length >= 5)
        sentences.push({ s: normalizeText(q), from: 'header' });
      for (const { s, from } of sentences) {
        if (seen.has(s)) continue;
        seen.add(s);
        out.push({ file, assessment, model, sentence: s, from });
      }
    }
  }
  return out;
}

export function loadReview(path = REVIEW_FILE): ReviewedSentence[] {
  return JSON.parse(readFileSync(path, 'utf8')) as ReviewedSentence[];
}

export function defaultExpect(a: Assessment): Expect {
  return a === 'OW' ? 'flag' : a === 'MIX' ? 'mix' : 'no-flag';
}

// --- Judging ---------------------------------------------------------------------------------------

/** The page's model from INDEX.tsv's model column ("Llama 3 (8B, 70B)", "tiiuae/falcon-40b (later)"). */
export function pageModelOf(column: string, knowledge: Knowledge): string | null {
  return findModelMentions(column, knowledge)[0]?.model ?? null;
}

export function offlineChecker(knowledge: Knowledge): (model: string) => Promise<Verdict | null> {
  const memo = new Map<string, Promise<Verdict | null>>();
  const now = () => new Date('2026-01-01T00:00:00Z');
  return (model) => {
    let p = memo.get(model);
    if (!p) {
      p = checkModel(model, { knowledge, hub: null, now }).then((r) => (r.ok ? r.verdict : null));
      memo.set(model, p);
    }
    return p;
  };
}

/** Detection, resolution and judgement of one sentence, as the extension would on a page. */
export async function judgeSentence(
  sentence: string,
  pageModel: string | null,
  knowledge: Knowledge,
  check: (model: string) => Promise<Verdict | null>,
): Promise<JudgedClaimDetail[]> {
  const contexts: ClaimContext[] = detectClaims(sentence).map((c, i) => ({
    id: `s${i}`,
    phrase: c.phrase,
    kind: c.kind,
    sentence: c.sentence,
    paragraph: sentence,
    linkedRepos: { sentence: [], paragraph: [] },
    phraseIndex: c.start - (c.sentenceStart ?? 0),
  }));
  return judgeScan(contexts, pageModel, knowledge, check);
}

export interface Outcome extends ReviewedSentence {
  flagged: boolean;
  claims: JudgedClaimDetail[];
  reviewed: boolean;
}

export interface Metrics {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number;
  recall: number;
  /** Recall when "weak" and "cmp" sentences count as sentences to flag too. */
  strictRecall: number;
  /** Sentences with open-weights wording that were flagged (must be 0). */
  openWeightsFlagged: number;
  /** Honest, critical and no-claim sentences flagged (must be 0). */
  wrongFlags: number;
  mixFlagged: number;
  mixTotal: number;
}

const OPEN_WEIGHTS =
  /open[\s-]?weights?|weights?\s+(?:are\s+)?(?:openly\s+|publicly\s+)?available|openly\s+available\s+weights|开放权重|開放權重/i;

export function metrics(outcomes: readonly Outcome[]): Metrics {
  const count = (f: (o: Outcome) => boolean) => outcomes.filter(f).length;
  const tp = count((o) => o.expect === 'flag' && o.flagged);
  const fn = count((o) => o.expect === 'flag' && !o.flagged);
  const fp = count((o) => o.expect === 'no-flag' && o.flagged);
  const tn = count((o) => o.expect === 'no-flag' && !o.flagged);
  const strictTp = count((o) => (o.expect === 'flag' || o.expect === 'weak' || o.expect === 'cmp') && o.flagged);
  const strictAll = count((o) => o.expect === 'flag' || o.expect === 'weak' || o.expect === 'cmp');
  return {
    tp,
    fp,
    fn,
    tn,
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
    strictRecall: strictAll === 0 ? 1 : strictTp / strictAll,
    openWeightsFlagged: count((o) => o.flagged && OPEN_WEIGHTS.test(o.sentence) && o.expect !== 'flag'),
    wrongFlags: fp,
    mixFlagged: count((o) => o.expect === 'mix' && o.flagged),
    mixTotal: count((o) => o.expect === 'mix'),
  };
}

const reviewKey = (file: string, sentence: string) => `${file}\u0000${sentence}`;

/** Judges every sentence: from the live corpus when given, else from the reviewed copies alone. */
export async function evaluate(
  sentences: readonly (CorpusSentence | ReviewedSentence)[],
  review: readonly ReviewedSentence[],
  knowledge = loadKnowledge(),
): Promise<Outcome[]> {
  const byKey = new Map(review.map((r) => [reviewKey(r.file, r.sentence), r]));
  const check = offlineChecker(knowledge);
  const out: Outcome[] = [];
  for (const s of sentences) {
    const r = byKey.get(reviewKey(s.file, s.sentence));
    const expect = r?.expect ?? ('expect' in s ? s.expect : defaultExpect(s.assessment));
    const claims = await judgeSentence(s.sentence, pageModelOf(s.model, knowledge), knowledge, check);
    out.push({
      file: s.file,
      assessment: s.assessment,
      model: s.model,
      sentence: s.sentence,
      expect,
      note: r?.note,
      flagged: claims.some((c) => c.openwashing),
      claims,
      reviewed: !!r,
    });
  }
  return out;
}

// --- Whole pages ----------------------------------------------------------------------------------

export interface PageOutcome {
  file: string;
  assessment: Assessment;
  claims: JudgedClaimDetail[];
}

/**
 * A second, page-level look: every page text of the corpus scanned whole (as `ajar scan` would, with the
 * INDEX.tsv model as the page's model), to see flags outside the quoted claim sentences.
 */
export async function evaluatePages(corpusDir = DEFAULT_CORPUS, knowledge = loadKnowledge()): Promise<PageOutcome[]> {
  const check = offlineChecker(knowledge);
  const out: PageOutcome[] = [];
  for (const row of parseTsv(readFileSync(join(corpusDir, 'INDEX.tsv'), 'utf8'))) {
    const [file, kind, , model, , assessment] = row as [string, string, string, string, string, Assessment];
    if (kind === 'hf_api_json') continue;
    let body = readFileSync(join(corpusDir, file), 'utf8');
    const cut = body.indexOf('\n---\n');
    if (file.endsWith('.txt') && cut >= 0) body = body.slice(cut + 5);
    const { document, close } = parsePage(body, file.endsWith('.html'));
    const scan = scanDocument(document, { url: null });
    await close();
    out.push({
      file,
      assessment,
      claims: await judgeScan(scan.contexts, pageModelOf(model, knowledge), knowledge, check),
    });
  }
  return out;
}

export function reportPages(pages: readonly PageOutcome[]): string {
  const lines: string[] = ['', 'Whole pages (page text scanned as `ajar scan` would):'];
  for (const a of ['OW', 'MIX', 'HON', 'CRIT', 'REF'] as const) {
    const ps = pages.filter((p) => p.assessment === a);
    const flagged = ps.flatMap((p) => p.claims.filter((c) => c.openwashing));
    lines.push(
      `  ${a.padEnd(4)} ${String(ps.length).padStart(2)} pages, ${String(ps.reduce((n, p) => n + p.claims.length, 0)).padStart(3)} claims, ${flagged.length} flagged (${flagged.filter((c) => c.severity === 'high').length} high) on ${ps.filter((p) => p.claims.some((c) => c.openwashing)).length} pages`,
    );
  }
  for (const p of pages) {
    if (p.assessment === 'OW' || p.assessment === 'MIX') continue;
    for (const c of p.claims.filter((x) => x.openwashing)) {
      lines.push(
        `  ! ${p.assessment} ${p.file}: ${c.severity} ${c.model} "${c.phrase}" (${c.reason}) | ${cut(c.text, 90)}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

// --- Report ----------------------------------------------------------------------------------------

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

function cut(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

export function report(outcomes: readonly Outcome[]): string {
  const lines: string[] = [];
  lines.push('ass  expect   result  claims (kind:model:label)                                   sentence');
  for (const o of outcomes) {
    const wrong = (o.expect === 'flag' && !o.flagged) || (o.expect === 'no-flag' && o.flagged);
    const result = o.flagged ? 'FLAG' : '-';
    const claims = o.claims
      .map(
        (c) =>
          `${c.kind[0]}:${c.model ? c.model.replace(/^.*\//, '') : '?'}:${c.openwashing ? `${c.label}!` : c.label}`,
      )
      .join(' ');
    lines.push(
      `${o.assessment.padEnd(4)} ${o.expect.padEnd(8)} ${(wrong ? `${result} ✗` : result).padEnd(7)} ${cut(claims || '(no claim)', 58).padEnd(59)} ${cut(o.sentence, 100)}${o.reviewed ? '' : '  [not reviewed]'}`,
    );
  }
  const m = metrics(outcomes);
  const by = (e: Expect) => outcomes.filter((o) => o.expect === e).length;
  lines.push('');
  lines.push(
    `sentences: ${outcomes.length} (flag ${by('flag')}, no-flag ${by('no-flag')}, weak ${by('weak')}, cmp ${by('cmp')}, mix ${by('mix')}); not reviewed: ${outcomes.filter((o) => !o.reviewed).length}`,
  );
  lines.push(`TP ${m.tp}  FP ${m.fp}  FN ${m.fn}  TN ${m.tn}`);
  lines.push(
    `precision ${pct(m.precision)}  recall ${pct(m.recall)}  (strict recall, counting weak and comparative wording: ${pct(m.strictRecall)})`,
  );
  lines.push(`honest "open weights" sentences flagged: ${m.openWeightsFlagged}  (must be 0)`);
  lines.push(`MIX sentences flagged: ${m.mixFlagged} of ${m.mixTotal} (not scored)`);
  const misses = outcomes.filter((o) => o.expect === 'flag' && !o.flagged);
  if (misses.length) {
    lines.push('missed (why):');
    for (const o of misses) {
      const strong = o.claims.filter((c) => c.kind === 'strong');
      const why =
        strong.length === 0
          ? 'no strong claim detected'
          : strong.map((c) => (c.model ? `${c.model}: ${c.reason}` : 'model unknown')).join('; ');
      lines.push(`  - ${cut(o.sentence, 70)} -> ${why}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

async function main(): Promise<number> {
  const arg = process.argv.slice(2).find((a) => !a.startsWith('--'));
  const corpus = arg ? resolve(arg) : DEFAULT_CORPUS;
  const review = loadReview();
  let sentences: (CorpusSentence | ReviewedSentence)[];
  if (existsSync(join(corpus, 'INDEX.tsv'))) {
    sentences = loadCorpusSentences(corpus);
    process.stdout.write(`Corpus: ${corpus} (${sentences.length} claim sentences)\n`);
  } else {
    sentences = review;
    process.stdout.write(
      `Corpus not found at ${corpus}; using the ${review.length} reviewed copies in ${REVIEW_FILE}\n`,
    );
  }
  const outcomes = await evaluate(sentences, review);
  process.stdout.write(report(outcomes));
  if (existsSync(join(corpus, 'INDEX.tsv'))) process.stdout.write(reportPages(await evaluatePages(corpus)));
  if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify(metrics(outcomes))}\n`);
  const m = metrics(outcomes);
  return m.wrongFlags === 0 && m.openWeightsFlagged === 0 ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`claims-quality: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
