// Render timings of the pages over a large archive (make a synthetic one
// with `callscope bench generate`):
//
//   CALLSCOPE_BIN=bin/callscope PERF_DATA=/tmp/bench node web/e2e/perf.mjs
//
// Adds a user "perf" to the archive's users file, starts `callscope serve`
// on it, and loads each page PERF_RUNS times (default 5) in Chromium
// (1366x768), timing from navigation start to the first meaningful render:
// the dashboard's KPI tiles, the slice builder's table, the call card's
// transcript (of the longest call). Prints the medians and the API requests'
// times as JSON.
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { launch } from './browser.mjs';

const bin = resolve(process.env.CALLSCOPE_BIN || 'bin/callscope');
const data = process.env.PERF_DATA;
const runs = Number(process.env.PERF_RUNS || 5);
if (!data) {
  console.error('perf: set PERF_DATA to a data directory');
  process.exit(2);
}
const PASSWORD = 'perf-Secret-pass-1';
spawnSync(bin, ['users', 'add', 'perf', '--role', 'manager', '--listen', '--password-stdin', '--data', data], { input: PASSWORD + '\n' });

const port = await new Promise((ok) => {
  const s = createServer();
  s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => ok(p)); });
});
const base = `http://127.0.0.1:${port}`;
const serve = spawn(bin, ['serve', '--data', data, '--http', `127.0.0.1:${port}`], { stdio: ['ignore', 'ignore', 'inherit'] });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
let browser;
try {
  for (let i = 0; ; i++) {
    if (i > 600) throw new Error('serve not ready');
    try { if ((await fetch(base + '/readyz')).ok) break; } catch { /* starting */ }
    await new Promise((r) => setTimeout(r, 500));
  }
  browser = await launch();
  const page = browser.context.pages()[0];
  await page.goto(base + '/');
  await page.fill('#login-user', 'perf');
  await page.fill('#login-password', PASSWORD);
  await page.click('#login-submit');
  await page.waitForSelector('header.top');
  const longest = await page.evaluate(() => fetch('/api/v1/calls?sort=-duration&limit=1').then((r) => r.json()));
  const call = longest.calls[0];
  const pages = [
    ['dashboard', '/#/dashboard?period=last-30-days', '#kpis .kpi'],
    ['slices', '/#/slices?by=operator&period=last-30-days', '#report-table a[data-cell]'],
    ['call_card', `/#/call/${encodeURIComponent(call.call_id)}`, '#transcript .turn'],
  ];
  const out = { calls: (await page.evaluate(() => fetch('/api/v1/report?by=year&measures=calls').then((r) => r.json()))).total.calls,
    longest_call: { id: call.call_id, seconds: call.duration_seconds }, runs, pages: {} };
  for (const [name, path, sel] of pages) {
    const times = [];
    const api = [];
    for (let i = 0; i <= runs; i++) {
      await page.goto(base + path);
      await page.reload();
      await page.waitForSelector(sel, { timeout: 60000 });
      const t = await page.evaluate(() => performance.now());
      const res = await page.evaluate(() => performance.getEntriesByType('resource')
        .filter((e) => e.name.includes('/api/v1/')).map((e) => [new URL(e.name).pathname, Math.round(e.duration)]));
      if (i > 0) { times.push(t); api.push(res); } // the first load warms the caches
    }
    out.pages[name] = { median_ms: Math.round(median(times)), all_ms: times.map(Math.round), api_ms_last_run: api[api.length - 1] };
  }
  console.log(JSON.stringify(out, null, 2));
} finally {
  if (browser) await browser.close();
  serve.kill('SIGTERM');
}
