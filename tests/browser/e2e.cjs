// End-to-end test of the page `whosaid serve` embeds, in headless Chromium (Debian's package)
// driven by playwright-core. Run by .ci/browser, which indexes corpus/ plus
// tests/data/hostile-web/ and starts the server; BASE_URL is its address, SHOTS the folder for
// screenshots. Any failed step exits non-zero.
'use strict';
const assert = require('node:assert/strict');
const path = require('node:path');
const { chromium } = require('playwright-core');

const base = process.env.BASE_URL;
const shots = process.env.SHOTS || '.';
assert.ok(base, 'BASE_URL not set');

async function shot(page, name) {
  await page.screenshot({ path: path.join(shots, name + '.png'), fullPage: true });
  console.log('screenshot ' + name + '.png');
}

async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox'],
  });
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const problems = [];
  page.on('dialog', (d) => {
    problems.push('dialog opened: ' + d.message());
    d.dismiss();
  });
  page.on('pageerror', (e) => problems.push('page error: ' + e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push('console error: ' + m.text());
  });

  // 1. Type a query; see highlighted results; the URL keeps the query.
  const resp = await page.goto(base);
  const csp = resp.headers()['content-security-policy'] || '';
  assert.match(csp, /script-src 'self'/);
  assert.doesNotMatch(csp, /unsafe-inline/);
  await page.fill('#q', '"Article 5"');
  await page.press('#q', 'Enter');
  await page.waitForSelector('.hit mark');
  const marks = await page.$$eval('.hit mark', (ms) => ms.map((m) => m.textContent));
  assert.ok(marks.some((t) => /article 5/i.test(t)), 'no highlighted "Article 5": ' + marks);
  assert.match(page.url(), /[?&]q=%22Article(\+|%20)5%22/);
  const firstHit = await page.textContent('.hit .quote');
  await shot(page, 'results');

  // The URL alone brings the same answer back (a link can be shared).
  const shared = await browser.newPage();
  await shared.goto(page.url());
  await shared.waitForSelector('.hit .quote');
  assert.equal(await shared.textContent('.hit .quote'), firstHit);
  assert.equal(await shared.inputValue('#q'), '"Article 5"');
  await shared.close();

  // 2. The who-said-what view, grouped by speaker.
  await page.click('#tab-who');
  await page.waitForSelector('.group .group-name');
  const names = await page.$$eval('.group .group-name', (ns) => ns.map((n) => n.textContent));
  assert.ok(names.includes('Walter Brandt'), 'speakers: ' + names);
  assert.match(page.url(), /view=who/);
  const groupHits = await page.$$eval('.group', (gs) => gs.map((g) => g.querySelectorAll('.hit').length));
  assert.ok(groupHits.every((n) => n >= 1), 'a group without statements');
  await shot(page, 'who');

  // 3. Timeline: clicking a bar narrows the dates to that bar.
  await page.click('#tab-results');
  await page.fill('#q', 'NATO');
  await page.press('#q', 'Enter');
  await page.waitForSelector('#chart rect.bar:not(.empty)');
  const bars = page.locator('#chart rect.bar:not(.empty)');
  const nBars = await bars.count();
  assert.ok(nBars >= 2, 'expected several timeline bars, got ' + nBars);
  const bar = bars.nth(nBars - 1);
  const start = await bar.getAttribute('data-start');
  const end = await bar.getAttribute('data-end');
  const count = Number(await bar.getAttribute('data-count'));
  await shot(page, 'timeline-before');
  await bar.click();
  await page.waitForURL((u) => u.searchParams.get('since') === start && u.searchParams.get('until') === end);
  await page.waitForSelector('.hit time');
  const dates = await page.$$eval('.hit time', (ts) => ts.map((t) => t.getAttribute('datetime')));
  assert.ok(dates.length >= 1 && dates.length <= count, dates.length + ' hits for a bar of ' + count);
  for (const d of dates) assert.ok(d >= start && d <= end, d + ' outside ' + start + '..' + end);
  assert.equal(await page.inputValue('#since'), start);
  await shot(page, 'timeline-narrowed');

  // 4. Open a statement: its page shows the context with the quote marked.
  const quote = await page.textContent('.hit .quote');
  await page.click('.hit a.open');
  await page.waitForSelector('#statement .context');
  assert.match(page.url(), /[?&]id=/);
  const marked = await page.textContent('#statement .context mark');
  assert.ok(marked.length > 0, 'quote not marked in its context');
  assert.ok(quote.includes(marked.slice(0, 20)) || marked.includes(quote.slice(0, 20)),
    'context marks another quote: ' + marked + ' / ' + quote);
  await shot(page, 'statement');
  await page.click('a.back');
  await page.waitForSelector('.hit');

  // 5. The hostile article renders as text and runs nothing.
  await page.goto(base + '/?q=harbour+levy');
  await page.waitForSelector('.hit .quote');
  const text = await page.textContent('#results');
  assert.ok(text.includes("<script>window.__pwned = 'quote'</script>"), 'script tag not shown as text');
  assert.ok(await page.$$eval('#results img, #results script, #results svg, #results iframe', (x) => x.length) === 0,
    'article markup became elements');
  const hrefs = await page.$$eval('a', (as) => as.map((a) => a.getAttribute('href') || ''));
  assert.ok(hrefs.every((h) => !/^\s*javascript:/i.test(h)), 'a javascript: link: ' + hrefs);
  assert.ok(text.includes("javascript:window.__pwned='url'"), 'the bad URL should be shown as text');
  await page.click('.hit a.open');
  await page.waitForSelector('#statement .context');
  const facts = await page.textContent('#statement');
  assert.ok(facts.includes("<script>window.__pwned = 'title'</script>"), 'hostile title not shown as text');
  assert.ok(facts.includes('<img src=x onerror='), 'hostile outlet not shown as text');
  await shot(page, 'hostile');
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'article script ran');
  assert.equal(await page.$$eval('script', (s) => s.length), 1, 'a script element was added');

  assert.deepEqual(problems, [], 'browser reported problems');

  // 6. A bad query is a readable error, not a broken page (the browser logs the 400s).
  await page.goto(base + '/?q=%22unclosed');
  await page.waitForSelector('#error:not([hidden])');
  assert.match(await page.textContent('#error'), /never closed/);

  const unexpected = problems.filter((p) => !/status of 400/.test(p));
  assert.deepEqual(unexpected, [], 'browser reported problems');
  await browser.close();
  console.log('browser test passed');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
