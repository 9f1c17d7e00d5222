import type { Note } from '../notes/schema';
import type { Report } from '../reports/schema';
import { modelUrl } from '../reports/public';

/*
 * A readable Markdown export: notes grouped by what they are about, then reports, with links to the models,
 * pages and sources. User text is quoted and escaped, so it reads as text, never as markup.
 */

function esc(s: string): string {
  return s.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}

function url(u: string): string {
  return u.replace(/[\s()<>]/g, (c) => encodeURIComponent(c));
}

function link(text: string, href: string | null): string {
  return href && /^https?:\/\//i.test(href)
    ? `[${esc(text.replace(/\s+/g, ' ').trim()) || url(href)}](${url(href)})`
    : esc(text);
}

function quoted(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => (l ? `> ${esc(l)}` : '>'))
    .join('\n');
}

function day(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

export function toMarkdown(notes: readonly Note[], reports: readonly Report[], now: Date = new Date()): string {
  const out: string[] = [
    '# Ajar: notes and reports',
    '',
    `Exported ${day(now.toISOString())}: ${notes.length} note${notes.length === 1 ? '' : 's'}, ${reports.length} report${reports.length === 1 ? '' : 's'}.`,
    '',
  ];

  out.push('## Notes', '');
  if (notes.length === 0) out.push('_No notes._', '');
  const groups = new Map<string, Note[]>();
  for (const n of notes) {
    const key = n.target.kind === 'model' ? `m\u0000${n.target.model}` : `p\u0000${n.target.url}`;
    groups.set(key, [...(groups.get(key) ?? []), n]);
  }
  for (const group of [...groups.values()].sort((a, b) =>
    (a[0]!.target.kind + JSON.stringify(a[0]!.target)).localeCompare(b[0]!.target.kind + JSON.stringify(b[0]!.target)),
  )) {
    const t = group[0]!.target;
    out.push(
      t.kind === 'model'
        ? `### Model: ${link(t.model, modelUrl(t.model))}`
        : `### Page: ${link(t.title || t.url, t.url)}`,
      '',
    );
    for (const n of [...group].sort((a, b) => a.createdAt.localeCompare(b.createdAt))) {
      out.push(
        quoted(n.text),
        '',
        `_Written ${day(n.createdAt)}${n.updatedAt !== n.createdAt ? `, edited ${day(n.updatedAt)}` : ''}._`,
        '',
      );
    }
  }

  out.push('## Reports', '');
  if (reports.length === 0) out.push('_No reports._', '');
  for (const r of [...reports].sort((a, b) => a.createdAt.localeCompare(b.createdAt))) {
    const claim = r.claim.text.replace(/\s+/g, ' ').trim();
    out.push(
      `### ${r.status[0]!.toUpperCase()}${r.status.slice(1)}: ${esc(claim.length > 80 ? `${claim.slice(0, 79)}…` : claim || '(no claim text)')}`,
      '',
    );
    if (r.page) out.push(`- Page: ${link(r.page.title || r.page.url, r.page.url)}`);
    out.push(`- Model: ${r.model ? link(r.model, modelUrl(r.model)) : 'not identified'}`);
    if (r.verdict) {
      out.push(
        `- Ajar's verdict: **${r.verdict.label}**: ${esc(r.verdict.summary)}${r.verdict.evaluatedAt ? ` (evaluated ${r.verdict.evaluatedAt.slice(0, 10)})` : ''}`,
      );
      if (r.verdict.sources.length)
        out.push(`- Sources: ${r.verdict.sources.map((s) => link(s.title || s.url, s.url)).join(', ')}`);
    }
    if (r.filed)
      out.push(
        `- Filed: ${link(r.filed.target === 'github' ? 'GitHub issue form' : 'Hugging Face discussion form', r.filed.url)} on ${day(r.filed.at)}`,
      );
    out.push(`- Written ${day(r.createdAt)}, last edited ${day(r.updatedAt)}`, '');
    if (claim) out.push('Claim:', '', quoted(r.claim.text), '');
    if (r.comment.trim()) out.push('Comment:', '', quoted(r.comment), '');
  }
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}
