// Drives code-server (VS Code in a browser) in headless Chromium: opens an
// article of the folder code-server was started on, and checks that the
// Marginalia extension's server puts the figure-conflict warning in the
// Problems panel and answers a hover on the figure. Run by run.sh, which
// starts code-server and sets:
//
//   E2E_URL         code-server's address, with ?folder=...
//   E2E_CHROMIUM    the browser (Debian's chromium)
//   E2E_SCREENSHOT  where to save the screenshot
//
// Each step has a deadline; a failure says which step, what was on screen,
// and saves the screenshot anyway.

'use strict';

const puppeteer = require('puppeteer-core');

const url = process.env.E2E_URL;
const chromium = process.env.E2E_CHROMIUM || '/usr/bin/chromium';
const screenshot = process.env.E2E_SCREENSHOT || '/tmp/marginalia-vscode-e2e.png';
const article = 'flood-first.md';
const other = 'flood-update.md';

function say(message) {
  process.stderr.write(`[vscode-e2e] ${message}\n`);
}

// Waits for `condition` (run in the page) to return a truthy value.
async function until(page, what, seconds, condition, ...args) {
  try {
    const handle = await page.waitForFunction(condition, { timeout: seconds * 1000, polling: 200 }, ...args);
    return await handle.jsonValue();
  } catch (error) {
    throw new Error(`no ${what} within ${seconds} s (${error.message.split('\n')[0]})`);
  }
}

async function command(page, name) {
  await page.keyboard.press('F1');
  await until(page, 'command palette', 10, () => document.querySelector('.quick-input-widget input:focus'));
  await page.keyboard.type(name);
  await until(page, `command "${name}" in the palette`, 10, (label) =>
    [...document.querySelectorAll('.quick-input-list .monaco-list-row')].some((row) =>
      (row.getAttribute('aria-label') || row.textContent).includes(label)), name);
  await page.keyboard.press('Enter');
}

const started = Date.now();
function seconds() {
  return `${((Date.now() - started) / 1000).toFixed(1)} s`;
}

async function main() {
  const browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--window-size=1400,900'],
    defaultViewport: { width: 1400, height: 900 },
  });
  const page = await browser.newPage();
  let failure;
  try {
    say(`opening ${url}`);
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 30000 });
    await until(page, 'VS Code workbench', 60, () => document.querySelector('.monaco-workbench .part.editor'));
    say(`workbench loaded (${seconds()})`);

    // Open the article with Quick Open, as a user would.
    await until(page, 'explorer listing the article', 30, (name) =>
      [...document.querySelectorAll('.explorer-folders-view .monaco-list-row')].some((row) =>
        row.textContent.includes(name)), article);
    await page.keyboard.down('Control');
    await page.keyboard.press('KeyP');
    await page.keyboard.up('Control');
    await until(page, 'Quick Open', 10, () => document.querySelector('.quick-input-widget input:focus'));
    await page.keyboard.type(article);
    await until(page, `${article} in Quick Open`, 10, (name) =>
      [...document.querySelectorAll('.quick-input-list .monaco-list-row')].some((row) =>
        row.textContent.includes(name)), article);
    await page.keyboard.press('Enter');
    await until(page, `${article} open in an editor`, 20, (name) =>
      document.querySelector(`.tabs-container .tab.active[aria-label^="${name}"]`) &&
      document.querySelector('.monaco-editor .view-lines'), article);
    say(`${article} is open (${seconds()})`);

    // The Problems panel lists the conflict, naming the other article.
    await command(page, 'Problems: Focus on Problems View');
    const problem = await until(page, 'figure-conflict in the Problems panel', 45, (name) => {
      const rows = [...document.querySelectorAll('.markers-panel .monaco-list-row')];
      const row = rows.find((r) => r.textContent.includes('figure-conflict') && r.textContent.includes(name));
      return row ? row.textContent : false;
    }, other);
    say(`Problems panel (${seconds()}): ${problem}`);

    // Put the cursor on the figure "12" (line 8, column 30) and show the
    // hover: the server's part gives the figure with its words ("12 killed")
    // and the same claim in the other article.
    await command(page, 'Go to Line/Column');
    await page.keyboard.type('8:31');
    await page.keyboard.press('Enter');
    await command(page, 'Show or Focus Hover');
    const hover = await until(page, 'hover on the figure', 20, (name) => {
      const hovers = [...document.querySelectorAll('.monaco-hover')].filter((h) => !h.classList.contains('hidden'));
      const text = hovers.map((h) => h.textContent).join('\n');
      return text.includes(name) && /12\s*killed/.test(text) ? text : false;
    }, other);
    say(`hover (${seconds()}): ${hover}`);
  } catch (error) {
    failure = error;
  }
  await page.screenshot({ path: screenshot }).catch((error) => say(`no screenshot: ${error.message}`));
  say(`screenshot: ${screenshot}`);
  if (failure) {
    const text = await page.evaluate(() => document.body.innerText.slice(0, 3000)).catch(() => '');
    say(`FAIL: ${failure.message}\npage text:\n${text}`);
  }
  await browser.close();
  process.exit(failure ? 1 : 0);
}

main().catch((error) => {
  say(`FAIL: ${error.stack || error}`);
  process.exit(1);
});
