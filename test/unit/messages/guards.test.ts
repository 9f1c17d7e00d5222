import { describe, expect, it } from 'vitest';
import {
  BadReplyError,
  LABEL_VALUES,
  REPLY_GUARDS,
  guardReply,
  judgedClaimsOf,
  modelLabelsOf,
  scrollToClaimOf,
  type ContentSendType,
} from '../../../lib/message-guards';
import { JudgedClaimSchema, ModelLabelSchema, PROTOCOL, ScrollToClaimRequestSchema } from '../../../lib/messages';
import { LABELS } from '../../../lib/verdict/schema';

/*
 * The content script checks replies with hand-written guards (zod does not fit its size budget). Held to the zod
 * schemas here: entry by entry, a guard keeps exactly what the schema accepts.
 */

const claim = {
  id: 'c1',
  text: 'It is open source.',
  kind: 'strong',
  model: 'org/m',
  label: 'restricted-weights',
  openwashing: true,
  severity: 'high',
  reason: 'r',
};
const label = { query: 'org/m', id: 'org/m', label: 'open-weights', summary: 's' };

/** Every way of damaging one field: removed, wrong type, out-of-list value, markup, prototype keys. */
function damaged(base: Record<string, unknown>): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const k of Object.keys(base)) {
    const { [k]: _gone, ...without } = base;
    out.push(without);
    for (const bad of [null, undefined, 7, true, {}, [], 'not-a-label', '<img src=x onerror=alert(1)>'])
      out.push({ ...base, [k]: bad });
  }
  out.push(JSON.parse(`{"__proto__":{"label":"open-source"},"id":"x"}`));
  return out;
}

describe('message guards agree with the zod schemas', () => {
  it("the label list is the verdict schema's", () => {
    expect([...LABEL_VALUES]).toEqual([...LABELS]);
  });

  it('judge-claims: valid claims pass; a damaged claim is kept exactly when the schema accepts it', () => {
    const valid = LABELS.map((l, i) => ({ ...claim, id: `c${i}`, label: l, model: i % 2 ? null : 'org/m' }));
    expect(judgedClaimsOf({ ok: true, claims: valid })).toEqual(valid);
    // Entry by entry, the guard keeps exactly what the schema accepts (markup in a text field is still a string).
    for (const d of damaged(claim)) {
      expect(judgedClaimsOf({ ok: true, claims: [d] }).length === 1, JSON.stringify(d)).toBe(
        JudgedClaimSchema.safeParse(d).success,
      );
    }
  });

  it('judge-claims: an error reply, a malformed one or a non-object gives no claims', () => {
    for (const r of [
      { ok: false, error: 'internal', message: 'x' },
      { ok: true },
      { ok: true, claims: 'x' },
      null,
      'ok',
      [claim],
      { ok: 'true', claims: [claim] },
    ]) {
      expect(judgedClaimsOf(r)).toEqual([]);
    }
  });

  it('model-labels: valid labels pass; a damaged label is kept exactly when the schema accepts it', () => {
    const entry = ModelLabelSchema.extend({ query: ModelLabelSchema.shape.id });
    const valid = LABELS.map((l) => ({ ...label, query: `org/${l}`, label: l }));
    expect(modelLabelsOf({ ok: true, models: valid })).toEqual(valid);
    for (const d of damaged(label)) {
      expect(modelLabelsOf({ ok: true, models: [d] }).length === 1, JSON.stringify(d)).toBe(entry.safeParse(d).success);
    }
    expect(modelLabelsOf({ ok: false, error: 'internal', message: 'x' })).toEqual([]);
    expect(modelLabelsOf(undefined)).toEqual([]);
  });

  it('scroll-to-claim: accepted exactly when the schema accepts it; other messages are not for the content script', () => {
    const cases: unknown[] = [
      { type: 'scroll-to-claim', claimId: 'c1' },
      { type: 'scroll-to-claim', claimId: '' },
      { type: 'scroll-to-claim', claimId: 'x'.repeat(64) },
      { type: 'scroll-to-claim', claimId: 'x'.repeat(65) },
      { type: 'scroll-to-claim', claimId: 7 },
      { type: 'scroll-to-claim' },
    ];
    for (const c of cases) {
      const guard = scrollToClaimOf(c);
      expect(guard !== 'invalid' && guard !== null, JSON.stringify(c)).toBe(
        ScrollToClaimRequestSchema.safeParse(c).success,
      );
    }
    for (const other of [null, 'scroll-to-claim', { type: 'check-model', query: 'x' }, [], { claimId: 'c1' }])
      expect(scrollToClaimOf(other)).toBeNull();
  });
});

describe("reply guards (the content script's send) agree with the response schemas", () => {
  const pageError = { ok: false, error: 'internal', message: 'Hub down' };
  /** Valid replies of each message a content script sends. */
  const valid: { [T in ContentSendType]: unknown[] } = {
    'page-start': [{ ok: true }, pageError, { ok: false, error: 'bad-request', message: 'Malformed request.' }],
    'judge-claims': [{ ok: true, claims: [claim] }, { ok: true, claims: [] }, pageError],
    'model-labels': [{ ok: true, models: [label] }, { ok: true, models: [] }, pageError],
    'open-details': [{ ok: true }, pageError],
    'report-claim': [
      { ok: true, reportId: 'r1' },
      { ok: false, message: 'Quota exceeded' },
    ],
  };
  /** Replies of the wrong shape: no reply, other types, a missing or wrong field, an unknown error code. */
  const invalid: unknown[] = [
    undefined,
    null,
    'ok',
    [],
    { ok: 'true' },
    { ok: false },
    { ok: false, error: 'pwned', message: 'x' },
    { ok: false, error: 'internal', message: 7 },
    { ok: true, claims: 'x' },
    { ok: true, models: {} },
    { ok: true, reportId: 7 },
  ];

  it('there is a guard for every message a content script may send, and only for those', () => {
    for (const type of Object.keys(REPLY_GUARDS) as ContentSendType[]) {
      expect(PROTOCOL[type].to).toBe('background');
      expect(PROTOCOL[type].from).not.toBe('extension-page');
    }
    expect(Object.keys(REPLY_GUARDS).sort()).toEqual(Object.keys(valid).sort());
  });

  it.each(Object.keys(valid) as ContentSendType[])(
    '%s: a reply passes its guard exactly when its schema accepts it',
    (type) => {
      const schema = PROTOCOL[type].response;
      for (const raw of [...valid[type], ...invalid, ...Object.values(valid).flat()]) {
        expect(REPLY_GUARDS[type](raw) !== null, `${type} ${JSON.stringify(raw)}`).toBe(schema.safeParse(raw).success);
      }
      for (const raw of valid[type]) expect(guardReply(type, raw)).toEqual(schema.parse(raw));
    },
  );

  it('guardReply throws BadReplyError for a reply without its shape (or none: the background ignored the message)', () => {
    expect(() => guardReply('page-start', undefined)).toThrow(BadReplyError);
    expect(() => guardReply('report-claim', { ok: true })).toThrow(BadReplyError);
  });

  it('lists keep their valid entries where the schema would refuse the whole reply', () => {
    const mixed = { ok: true, claims: [claim, { ...claim, label: 'pwned' }] };
    expect(judgeClaimsSchemaRejects(mixed)).toBe(true);
    expect(guardReply('judge-claims', mixed)).toEqual({ ok: true, claims: [claim] });
  });
});

function judgeClaimsSchemaRejects(raw: unknown): boolean {
  return !PROTOCOL['judge-claims'].response.safeParse(raw).success;
}
