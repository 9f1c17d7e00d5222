/**
 * The in-page content script (thin wiring): picks the site's detector, runs the page runtime (content/)
 * and wires it to the background through runtime messaging. Injected by the manifest on the known sites,
 * and registered at run time for sites the user opts into ("Scan this site").
 *
 * Page scripts cannot reach any of this: the script runs in its own world, listens only to runtime
 * messages from this extension (never window.postMessage), and badges live in closed shadow roots.
 */
import { browser } from 'wxt/browser';
import { KNOWN_SITE_MATCHES, detectorFor } from '@/lib/sites';
import type { ReportClaimRequest, ScrollToClaimResponse } from '@/lib/messages';
import { scrollToClaimOf } from '@/lib/message-guards';
import { sendFromContent } from '@/platform/content-messaging';
import { PageRuntime, type RuntimeRequest } from '@/content/runtime';
import { createBadge, type BadgeData } from '@/content/badge/Badge';
import { policyOf } from '@/content/policy';

const SCANNER_RUNNING = Symbol.for('ajar.scanner.running');

export default defineContentScript({
  matches: [...KNOWN_SITE_MATCHES],
  runAt: 'document_idle',
  async main(ctx) {
    // Injected twice (manifest and a run-time registration, or a "Scan this site" injection): run once.
    // The guard is a Symbol-keyed property: a page element's id or name can clobber a string-named global
    // (Chromium exposes named elements to the isolated world), but never a symbol.
    const g = globalThis as unknown as Record<symbol, boolean | undefined>;
    if (g[SCANNER_RUNNING] === true) return;
    g[SCANNER_RUNNING] = true;

    const send = (msg: RuntimeRequest | ReportClaimRequest) => sendFromContent(msg);
    const detector = detectorFor(new URL(location.href));
    if (!detector) return;

    const read = async (): Promise<unknown> => {
      try {
        return (await browser.storage.local.get('settings')).settings;
      } catch {
        return {};
      }
    };
    let policy = policyOf(await read(), detector.group, location.hostname);

    const onDetails = (model: string) => void send({ type: 'open-details', model }).catch(() => undefined);
    const onReport = (d: BadgeData) =>
      void send({
        type: 'report-claim',
        page: { url: location.href.slice(0, 4096), title: document.title.slice(0, 1000) },
        claim: { id: d.claimId ?? null, text: (d.claimText ?? '').slice(0, 2000) || '(claim)' },
        model: d.model,
      }).catch(() => undefined);

    let runtime: PageRuntime | null = null;
    const start = () => {
      if (runtime || !policy.scan) return;
      runtime = new PageRuntime({
        doc: document,
        detectorFor,
        send,
        badge: (data, theme) => createBadge(document, data, { theme, onDetails, onReport }),
        density: policy.density,
      });
      runtime.start();
    };
    const stop = () => {
      runtime?.stop();
      runtime = null;
    };
    start();

    // The popup's "go to claim".
    const onMessage = (raw: unknown, sender: { id?: string }): Promise<ScrollToClaimResponse> | undefined => {
      if (sender.id !== browser.runtime.id) return undefined;
      const claimId = scrollToClaimOf(raw); // lib/message-guards.ts: the schema's checks, without zod
      if (claimId === null) return undefined;
      if (claimId === 'invalid') return Promise.resolve({ ok: false });
      return Promise.resolve({ ok: runtime?.scrollToClaim(claimId) ?? false });
    };
    browser.runtime.onMessage.addListener(onMessage);

    // Options changed (site switched off, density): follow them without a reload.
    const onStorage = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'local' || !changes.settings) return;
      const next = policyOf(changes.settings.newValue, detector.group, location.hostname);
      const restart = next.density !== policy.density || next.scan !== policy.scan;
      policy = next;
      if (restart) {
        stop();
        start();
      }
    };
    browser.storage.onChanged.addListener(onStorage);

    ctx.onInvalidated(() => {
      // WXT also invalidates on a page event a hostile page could fake: stop only when the extension is really gone.
      try {
        if (browser.runtime?.id) return;
      } catch {
        /* gone */
      }
      stop();
      browser.runtime.onMessage.removeListener(onMessage);
      browser.storage.onChanged.removeListener(onStorage);
    });
  },
});
