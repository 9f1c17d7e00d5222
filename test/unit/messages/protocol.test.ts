import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  BACKGROUND_TYPES,
  BadReplyError,
  MESSAGE_TYPES,
  PROTOCOL,
  isBackgroundType,
  parseReply,
} from '../../../lib/messages';

/* The protocol table (lib/messages.ts): every row is filed under its request's type and its refusals are replies its own schema accepts. */

describe('the protocol table', () => {
  it.each(MESSAGE_TYPES)('%s: filed under its request type', (type) => {
    const shape = (PROTOCOL[type].request as unknown as z.ZodObject<{ type: z.ZodLiteral<string> }>).shape;
    expect(shape.type.value).toBe(type);
  });

  it.each(MESSAGE_TYPES)("%s: its refusals have its response's shape", (type) => {
    for (const why of ['bad-request', 'internal'] as const) {
      const reply = PROTOCOL[type].refusal(why, 'Malformed request.');
      expect(PROTOCOL[type].response.safeParse(reply).success, JSON.stringify(reply)).toBe(true);
    }
  });

  it('the background answers every message but scroll-to-claim, which a content script answers', () => {
    expect([...BACKGROUND_TYPES].sort()).toEqual(MESSAGE_TYPES.filter((t) => t !== 'scroll-to-claim').sort());
    expect(isBackgroundType('scroll-to-claim')).toBe(false);
    for (const bad of ['toString', '__proto__', 'constructor', 7, null, undefined])
      expect(isBackgroundType(bad)).toBe(false);
  });
});

describe('parseReply: extension pages check every reply with its schema', () => {
  it('passes a valid reply, stripped of unknown fields', () => {
    expect(parseReply('enable-site', { ok: true, extra: '<img>' })).toEqual({ ok: true });
    expect(parseReply('enable-site', { ok: false, error: 'no-permission', message: 'm' })).toEqual({
      ok: false,
      error: 'no-permission',
      message: 'm',
    });
    expect(parseReply('tab-state', { url: '', site: null, pageModel: null, models: [], claims: [] })).toMatchObject({
      site: null,
    });
  });

  it('throws BadReplyError for a reply of another shape, or none', () => {
    for (const raw of [undefined, null, { ok: 'true' }, { ok: false, error: 'nope', message: 'm' }, { ok: false }]) {
      expect(() => parseReply('enable-site', raw)).toThrow(BadReplyError);
    }
    expect(() => parseReply('check-model', { ok: true, verdict: {} })).toThrow(BadReplyError);
    expect(() => parseReply('judge-claims', { ok: true, claims: 'x' })).toThrow(BadReplyError);
  });
});
