/** SPDX expressions (AND / OR / WITH): each leaf assessed, then combined. */
import type { Source } from '../sources';
import { deriveFreedoms, type ContentType } from './family';
import { hubLicense } from './hub';
import { isLeaf, placeholderWord, type ParsedExpression, type SpdxLeaf, type SpdxNode } from './spdx';
import type { LicenseAssessment, LicenseStatus } from './types';
import { assessHub, assessSpdxId, unknown } from './assess-ids';
import { assessName } from './assess-names';

/* ------------------------------------------------------------------------------------------------------------ */
/* Expressions                                                                                                   */
/* ------------------------------------------------------------------------------------------------------------ */

/** For OR the licensee picks, so prefer open; an unknown branch might still be open, so it beats a restricted one. */
const OR_RANK: Record<LicenseStatus, number> = { open: 3, unknown: 2, restricted: 1 };
/** For AND every licence applies, so any restriction wins; an unknown branch keeps the whole unknown. */
const AND_RANK: Record<LicenseStatus, number> = { restricted: 3, unknown: 2, open: 1 };

function mergeSources(parts: LicenseAssessment[]): Source[] {
  const seen = new Set<string>();
  const out: Source[] = [];
  for (const s of parts.flatMap((p) => p.sources)) {
    if (!seen.has(s.url)) {
      seen.add(s.url);
      out.push(s);
    }
  }
  return out;
}

function mergeFlag(values: (boolean | null)[]): boolean | null {
  if (values.some((v) => v === false)) return false;
  if (values.every((v) => v === true)) return true;
  return null;
}

function mergeContent(values: ContentType[]): ContentType {
  if (values.includes('unknown')) return 'unknown';
  return values.every((v) => v === values[0]) ? values[0]! : 'any';
}

export function combine(
  input: string,
  op: 'and' | 'or',
  left: LicenseAssessment,
  right: LicenseAssessment,
): LicenseAssessment {
  const expr = `${wrap(left.id ?? '?')} ${op.toUpperCase()} ${wrap(right.id ?? '?')}`;
  const name = left.name && right.name ? `${left.name} ${op.toUpperCase()} ${right.name}` : null;
  if (op === 'or') {
    const chosen = OR_RANK[right.status] > OR_RANK[left.status] ? right : left;
    return {
      ...chosen,
      input,
      id: expr,
      name,
      reason: `OR: the licensee may choose, so the most open branch decides (${chosen.id ?? chosen.input}: ${chosen.reason})`,
      clauses: chosen.clauses,
      freedoms: deriveFreedoms(chosen.status, chosen.clauses),
      sources: mergeSources([chosen, chosen === left ? right : left]),
    };
  }
  const worst = AND_RANK[right.status] > AND_RANK[left.status] ? right : left;
  const clauses = [...left.clauses, ...right.clauses];
  return {
    input,
    id: expr,
    name,
    osiApproved: mergeFlag([left.osiApproved, right.osiApproved]),
    fsfLibre: mergeFlag([left.fsfLibre, right.fsfLibre]),
    status: worst.status,
    reason: `AND: every licence applies, so the most restrictive decides (${worst.id ?? worst.input}: ${worst.reason})`,
    freedoms: deriveFreedoms(worst.status, clauses),
    clauses,
    contentType: mergeContent([left.contentType, right.contentType]),
    sources: mergeSources([left, right]),
  };
}

function wrap(id: string): string {
  return / (?:AND|OR) /.test(id) ? `(${id})` : id;
}

export function evaluate(input: string, node: SpdxNode, parsed: ParsedExpression): LicenseAssessment {
  if (!isLeaf(node)) {
    return combine(input, node.conjunction, evaluate(input, node.left, parsed), evaluate(input, node.right, parsed));
  }
  return evaluateLeaf(input, node, parsed);
}

function evaluateLeaf(input: string, leaf: SpdxLeaf, parsed: ParsedExpression): LicenseAssessment {
  const word = placeholderWord(parsed, leaf);
  if (word !== null) {
    // Not an SPDX id: a Hub id (e.g. "llama3.1") or a licence name written as one word.
    const hub = hubLicense(word);
    const a = (hub ? assessHub(input, hub) : null) ?? assessName(input, word);
    return a ?? unknown(input, `"${word}" is neither an SPDX id nor a licence Ajar recognises`, { id: word });
  }
  if (/^(?:LicenseRef-|DocumentRef-)/.test(leaf.license)) {
    return unknown(input, `${leaf.license} is a custom licence reference whose terms Ajar cannot see`, {
      id: leaf.license,
    });
  }
  return assessSpdxId(input, leaf.license, leaf.plus === true, leaf.exception);
}
