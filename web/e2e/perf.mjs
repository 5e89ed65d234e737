// Render timings of the pages over a large archive (make a synthetic one
// with `callscope bench generate`):
//
//   CALLSCOPE_BIN=bin/callscope PERF_DATA=/tmp/bench node web/e2e/perf.mjs
//
// Adds a user "perf" to the archive's users file, starts `callscope serve`
// on it, and loads each page PERF_RUNS times (default 5) in Chromium
// (1366x768), timing from navigation start to the first meaningful render
// (the frame the page marks "callscope:drawn" in; the moment this script
// saw it too, later on a busy machine): the dashboard's KPI tiles, the
// slice builder's table (over the last 30
// days, the pages' default, and over all time), the call card's transcript
// (of the longest call) and how long a click on its last turn takes to
// light it (seek latency). Every load is a fresh document (from
// about:blank) on an idle server: the previous load's requests have all
// been answered first, so no query of an earlier page is still running.
// The first load of each page is reported apart (first_load, with the API
// requests it made): it is the one that finds the server's report cache
// (report.Cache) empty; the
// later ones are answered from it while the archive is unchanged.
// Beside the wall times it reports the server's CPU time (user+sys of the
// serve process, Linux) spent on each load until the page went idle, which
// does not depend on how busy a shared machine is. Prints JSON.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { launch } from './browser.mjs';

const bin = resolve(process.env.CALLSCOPE_BIN || 'bin/callscope');
const data = process.env.PERF_DATA;
const runs = Number(process.env.PERF_RUNS || 5);
const only = process.env.PERF_PAGES ? process.env.PERF_PAGES.split(',') : null;
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
// cpuMs is the serve process's user+sys CPU time in ms (null off Linux).
const cpuMs = () => {
  try {
    const f = readFileSync(`/proc/${serve.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12])) * 10; // fields 14 and 15, in 10 ms ticks
  } catch { return null; }
};
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
    ['dashboard_all_time', '/#/dashboard?period=all', '#kpis .kpi'],
    ['slices', '/#/slices?by=operator&period=last-30-days', '#report-table a[data-cell]'],
    ['slices_all_time', '/#/slices?by=operator', '#report-table a[data-cell]'],
    ['call_card', `/#/call/${encodeURIComponent(call.call_id)}`, '#transcript .turn'],
  ].filter(([name]) => !only || only.includes(name));
  const out = { calls: (await page.evaluate(() => fetch('/api/v1/report?by=year&measures=calls').then((r) => r.json()))).total.calls,
    longest_call: { id: call.call_id, seconds: call.duration_seconds }, runs, pages: {} };
  for (const [name, path, sel] of pages) {
    const times = [];
    const seens = [];
    const cpu = [];
    const seeks = [];
    let api = [];
    let first = null;
    for (let i = 0; i <= runs; i++) {
      await page.goto('about:blank');
      const c0 = cpuMs();
      await page.goto(base + path);
      await page.waitForSelector(`${sel}, .error`, { timeout: 300000 });
      const seen = await page.evaluate(() => performance.now());
      const failed = await page.$('.error');
      if (failed) throw new Error(`${name}: the page shows an error: ${await failed.textContent()}`);
      // the frame the content was committed in (the pages' mark "callscope:drawn")
      await page.waitForFunction(() => performance.getEntriesByName('callscope:drawn').length > 0);
      const t = await page.evaluate(() => performance.getEntriesByName('callscope:drawn')[0].startTime);
      // the rest of the page's requests, so that the next load starts on an idle server
      await page.waitForLoadState('networkidle', { timeout: 300000 }).catch(() => {});
      const c1 = cpuMs();
      const res = await page.evaluate(() => performance.getEntriesByType('resource')
        .filter((e) => e.name.includes('/api/v1/')).map((e) => [new URL(e.name).pathname + new URL(e.name).search.slice(0, 60), Math.round(e.startTime), Math.round(e.duration)]));
      let seek = null;
      if (name === 'call_card') {
        // seek latency: a click on the last turn until its first word or segment is lit
        seek = await page.evaluate(() => new Promise((ok) => {
          const turns = document.querySelectorAll('#transcript .turn');
          const last = turns[turns.length - 1];
          const t0 = performance.now();
          last.querySelector('.turn-time').click();
          const poll = () => (last.querySelector('.lit') ? ok(performance.now() - t0) : requestAnimationFrame(poll));
          poll();
        }));
      }
      if (i === 0) {
        first = { ms: Math.round(t), server_cpu_ms: c0 != null && c1 != null ? c1 - c0 : undefined,
          api: res.map(([p, start, ms]) => ({ path: p, start_ms: start, ms })) };
      }
      if (i > 0) { // the first load warms the caches (the browser's, the OS's, the server's report cache)
        times.push(t);
        seens.push(seen);
        if (c0 != null && c1 != null) cpu.push(c1 - c0);
        if (seek != null) seeks.push(seek);
        api = res;
      }
    }
    out.pages[name] = { median_ms: Math.round(median(times)), first_load: first, all_ms: times.map(Math.round), seen_by_script_ms: seens.map(Math.round),
      server_cpu_ms: cpu.length ? { median: median(cpu), all: cpu } : undefined,
      seek_ms: seeks.length ? { median: Math.round(median(seeks)), all: seeks.map(Math.round) } : undefined,
      api_last_run: api.map(([p, start, ms]) => ({ path: p, start_ms: start, ms })) };
    console.error('perf:', name, JSON.stringify(out.pages[name]));
  }
  console.log(JSON.stringify(out, null, 2));
} finally {
  if (browser) await browser.close();
  serve.kill('SIGTERM');
}
