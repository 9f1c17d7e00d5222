// Ajar (Chromium only), deliberately empty: injected at document_start so that Chromium creates the content
// scripts' isolated world, with the extension API as `chrome`, before the page's markup exists. Created later
// (at document_idle, by the main script), the world would leave `chrome` out whenever the page already has an
// element with id or name "chrome", and Ajar could not reach its own extension. See wxt.config.ts.
void 0;
