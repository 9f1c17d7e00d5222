/**
 * npm run quality: precision and recall of openwashing flags on the held-out claims corpus
 * (test/quality/claims-corpus.json, see test/quality/README.md), through the same code path as `ajar scan`.
 *
 * Each excerpt becomes a small HTML page (its context, when it has one, as a heading above it) that runScan
 * reads offline with the bundled knowledge pack; a model card's page URL is passed as --url-hint so that the
 * page's own model applies, as it would on the Hub.
 *
 * An openwashing flag is a high-severity claim. Per excerpt ("by claim"): `flag` must get one; `unverified` may
 * get at most the medium note; `no-flag` must get neither (a medium note there is listed as a medium false alarm,
 * apart from precision). Per document: flagged when any of its excerpts is, against `expectDocumentFlag`.
 * Figures are given for dev (rules may be written against it) and test (held out) separately.
 *
 * Usage: tsx scripts/quality.ts [--json] [--split dev|test] [--quiet]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runScan } from '../cli/scan';
import { loadKnowledge, type Knowledge } from '../lib/knowledge';
import { loadClaimsCorpus, type CorpusDocument, type Excerpt } from '../test/quality/load';

/** One claim of runScan's --json output. */
interface ScannedClaim {
  text: string;
  kind: string;
  model: string | null;
  label: string;
  openwashing: boolean;
  severity: 'high' | 'medium' | 'none';
  reason: string;
}

export interface ExcerptOutcome {
  doc: string;
  split: 'dev' | 'test';
  language: string;
  excerpt: Excerpt;
  claims: ScannedClaim[];
  /** A high-severity openwashing claim was found. */
  flagged: boolean;
  /** Only a medium note. */
  medium: boolean;
  /** Some high flag names one of the excerpt's subjects (only meaningful when flagged). */
  onSubject: boolean;
}

export interface DocumentOutcome {
  doc: CorpusDocument;
  flagged: boolean;
  excerpts: ExcerptOutcome[];
}

export interface Figures {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number;
  recall: number;
}

const FIXED_NOW = () => new Date('2026-01-01T00:00:00Z');

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The page for one excerpt: its context (a section heading or table rows) as a heading, then the quote. */
export function pageFor(excerpt: Excerpt): string {
  const parts = ['<!doctype html><html><head><meta charset="utf-8"><title>excerpt</title></head><body><article>'];
  if (excerpt.context) {
    const heading = /^section\s+"#*\s*(.+?)"\s*$/i.exec(excerpt.context)?.[1] ?? excerpt.context;
    parts.push(`<h3>${escapeHtml(heading)}</h3>`);
  }
  parts.push(`<p>${escapeHtml(excerpt.text)}</p></article></body></html>`);
  return parts.join('');
}

/** The document's page URL as a hint, for model cards only (the page's own model). */
export function urlHintFor(doc: CorpusDocument): string | undefined {
  if (doc.kind !== 'model-card') return undefined;
  return /^https?:\/\//.test(doc.source.url) ? doc.source.url : undefined;
}

const key = (s: string) => s.toLowerCase().replace(/[^a-z0-9\u3400-\u9fff]+/g, '');

/** Whether a flagged model (repo id or name) is one of the subjects ("meta-llama/Llama-2-70b-hf" ~ "Llama 2 70B"). */
export function modelMatches(model: string | null, subjects: readonly string[]): boolean {
  if (!model) return false;
  const m = key(model.slice(model.indexOf('/') + 1));
  return subjects.some((s) => {
    const k = key(s);
    return k.length > 0 && (m.includes(k) || k.includes(m));
  });
}

export async function scanExcerpt(
  doc: CorpusDocument,
  excerpt: Excerpt,
  dir: string,
  knowledge: Knowledge,
  n: number,
): Promise<ExcerptOutcome> {
  const file = join(dir, `${n}.html`);
  writeFileSync(file, pageFor(excerpt));
  const out = await runScan({
    target: file,
    json: true,
    urlHint: urlHintFor(doc),
    knowledge,
    hub: null,
    now: FIXED_NOW,
  });
  if (out.code !== 0) throw new Error(`${doc.id}: ${out.error}`);
  const claims = (JSON.parse(out.stdout) as { claims: ScannedClaim[] }).claims;
  const high = claims.filter((c) => c.openwashing && c.severity === 'high');
  return {
    doc: doc.id,
    split: doc.split,
    language: doc.language,
    excerpt,
    claims,
    flagged: high.length > 0,
    medium: high.length === 0 && claims.some((c) => c.openwashing && c.severity === 'medium'),
    onSubject: high.some((c) => modelMatches(c.model, excerpt.subjects)),
  };
}

export async function evaluateCorpus(
  docs: readonly CorpusDocument[],
  knowledge = loadKnowledge(),
): Promise<DocumentOutcome[]> {
  const dir = mkdtempSync(join(tmpdir(), 'ajar-quality-'));
  try {
    const out: DocumentOutcome[] = [];
    let n = 0;
    for (const doc of docs) {
      const excerpts: ExcerptOutcome[] = [];
      for (const e of doc.excerpts) excerpts.push(await scanExcerpt(doc, e, dir, knowledge, n++));
      out.push({ doc, flagged: excerpts.some((x) => x.flagged), excerpts });
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function figures(pairs: readonly { expected: boolean; flagged: boolean }[]): Figures {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const p of pairs) {
    if (p.expected && p.flagged) tp++;
    else if (p.flagged) fp++;
    else if (p.expected) fn++;
    else tn++;
  }
  return { tp, fp, fn, tn, precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn) };
}

export interface SplitReport {
  split: 'dev' | 'test';
  documents: Figures;
  claims: Figures;
  /** High flags on excerpts that expect none (no-flag or unverified). */
  highFalseAlarms: ExcerptOutcome[];
  /** Medium notes on excerpts that expect no flag at all. */
  mediumFalseAlarms: ExcerptOutcome[];
  /** `flag` excerpts without a high flag. */
  misses: ExcerptOutcome[];
  /** `flag` excerpts flagged, but on no model among their subjects. */
  offSubject: ExcerptOutcome[];
  missedDocuments: DocumentOutcome[];
  falseDocuments: DocumentOutcome[];
}

export function report(outcomes: readonly DocumentOutcome[], split: 'dev' | 'test'): SplitReport {
  const docs = outcomes.filter((d) => d.doc.split === split);
  const excerpts = docs.flatMap((d) => d.excerpts);
  return {
    split,
    documents: figures(docs.map((d) => ({ expected: d.doc.expectDocumentFlag, flagged: d.flagged }))),
    claims: figures(excerpts.map((x) => ({ expected: x.excerpt.expect === 'flag', flagged: x.flagged }))),
    highFalseAlarms: excerpts.filter((x) => x.flagged && x.excerpt.expect !== 'flag'),
    mediumFalseAlarms: excerpts.filter((x) => x.medium && x.excerpt.expect === 'no-flag'),
    misses: excerpts.filter((x) => !x.flagged && x.excerpt.expect === 'flag'),
    offSubject: excerpts.filter((x) => x.flagged && x.excerpt.expect === 'flag' && !x.onSubject),
    missedDocuments: docs.filter((d) => d.doc.expectDocumentFlag && !d.flagged),
    falseDocuments: docs.filter((d) => !d.doc.expectDocumentFlag && d.flagged),
  };
}

const pct = (x: number) => `${(x * 100).toFixed(0)}%`;
const oneLine = (s: string, max = 140) => {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
};
const cell = (s: string) => s.replace(/\|/g, '\\|');

/** The README table: one row per split, documents and claims. */
export function markdownTable(reports: readonly SplitReport[]): string {
  const rows = [
    '| split | documents (flag expected) | precision (documents) | recall (documents) | excerpts (flag expected) | precision (claims) | recall (claims) | high-severity false alarms | medium notes on no-flag excerpts |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const r of reports) {
    const d = r.documents;
    const c = r.claims;
    rows.push(
      `| ${r.split} | ${d.tp + d.fp + d.fn + d.tn} (${d.tp + d.fn}) | ${pct(d.precision)} (${d.tp}/${d.tp + d.fp}) | ${pct(d.recall)} (${d.tp}/${d.tp + d.fn}) | ${c.tp + c.fp + c.fn + c.tn} (${c.tp + c.fn}) | ${pct(c.precision)} (${c.tp}/${c.tp + c.fp}) | ${pct(c.recall)} (${c.tp}/${c.tp + c.fn}) | ${r.highFalseAlarms.length} | ${r.mediumFalseAlarms.length} |`,
    );
  }
  return rows.join('\n');
}

/** Why an excerpt came out as it did: the claims found, each with model and reason, or "no claim detected". */
function why(x: ExcerptOutcome): string {
  if (x.claims.length === 0) return 'no claim detected';
  return x.claims
    .map(
      (c) =>
        `[${c.kind}${c.openwashing ? ` ${c.severity}` : ''}] ${c.model ?? 'model unknown'} (${c.label}): ${c.reason}`,
    )
    .join(' / ');
}

/** Why a `flag` excerpt was missed, by the stage that lost it: detection, names, evidence, or judgement. */
export function missCause(x: ExcerptOutcome): string {
  const claims = x.claims.filter((c) => c.kind === 'strong');
  if (claims.length === 0) return x.claims.length === 0 ? 'no claim detected' : 'only vague or honest wording detected';
  if (claims.every((c) => c.model === null)) return 'no model resolved (names, page model, table row)';
  if (claims.some((c) => c.openwashing && c.severity === 'medium'))
    return 'judged medium: a model with open weights was picked';
  if (claims.every((c) => c.label === 'unknown')) return 'model found, label unknown (not enough evidence)';
  return 'judged not openwashing';
}

function causes(items: readonly ExcerptOutcome[]): string[] {
  const counts = new Map<string, number>();
  for (const x of items) counts.set(missCause(x), (counts.get(missCause(x)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).map(([c, n]) => `- ${c}: ${n}`);
}

function listing(title: string, items: readonly ExcerptOutcome[]): string[] {
  const out = [`### ${title} (${items.length})`, ''];
  for (const x of items) {
    out.push(
      `- \`${x.doc}\` (${x.language}, expects ${x.excerpt.expect}${x.excerpt.pattern ? `, ${x.excerpt.pattern}` : ''}; subjects: ${x.excerpt.subjects.join(', ') || 'none'}): "${cell(oneLine(x.excerpt.text))}"`,
    );
    out.push(`  - Ajar: ${cell(oneLine(why(x), 400))}`);
  }
  out.push('');
  return out;
}

export function renderReport(reports: readonly SplitReport[]): string {
  const out = ['## Openwashing flags on the held-out claims corpus', '', markdownTable(reports), ''];
  for (const r of reports) {
    out.push(`## ${r.split}`, '');
    out.push(`Documents missed: ${r.missedDocuments.map((d) => `\`${d.doc.id}\``).join(', ') || 'none'}`, '');
    out.push(
      `Documents flagged without cause: ${r.falseDocuments.map((d) => `\`${d.doc.id}\``).join(', ') || 'none'}`,
      '',
    );
    out.push(`Misses by cause (${r.split}):`, '', ...causes(r.misses), '');
    out.push(...listing(`${r.split}: misses (flag expected, no high flag)`, r.misses));
    out.push(...listing(`${r.split}: high-severity false alarms`, r.highFalseAlarms));
    out.push(...listing(`${r.split}: medium notes on no-flag excerpts`, r.mediumFalseAlarms));
    out.push(...listing(`${r.split}: flagged, but on no listed subject`, r.offSubject));
  }
  return out.join('\n');
}

async function main(argv: string[]): Promise<void> {
  const splitArg = argv.includes('--split') ? argv[argv.indexOf('--split') + 1] : undefined;
  const splits = (splitArg === 'dev' || splitArg === 'test' ? [splitArg] : ['dev', 'test']) as ('dev' | 'test')[];
  const docs = loadClaimsCorpus().filter((d) => splits.includes(d.split));
  const outcomes = await evaluateCorpus(docs);
  const reports = splits.map((s) => report(outcomes, s));
  if (argv.includes('--json')) {
    const brief = (x: ExcerptOutcome) => ({ doc: x.doc, text: x.excerpt.text, expect: x.excerpt.expect, why: why(x) });
    const json = reports.map((r) => ({
      split: r.split,
      documents: r.documents,
      claims: r.claims,
      misses: r.misses.map(brief),
      highFalseAlarms: r.highFalseAlarms.map(brief),
      mediumFalseAlarms: r.mediumFalseAlarms.map(brief),
    }));
    process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
    return;
  }
  process.stdout.write(`${argv.includes('--quiet') ? markdownTable(reports) : renderReport(reports)}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).catch((e) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  });
}
