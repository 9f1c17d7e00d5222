import type { Verdict } from '../lib/verdict/schema';
import type { Source } from '../lib/sources';
import { LABEL_ANSI, LABEL_PHRASE, STATUS_SYMBOL } from '../lib/labels';
import { terminalSafeDeep } from '../lib/text/terminal-safe';

/** Readable terminal rendering of a verdict. It prints what the verdict says; it never re-decides it. */
const useColour = process.stdout.isTTY === true && !process.env.NO_COLOR;
const paint = (code: string, s: string) => (useColour ? `\u001b[${code}m${s}\u001b[0m` : s);
const bold = (s: string) => paint('1', s);
const dim = (s: string) => paint('2', s);

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

function src(sources: Source[]): string {
  const urls = [...new Set(sources.map((s) => s.url).filter(Boolean))].slice(0, 2);
  return urls.length ? dim(` [${urls.join(' ; ')}]`) : '';
}

export function renderVerdict(verdict: Verdict): string {
  // Every field holds Hub or page text: no escape sequence, control or bidi character reaches the terminal.
  const v = terminalSafeDeep(verdict);
  const out: string[] = [];
  out.push(`${bold(v.model)}  ${paint(LABEL_ANSI[v.label], bold(LABEL_PHRASE[v.label].toUpperCase()))}`);
  out.push(v.summary);
  out.push(
    dim(
      v.mode === 'live'
        ? `Evidence fetched from the Hub at ${v.hub.fetchedAt ?? v.evaluatedAt}.`
        : `Offline: the bundled knowledge pack only${v.hub.message ? ` (${v.hub.message})` : ''}.`,
    ),
  );
  out.push('');

  out.push(
    bold(`OSI Open Source AI Definition 1.0: ${v.osaid.verdict.toUpperCase()}`) +
      dim(` (decided by ${v.osaid.decidedBy === 'osi-validation' ? "OSI's own validation" : 'the evidence'})`),
  );
  out.push(`  ${v.osaid.reason}`);
  out.push(bold('  Freedoms'));
  for (const f of ['use', 'study', 'modify', 'share'] as const) {
    const fr = v.osaid.freedoms[f];
    out.push(
      `    ${STATUS_SYMBOL[fr.status]} ${pad(f, 7)} ${pad(fr.status, 11)} ${fr.reasons[0]?.text ?? ''}${src(fr.reasons.flatMap((r) => r.sources))}`,
    );
    for (const r of fr.reasons.slice(1, 4)) out.push(`      ${' '.repeat(19)}${r.text}${src(r.sources)}`);
  }
  out.push(bold('  Components'));
  for (const [k, name] of [
    ['data', 'data information'],
    ['code', 'code'],
    ['parameters', 'parameters'],
  ] as const) {
    const c = v.osaid.components[k];
    out.push(
      `    ${STATUS_SYMBOL[c.status]} ${pad(name, 17)} ${pad(c.status, 10)} ${c.evidence[0]?.text ?? ''}${src(c.evidence.flatMap((r) => r.sources))}`,
    );
  }
  if (v.osaid.blockers.length) {
    out.push(bold('  Blockers'));
    for (const b of v.osaid.blockers)
      out.push(`    - ${b.text}${b.clause ? `\n      ${b.clause.quote}` : ''}${src(b.sources)}`);
  }
  out.push('');

  if (v.license) {
    const osi =
      v.license.osiApproved === true
        ? 'OSI-approved'
        : v.license.osiApproved === false
          ? 'not OSI-approved'
          : 'not an SPDX licence';
    out.push(
      bold(`Licence: ${v.license.name ?? v.license.input}`) +
        ` (${v.license.id ?? 'no id'}; ${osi}; ${v.license.status}) ${dim(`from ${v.license.from}`)}`,
    );
    out.push(`  ${v.license.reason}`);
    for (const c of v.license.clauses) {
      out.push(`  ${c.ref} — ${c.restriction} [breaks: ${c.freedoms.join(', ')}]`);
      out.push(`    ${c.quote}${src([c.source])}`);
    }
  } else {
    out.push(bold('Licence: unknown') + ' (none declared, and no expert record names one)');
  }
  if (v.inheritance.baseModels.length || v.inheritance.conflict) {
    out.push(bold('Base models'));
    for (const b of v.inheritance.baseModels)
      out.push(
        `  ${b.relation} of ${b.id}: ${b.license ?? 'licence unknown'}${b.licenseStatus ? ` (${b.licenseStatus})` : ''}`,
      );
    if (v.inheritance.conflict) out.push(paint('31', `  CONFLICT: ${v.inheritance.conflict.reason}`));
  }
  if (v.data.length) {
    out.push(bold('Declared training data'));
    for (const d of v.data) out.push(`  ${d.id}: ${d.dataClass} — ${d.reason}${dim(` [${d.url}]`)}`);
  }
  out.push('');

  out.push(bold('Alongside'));
  out.push(`  MOF class: ${v.mof.class}  ${dim(v.mof.reason)}`);
  out.push(`  Open weights: ${v.openWeights.status}  ${dim(v.openWeights.reason)}`);
  out.push(`  FSF-free: ${v.fsfFree.status}  ${dim(v.fsfFree.reason)}`);
  out.push(`  EU AI Act open-source exemption (hint): ${v.euAiActHint.status}  ${dim(v.euAiActHint.reason)}`);
  out.push(dim(`  ${v.euAiActHint.disclaimer}`));
  out.push('');

  if (v.expert.length) {
    out.push(bold('Expert records'));
    for (const e of v.expert) {
      const scope = e.match === 'exact' ? 'this model' : 'FAMILY record, not this exact model';
      const facts = Object.entries(e.facts)
        .map(([k, val]) => `${k}=${val}`)
        .join(', ');
      out.push(`  ${e.origin}: ${e.name} (${scope})`);
      out.push(`    ${facts}${src([e.source])}`);
    }
    out.push('');
  }
  if (v.disagreements.length) {
    out.push(bold('Sources disagree'));
    for (const d of v.disagreements) {
      out.push(`  ${d.topic}:`);
      for (const s of d.statements) out.push(`    ${s.who}: ${s.says}`);
      out.push(`    → ${d.resolution}`);
    }
    out.push('');
  }
  out.push(bold('Sources'));
  for (const s of v.sources) out.push(`  - ${s.title}: ${s.url}`);
  const attributions = [...new Set(v.expert.map((e) => e.source.attribution).filter((a): a is string => !!a))];
  if (attributions.length) {
    out.push('');
    for (const a of attributions) out.push(dim(a));
  }
  return `${out.join('\n')}\n`;
}
