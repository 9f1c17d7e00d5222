import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assessLicense, hubLicense, type LicenseClause, type LicenseDeclaration } from '../../../lib/licenses';

/*
 * Every row of the shared license-clauses.tsv must be a clause of the family it belongs to. The file is read only
 * here, in the test, when the shared data sits beside the repo; the extension itself never reads it.
 */
const TSV = resolve(__dirname, '../../../../shared/data/license-clauses.tsv');

interface Row {
  license: string;
  hfIds: string[];
  ref: string;
  restriction: string;
  freedoms: string[];
}

function readRows(): Row[] {
  const [header, ...lines] = readFileSync(TSV, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  const cols = header!.split('\t');
  const col = (cells: string[], name: string) => cells[cols.indexOf(name)] ?? '';
  let previousIds: string[] = [];
  return lines.map((line) => {
    const cells = line.split('\t');
    const hf = col(cells, 'hf_id').trim();
    // "(as above)" repeats the previous row's ids; "other (deepseek)" is a custom licence.
    const hfIds =
      hf === '(as above)'
        ? previousIds
        : hf
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean);
    previousIds = hfIds;
    return {
      license: col(cells, 'license'),
      hfIds,
      ref: col(cells, 'clause_ref').trim(),
      restriction: col(cells, 'restriction_type').trim(),
      freedoms: [
        ...col(cells, 'breaks_osaid_freedom')
          .toLowerCase()
          .matchAll(/\b(use|study|modify|share)\b/g),
      ].map((m) => m[1]!),
    };
  });
}

/** "§2; §1.b.iv" → ["§2", "§1.b.iv"]; a trailing "(note)" is dropped. */
function refParts(ref: string): string[] {
  return ref
    .split(/\s*(?:;|\+|,)\s*/)
    .map((p) => p.replace(/\s+\(.*\)$/, '').trim())
    .filter(Boolean);
}

function matchingClauses(clauses: LicenseClause[], row: Row): LicenseClause[] | null {
  if (row.ref === '—' || row.ref === '-' || row.ref === '') {
    const byKind = clauses.filter((c) => c.restriction === row.restriction);
    return byKind.length > 0 ? byKind : null;
  }
  const exact = clauses.filter((c) => c.ref === row.ref);
  if (exact.length > 0) return exact;
  const found: LicenseClause[] = [];
  for (const part of refParts(row.ref)) {
    const hit = clauses.filter((c) => refParts(c.ref).some((cp) => cp === part) || c.ref.startsWith(`${part} `));
    if (hit.length === 0) return null;
    found.push(...hit);
  }
  return found;
}

describe.skipIf(!existsSync(TSV))('license-clauses.tsv coverage', () => {
  const rows = existsSync(TSV) ? readRows() : [];

  it('has rows to check', () => {
    expect(rows.length).toBeGreaterThan(10);
  });

  it.each(rows.map((r) => [`${r.license} / ${r.ref}`, r] as const))('%s is a clause of its family', (_label, row) => {
    const declarations: LicenseDeclaration[] = row.hfIds
      .filter((id) => !id.startsWith('other') && hubLicense(id))
      .map((id) => ({ license: id }));
    // Custom licences ("other") are looked up by the licence name in the first column.
    if (declarations.length === 0) declarations.push({ license: 'other', licenseName: row.license });
    for (const decl of declarations) {
      const a = assessLicense(decl);
      expect(a.status, JSON.stringify(decl)).toBe('restricted');
      const hits = matchingClauses(a.clauses, row);
      expect(
        hits,
        `${JSON.stringify(decl)}: no clause for "${row.ref}" (${a.clauses.map((c) => c.ref).join(' | ')})`,
      ).not.toBeNull();
      const restricted = new Set(hits!.flatMap((c) => c.freedoms));
      for (const f of row.freedoms) expect([...restricted], `${JSON.stringify(decl)} ${row.ref}`).toContain(f);
    }
  });
});
