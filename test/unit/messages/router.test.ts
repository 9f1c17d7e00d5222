import { describe, expect, it } from 'vitest';
import { dispatch, handleMessage, routeMessage, type Handlers, type MessageSender } from '../../../lib/message-router';
import { BACKGROUND_TYPES, PROTOCOL } from '../../../lib/messages';

const me = { extensionId: 'ajar-id', extensionOrigin: 'chrome-extension://ajar-id/' };
const contentScript: MessageSender = { id: 'ajar-id', url: 'https://huggingface.co/org/m', tab: { id: 7, index: 0 } };
const popup: MessageSender = { id: 'ajar-id', url: 'chrome-extension://ajar-id/popup.html' };
const otherExtension: MessageSender = { id: 'evil-extension', url: 'chrome-extension://evil-extension/x.html' };

const valid = {
  'check-model': { type: 'check-model', query: 'google-t5/t5-base' },
  'page-start': { type: 'page-start', url: 'https://huggingface.co/org/m', site: 'huggingface', pageModel: 'org/m' },
  'judge-claims': {
    type: 'judge-claims',
    url: 'https://huggingface.co/org/m',
    pageModel: null,
    claims: [
      {
        id: 'c1',
        phrase: 'open source',
        kind: 'strong',
        sentence: 'It is open source.',
        paragraph: 'It is open source.',
        linkedRepos: { sentence: [], paragraph: [] },
      },
    ],
  },
  'model-labels': { type: 'model-labels', url: 'https://huggingface.co/models', ids: ['org/m'] },
  'open-details': { type: 'open-details', model: 'org/m' },
  'tab-state': { type: 'tab-state', tabId: 3 },
  'enable-site': { type: 'enable-site', tabId: 3, origin: 'https://example.org' },
  'clear-cache': { type: 'clear-cache' },
  'data-sources': { type: 'data-sources' },
  'report-claim': {
    type: 'report-claim',
    page: { url: 'https://example.org/a', title: 'A' },
    claim: { id: null, text: 'Open source!' },
    model: null,
  },
} as const;

const senderFor = (type: string): MessageSender =>
  ['page-start', 'judge-claims', 'model-labels', 'open-details'].includes(type) ? contentScript : popup;

describe('routeMessage: who may ask', () => {
  it('has a valid sample of every message the background answers (a new row in the table needs one here)', () => {
    expect(Object.keys(valid).sort()).toEqual([...BACKGROUND_TYPES].sort());
  });

  it.each(Object.entries(valid))("%s: the sender rule is the table's", (type, msg) => {
    const from = PROTOCOL[type as keyof typeof valid].from;
    const fromPage = routeMessage(msg, popup, me).kind;
    const fromContent = routeMessage(msg, contentScript, me).kind;
    expect(fromPage === 'handle').toBe(from !== 'content-script');
    expect(fromContent === 'handle').toBe(from !== 'extension-page');
  });

  it.each(Object.entries(valid))('%s from the right part of Ajar is accepted and parsed', (type, msg) => {
    const r = routeMessage(msg, senderFor(type), me);
    expect(r.kind).toBe('handle');
    if (r.kind === 'handle') expect(r.request.type).toBe(type);
  });

  it.each(Object.entries(valid))('%s from another extension is ignored, unanswered', (_type, msg) => {
    expect(routeMessage(msg, otherExtension, me).kind).toBe('ignore');
  });

  it.each(Object.entries(valid))('%s with no sender id (e.g. a forged event) is ignored', (_type, msg) => {
    expect(routeMessage(msg, { url: popup.url }, me).kind).toBe('ignore');
    expect(routeMessage(msg, undefined as unknown as MessageSender, me).kind).toBe('ignore');
  });

  it.each(['page-start', 'judge-claims', 'model-labels', 'open-details'] as const)(
    '%s from an extension page (no tab) is ignored: it must describe a page',
    (type) => {
      expect(routeMessage(valid[type], popup, me).kind).toBe('ignore');
    },
  );

  it.each(['tab-state', 'enable-site'] as const)(
    '%s from a content script is refused: only extension pages read or change tab state',
    (type) => {
      const r = routeMessage(valid[type], contentScript, me);
      expect(r).toEqual({
        kind: 'reply',
        reply: { ok: false, error: 'bad-request', message: 'Not allowed from this sender.' },
      });
      // A page URL that merely contains our origin further on is not an extension page.
      expect(
        routeMessage(
          valid[type],
          { ...contentScript, tab: undefined, url: 'https://evil.example/chrome-extension://ajar-id/' },
          me,
        ).kind,
      ).toBe('reply');
    },
  );
});

describe('routeMessage: every request is validated', () => {
  const malformed: [string, unknown, MessageSender][] = [
    ['check-model with an empty query', { type: 'check-model', query: '' }, popup],
    ['check-model with a 10,000-character query', { type: 'check-model', query: 'x'.repeat(10_000) }, popup],
    ['check-model with a non-string query', { type: 'check-model', query: { toString: 'x' } }, popup],
    ['page-start with a javascript: URL', { ...valid['page-start'], url: 'javascript:alert(1)' }, contentScript],
    [
      'judge-claims with 101 claims',
      { ...valid['judge-claims'], claims: Array(101).fill(valid['judge-claims'].claims[0]) },
      contentScript,
    ],
    [
      'judge-claims with a claim of the wrong kind',
      { ...valid['judge-claims'], claims: [{ ...valid['judge-claims'].claims[0], kind: 'pwn' }] },
      contentScript,
    ],
    ['model-labels with no ids', { ...valid['model-labels'], ids: [] }, contentScript],
    ['tab-state with a negative tab id', { type: 'tab-state', tabId: -1 }, popup],
    [
      'enable-site with a pattern instead of an origin',
      { type: 'enable-site', tabId: 1, origin: 'https://*/*' },
      popup,
    ],
    [
      'report-claim with a data: page URL',
      { ...valid['report-claim'], page: { url: 'data:text/html,<script>x</script>', title: '' } },
      popup,
    ],
    ['report-claim with no claim text', { ...valid['report-claim'], claim: { id: null, text: '' } }, popup],
  ];
  it.each(malformed)('%s gets "Malformed request."', (_what, msg, sender) => {
    const r = routeMessage(msg, sender, me);
    expect(r.kind).toBe('reply');
    if (r.kind === 'reply') expect(r.reply).toMatchObject({ ok: false, message: 'Malformed request.' });
  });

  it.each([null, undefined, 42, 'check-model', [], ['check-model'], { type: 'unknown-type' }, { type: 7 }, {}])(
    '%j is not a request',
    (msg) => {
      const r = routeMessage(msg, popup, me);
      expect(r).toEqual({ kind: 'reply', reply: { ok: false, error: 'bad-query', message: 'Malformed request.' } });
    },
  );

  it('prototype keys in a message do not reach the handler or Object.prototype', () => {
    const raw = JSON.parse(
      '{"type":"check-model","query":"org/m","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}',
    );
    const r = routeMessage(raw, popup, me);
    expect(r.kind).toBe('handle');
    if (r.kind === 'handle') expect(Object.keys(r.request).sort()).toEqual(['query', 'type']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('unknown extra fields are dropped, not passed on', () => {
    const r = routeMessage({ ...valid['tab-state'], evil: '<img onerror=x>' }, popup, me);
    expect(r.kind).toBe('handle');
    if (r.kind === 'handle') expect(r.request).toEqual(valid['tab-state']);
  });
});

describe('parseStoredTabs: the per-tab state read back from storage.session', () => {
  const good = {
    url: 'https://huggingface.co/org/m',
    site: 'huggingface',
    pageModel: 'org/m',
    models: [{ id: 'org/m', label: 'open-weights', summary: 's' }],
    claims: [],
  };
  it('keeps valid entries and drops damaged or tampered ones', async () => {
    const { parseStoredTabs } = await import('../../../lib/messages');
    const out = parseStoredTabs({
      '3': good,
      '4': { ...good, models: 'nope' },
      x: good,
      '5': null,
      '6': { ...good, claims: [{ id: 1 }] },
    });
    expect(Object.keys(out)).toEqual(['3']);
    expect(out['3']).toEqual(good);
    expect(parseStoredTabs(undefined)).toEqual({});
    expect(parseStoredTabs([good])).toEqual({});
    expect(parseStoredTabs('tabs')).toEqual({});
  });
});

describe('dispatch and handleMessage: typed handlers, failures answered', () => {
  const calls: string[] = [];
  const handlers = Object.fromEntries(
    BACKGROUND_TYPES.map((type) => [
      type,
      async (req: { type: string }, sender: MessageSender) => {
        calls.push(`${req.type}@${sender.url}`);
        if (type === 'clear-cache' || type === 'check-model' || type === 'enable-site')
          throw new Error(`${type} broke`);
        return { ok: true };
      },
    ]),
  ) as unknown as Handlers;

  it("runs the handler of the request's type with the sender", async () => {
    await expect(handleMessage(valid['data-sources'], popup, me, handlers)).resolves.toEqual({ ok: true });
    expect(calls.at(-1)).toBe(`data-sources@${popup.url}`);
  });

  it.each(['clear-cache', 'check-model', 'enable-site'] as const)(
    'a %s handler that throws answers with its refusal, never nothing',
    async (type) => {
      const reply = await dispatch(handlers, valid[type] as never, popup);
      expect(reply).toEqual(PROTOCOL[type].refusal('internal', `${type} broke`));
      expect(PROTOCOL[type].response.safeParse(reply).success).toBe(true);
    },
  );

  it('a handler map must cover the table: one without tab-state does not compile', () => {
    const { 'tab-state': _gone, ...rest } = handlers;
    // @ts-expect-error Property 'tab-state' is missing (npx tsc --noEmit fails if this ever compiles)
    const incomplete: Handlers = rest;
    expect(Object.keys(incomplete)).not.toContain('tab-state');
  });

  it('ignored messages get no answer; refused ones get the refusal without running a handler', async () => {
    const before = calls.length;
    expect(handleMessage(valid['tab-state'], otherExtension, me, handlers)).toBeUndefined();
    await expect(handleMessage(valid['tab-state'], contentScript, me, handlers)).resolves.toMatchObject({
      ok: false,
      error: 'bad-request',
    });
    await expect(handleMessage({ type: 'nope' }, popup, me, handlers)).resolves.toMatchObject({
      ok: false,
      message: 'Malformed request.',
    });
    expect(calls.length).toBe(before);
  });
});
