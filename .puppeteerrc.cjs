// Puppeteer must never download a browser here: tests drive Debian's chromium and firefox-esr.
module.exports = { skipDownload: true };
