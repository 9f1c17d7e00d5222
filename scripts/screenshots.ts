/**
 * Store-listing screenshots into docs/screenshots/ (the pictures themselves: test/e2e/store-shots.ts, which the
 * e2e run also takes, into test-results/store-screenshots/). Uses the built extension (.output/; `npm run
 * screenshots` builds first), Chromium, the local Hub stand-in and, for store-badge-<theme>.png, the sites
 * server on port 443 (needs root; without it that image is skipped).
 *
 * Usage: npm run screenshots
 */
import path from 'node:path';
import { launchChromium, ROOT } from '../test/e2e/harness';
import {
  SITES_CHROMIUM_OPTIONS,
  STORE_BADGE_URL,
  storeHubFixtures,
  takeStoreScreenshots,
} from '../test/e2e/store-shots';
import { startHubStandIn } from '../test/fixtures/hub/server';
import { startSitesServer, type SitesServer } from '../test/fixtures/sites/server';
import { sitePages } from '../test/fixtures/sites/pages';

async function main() {
  const hub = await startHubStandIn(storeHubFixtures());
  let sites: SitesServer | undefined;
  try {
    sites = await startSitesServer(sitePages());
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? String(err);
    console.log(
      `store-badge images skipped: the sites server cannot listen on 127.0.0.1:443 (${code}${code === 'EACCES' ? ': it needs root' : ''})`,
    );
  }
  const h = await launchChromium(sites ? SITES_CHROMIUM_OPTIONS : {});
  try {
    const written = await takeStoreScreenshots({
      handle: h,
      hubUrl: hub.url,
      outDir: path.join(ROOT, 'docs/screenshots'),
      pageUrl: sites ? STORE_BADGE_URL : undefined,
    });
    for (const f of written) console.log(path.relative(ROOT, f));
  } finally {
    await h.close();
    await sites?.close();
    await hub.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
