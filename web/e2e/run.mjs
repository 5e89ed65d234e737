// End-to-end tests of the web UI: playwright-core drives Debian's Chromium
// headless against `callscope serve` on the demo calls (testdata/calls and
// testdata/bad analysed by `callscope run` into a fresh data directory).
//
//   CALLSCOPE_BIN=bin/callscope node web/e2e/run.mjs      (scripts/e2e.sh, make e2e)
//
// What the CLI answers is read before the server starts (the embedded
// ClickHouse has one user at a time). Screenshots of every page and
// results.json (checks, render timings, JavaScript size) are written to
// web/e2e/artifacts/. Exits 1 when a check fails.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { launch } from './browser.mjs';
import { makeLongCall } from './longcall.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const artifacts = join(here, 'artifacts');
const bin = resolve(root, process.env.CALLSCOPE_BIN || 'bin/callscope');
const PASSWORD = 'e2e-Secret-pass-1';
// The dashboard's tiles (web/src/pages/Dashboard.tsx KPIS) and its default period.
const KPI_MEASURES = ['calls', 'avg_score', 'csat_index', 'pct:complaint', 'pct:repeat_contact', 'pct:incompetence',
  'pct:churn_threat', 'avg_wait', 'avg_talk', 'param:silence_total'];
const PERIOD = 'last-30-days';
const SUPERVISOR_DEPT = 'Продажи';

const results = { checks: [], timings: {}, sizes: {} };
const log = (...a) => console.log('e2e:', ...a);

function cli(data, args, input) {
  const r = spawnSync(bin, [...args, '--data', data], { cwd: root, encoding: 'utf8', input, timeout: 300_000 });
  if (r.status !== 0) throw new Error(`callscope ${args.join(' ')}: exit ${r.status}: ${r.stderr}`);
  return r.stdout;
}

function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
    s.on('error', fail);
  });
}

async function waitReady(base, proc, seconds = 120) {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    if (proc.exitCode !== null) throw new Error(`callscope serve exited with ${proc.exitCode}`);
    try {
      const r = await fetch(base + '/readyz');
      if (r.ok) return;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error('callscope serve was not ready in time');
}

let currentPage = null;
async function check(name, fn) {
  const t0 = Date.now();
  try {
    const detail = await fn();
    results.checks.push({ name, ok: true, ms: Date.now() - t0, detail });
    log('PASS', name, detail ? JSON.stringify(detail) : '');
  } catch (e) {
    results.checks.push({ name, ok: false, ms: Date.now() - t0, error: String(e?.stack || e) });
    log('FAIL', name, String(e?.message || e));
    if (currentPage) await currentPage.screenshot({ path: join(artifacts, 'failed-' + name.replace(/\W+/g, '-') + '.png') }).catch(() => {});
  }
}

function expect(cond, msg) {
  if (!cond) throw new Error(msg);
}

const shot = (page, name) => page.screenshot({ path: join(artifacts, name + '.png') });

async function login(page, base, user) {
  await page.goto(base + '/');
  await page.waitForSelector('#login-user');
  await page.fill('#login-user', user);
  await page.fill('#login-password', PASSWORD);
  await page.click('#login-submit');
  await page.waitForSelector('header.top', { timeout: 15000 });
}

async function logout(page) {
  await page.click('.user-button');
  await page.click('#signout');
  await page.waitForSelector('#login-user');
}

// adminGet answers a GET of the API as the admin "root" (outside the browser).
let adminCookies = '';
async function adminGet(base, path) {
  if (!adminCookies) {
    const login = await fetch(base + '/api/v1/login', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ user: 'root', password: PASSWORD }) });
    if (!login.ok) throw new Error(`login as root: ${login.status}`);
    adminCookies = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  }
  const r = await fetch(base + path, { headers: { Cookie: adminCookies } });
  if (!r.ok) throw new Error(`GET ${path} as root: ${r.status} ${await r.text()}`);
  return r.json();
}

// waitFor polls f until it answers something, for up to 10 s.
async function waitFor(f) {
  for (let i = 0; ; i++) {
    const v = await f();
    if (v) return v;
    if (i > 50) throw new Error('waitFor: nothing after 10 s');
    await new Promise((r) => setTimeout(r, 200));
  }
}

// drawnAt is when the page's main content was first on screen (the mark
// "callscope:drawn" the pages set), in ms from navigation start.
async function drawnAt(page) {
  await page.waitForFunction(() => performance.getEntriesByName('callscope:drawn').length > 0, null, { timeout: 30000 });
  return Math.round(await page.evaluate(() => performance.getEntriesByName('callscope:drawn')[0].startTime));
}

const audioTime = (page) => page.evaluate(() => document.querySelector('#call-audio')?.currentTime ?? -1);

async function main() {
  rmSync(artifacts, { recursive: true, force: true });
  mkdirSync(artifacts, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'callscope-e2e-'));
  const data = join(work, 'data');
  let serve;
  let browser;
  try {
    // a 30-minute call with word times, made from the demo calls (longcall.mjs)
    const long = makeLongCall(root, join(work, 'long'));
    log('analysing the demo calls and a', long.seconds / 60, 'minute call into', data);
    spawnSync(bin, ['run', '--data', data, 'testdata/calls', 'testdata/bad', join(work, 'long')], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], timeout: 900_000 });
    // What the command line answers, to compare the pages with.
    const expected = JSON.parse(cli(data, ['report', '--format', 'json', '--by', 'operator', '--measures', KPI_MEASURES.join(','), '--period', PERIOD]));
    const withHits = JSON.parse(cli(data, ['calls', '--format', 'json', '--filter', 'has complaint and channels = 2', '--limit', '1']));
    const mono = JSON.parse(cli(data, ['calls', '--format', 'json', '--filter', 'channels = 1', '--limit', '1']));
    const deptCalls = JSON.parse(cli(data, ['calls', '--format', 'json', '--filter', `department = ${SUPERVISOR_DEPT}`, '--limit', '1000']));
    const callId = withHits.calls[0]?.call_id;
    expect(callId, 'no demo call with a complaint on two channels');
    // Users: a manager who may listen, a supervisor of one department who may not.
    const hasUsers = spawnSync(bin, ['users', '--help'], { cwd: root }).status === 0;
    if (hasUsers) {
      cli(data, ['users', 'add', 'anna', '--role', 'manager', '--listen', '--password-stdin'], PASSWORD + '\n');
      cli(data, ['users', 'add', 'sam', '--role', 'supervisor', '--departments', SUPERVISOR_DEPT, '--password-stdin'], PASSWORD + '\n');
      cli(data, ['users', 'add', 'root', '--role', 'admin', '--password-stdin'], PASSWORD + '\n');
    }

    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    // E2E_SERVE_CMD runs another server in its place (development only): {data} and {addr} are filled in.
    const cmd = process.env.E2E_SERVE_CMD
      ? process.env.E2E_SERVE_CMD.replace('{data}', data).replace('{addr}', `127.0.0.1:${port}`).split(' ')
      : [bin, 'serve', '--data', data, '--http', `127.0.0.1:${port}`];
    serve = spawn(cmd[0], cmd.slice(1), { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    let serveErr = '';
    serve.stderr.on('data', (d) => { serveErr = (serveErr + d).slice(-4000); });
    await waitReady(base, serve);
    log('serving at', base);

    browser = await launch();
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    currentPage = page;
    const outside = [];
    browser.context.on('request', (r) => {
      const u = r.url();
      if (!u.startsWith(base + '/') && !u.startsWith('data:') && !u.startsWith('blob:')) outside.push(u);
    });
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));

    await check('login page and sign in', async () => {
      await page.goto(base + '/');
      await page.waitForSelector('#login-user');
      await shot(page, 'login');
      await page.fill('#login-user', 'anna');
      await page.fill('#login-password', 'wrong password');
      await page.click('#login-submit');
      await page.waitForSelector('.login .error');
      await login(page, base, 'anna');
      return { user: await page.textContent('.user-button') };
    });

    await check('dashboard numbers equal callscope report --format json', async () => {
      await page.goto(base + `/#/dashboard?period=${PERIOD}`);
      await page.reload();
      await page.waitForSelector('#kpis .kpi');
      const firstRender = await drawnAt(page);
      const paint = await page.evaluate(() => performance.getEntriesByType('paint').map((p) => [p.name, p.startTime]));
      results.timings.dashboard_first_meaningful_render_ms = Math.round(firstRender);
      results.timings.dashboard_paint = Object.fromEntries(paint.map(([n, t]) => [n, Math.round(t)]));
      await page.waitForSelector('#category-shares');
      await page.waitForTimeout(300);
      await shot(page, 'dashboard');
      const tiles = await page.$$eval('#kpis .kpi', (els) => els.map((e) => [e.dataset.measure, e.dataset.value]));
      const diffs = [];
      for (const [m, v] of tiles) {
        const want = expected.total[m];
        const got = v === '' ? null : Number(v);
        if (!(want === got || (want != null && got != null && Math.abs(want - got) < 1e-9))) diffs.push(`${m}: page ${got}, CLI ${want}`);
      }
      expect(tiles.length === KPI_MEASURES.length, `tiles ${tiles.length}`);
      expect(diffs.length === 0, diffs.join('; '));
      return { calls: expected.total.calls, tiles: tiles.length };
    });

    await check('a KPI tile opens the call list of its calls', async () => {
      await page.click('#kpis .kpi[data-measure="calls"]');
      await page.waitForSelector('#calls-total');
      const total = Number(await page.getAttribute('#calls-total', 'data-total'));
      expect(total === expected.total.calls, `call list ${total}, dashboard ${expected.total.calls}`);
      await page.waitForSelector('#calls-table');
      await shot(page, 'calls');
      return { total };
    });

    await check('the call list pages with the cursor and sorts', async () => {
      const ids = () => page.$$eval('#calls-table tbody tr td:first-child a', (els) => els.map((e) => e.textContent));
      await page.goto(base + '/#/calls?limit=5&sort=duration');
      await page.waitForFunction(() => document.querySelectorAll('#calls-table tbody tr').length === 5);
      const first = await ids();
      const durations = await page.$$eval('#calls-table tbody tr', (rows) => rows.map((r) => r.children[6]?.textContent));
      await page.click('#next-page');
      await page.waitForFunction((f) => document.querySelector('#calls-table tbody tr td a')?.textContent !== f, first[0]);
      const second = await ids();
      await page.click('text=← Назад');
      await page.waitForFunction((f) => document.querySelector('#calls-table tbody tr td a')?.textContent === f, first[0]);
      expect(first.length === 5 && second.length === 5, `pages of ${first.length} and ${second.length}`);
      expect(!first.some((id) => second.includes(id)), 'the second page repeats calls of the first');
      const secs = durations.map((d) => d.split(':').reduce((a, x) => a * 60 + Number(x), 0));
      expect(secs.every((s, i) => i === 0 || s >= secs[i - 1]), `not sorted by duration: ${durations}`);
      return { first, second };
    });

    await check('a slice cell opens a call list with the same count; CSV export of the table is audited', async () => {
      await page.goto(base + `/#/slices?by=department&measures=calls,avg_score,pct:complaint&period=${PERIOD}`);
      await page.reload();
      await page.waitForSelector('#report-table a[data-cell="calls"]');
      results.timings.slices_first_meaningful_render_ms = await drawnAt(page);
      await shot(page, 'slices');
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
      const csv = readFileSync(await download.path(), 'utf8').trim().split(/\r?\n/);
      const rows = await page.$$eval('#report-table tbody tr', (r) => r.length);
      expect(csv[0].startsWith('department,calls,avg_score,pct:complaint') && csv.length === rows + 2 && csv[csv.length - 1].startsWith('TOTAL,'), `CSV ${JSON.stringify(csv)}`);
      // the export is in the audit trail (an admin reads it)
      const trail = await waitFor(async () => {
        const ev = (await adminGet(base, '/api/v1/audit?action=exported&user=anna')).events ?? [];
        return ev.length ? ev : null;
      });
      expect(trail[0].detail.includes('by=department') && trail[0].path === '/api/v1/report/export', `audit ${JSON.stringify(trail)}`);
      const cell = page.locator('#report-table tbody a[data-cell="calls"]').first();
      const n = Number((await cell.textContent()).replace(/\D/g, ''));
      await cell.click();
      await page.waitForSelector('#calls-total');
      const total = Number(await page.getAttribute('#calls-total', 'data-total'));
      expect(n === total && n > 0, `cell ${n}, call list ${total}`);
      return { cell: n, list: total };
    });

    await check('the filter box shows a parse error at its caret', async () => {
      await page.goto(base + '/#/calls');
      await page.waitForSelector('#filter');
      await page.fill('#filter', 'duration > 2m and duraton > 5');
      await page.press('#filter', 'Enter');
      await page.waitForSelector('.filter-error', { timeout: 10000 });
      const caret = await page.textContent('.filter-error pre.caret');
      const msg = await page.textContent('.filter-error');
      expect(caret && caret.split('\n')[1]?.indexOf('^') === 'duration > 2m and '.length, `caret ${JSON.stringify(caret)}`);
      await shot(page, 'filter-error');
      return { message: msg };
    });

    await check('filter autocomplete offers fields and values', async () => {
      await page.goto(base + '/#/calls');
      await page.fill('#filter', '');
      await page.type('#filter', 'depart');
      await page.waitForSelector('.suggest li');
      const items = await page.$$eval('.suggest li .mono', (els) => els.map((e) => e.textContent));
      expect(items.includes('department'), `suggestions ${items}`);
      // Keys typed straight after Tab, faster than any person: the
      // completion must already be in the input, caret at its end (the
      // caret used to be set a frame later, behind the typed keys:
      // "department  =").
      await page.press('#filter', 'Tab');
      await page.type('#filter', '= ');
      const typed = await page.inputValue('#filter');
      expect(typed === 'department = ', `after Tab and "= " the filter reads ${JSON.stringify(typed)}`);
      await page.waitForFunction((v) => [...document.querySelectorAll('.suggest li .mono')].some((e) => e.textContent === v), SUPERVISOR_DEPT, { timeout: 10000 })
        .catch(() => {});
      const values = await page.$$eval('.suggest li .mono', (els) => els.map((e) => e.textContent));
      expect(values.includes(SUPERVISOR_DEPT), `values ${values}`);
      await shot(page, 'autocomplete');
      return { fields: items.length, values };
    });

    await check('the call card plays audio, a hit seeks to its start, keys jump 5 s', async () => {
      const t0 = Date.now();
      await page.goto(base + `/#/call/${encodeURIComponent(callId)}`);
      await page.reload();
      await page.waitForSelector('#transcript .turn');
      await page.waitForSelector('#play');
      results.timings.call_card_interactive_ms = await drawnAt(page);
      results.timings.call_card_wall_ms = Date.now() - t0;
      await page.click('#play');
      await page.waitForFunction(() => (document.querySelector('#call-audio')?.currentTime ?? 0) > 0.5, null, { timeout: 15000 });
      const played = await audioTime(page);
      await page.click('#play'); // pause
      await page.waitForFunction(() => document.querySelector('#call-audio')?.paused);
      const hits = page.locator('#hits .hit-button');
      const last = hits.nth((await hits.count()) - 1);
      const start = Number(await last.getAttribute('data-hit-start'));
      await last.click();
      await page.waitForFunction((s) => Math.abs((document.querySelector('#call-audio')?.currentTime ?? -9) - s) < 0.05, start, { timeout: 5000 });
      // keyboard: → jumps 5 s, ← back, space plays
      await page.focus('body');
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction((s) => Math.abs((document.querySelector('#call-audio')?.currentTime ?? -9) - Math.min(s + 5, document.querySelector('#call-audio').duration)) < 0.05, start);
      await page.keyboard.press('ArrowLeft');
      await page.waitForFunction((s) => Math.abs((document.querySelector('#call-audio')?.currentTime ?? -9) - Math.max(0, Math.min(s + 5, document.querySelector('#call-audio').duration) - 5)) < 0.05, start);
      await last.click();
      await page.waitForSelector('#transcript .lit');
      const lit = await page.$$eval('#transcript .lit', (els) => els.map((e) => e.textContent));
      await page.waitForTimeout(500);
      await shot(page, 'call-card');
      return { callId, played, hitStart: start, position: await audioTime(page), litWords: lit };
    });

    await check('a 30-minute call: interactive, lights the spoken word, a word seeks by click and by Tab/Enter', async () => {
      const url = base + `/#/call/${encodeURIComponent(long.id)}`;
      await page.goto('about:blank');
      await page.goto(url);
      await page.waitForSelector('#transcript .word');
      await page.waitForSelector('#play');
      results.timings.long_call_interactive_ms = await drawnAt(page);
      await page.waitForSelector('#transcript[data-complete]', { timeout: 30000 });
      results.timings.long_call_transcript_complete_ms = Math.round(await page.evaluate(() => performance.now()));
      await page.waitForFunction(() => !document.querySelector('.waveform-wrap .muted, .waveform-wrap .error'), null, { timeout: 120000 });
      results.timings.long_call_waveform_ms = Math.round(await page.evaluate(() => performance.now()));
      const words = await page.$$eval('#transcript .word', (els) => els.length);
      expect(words === long.words, `the card shows ${words} words, the transcript has ${long.words}`);
      // seek latency: a click on a word near the end until the player is there and the word is lit
      const seek = await page.evaluate(() => new Promise((ok, fail) => {
        const ws = document.querySelectorAll('#transcript .word');
        const w = ws[ws.length - 5];
        const start = Number(w.dataset.start);
        const a = document.querySelector('#call-audio');
        const t0 = performance.now();
        w.click();
        const poll = () => {
          if (w.classList.contains('lit') && Math.abs(a.currentTime - start) < 0.05) ok({ ms: performance.now() - t0, start });
          else if (performance.now() - t0 > 10000) fail(new Error(`after 10 s: at ${a.currentTime}, word at ${start}, lit ${w.className}`));
          else requestAnimationFrame(poll);
        };
        poll();
      }));
      results.timings.long_call_seek_ms = Math.round(seek.ms);
      // playing lights the word being spoken, and the lit word moves on
      const first = await page.evaluate(() => document.querySelector('#transcript .word')?.dataset.start);
      await page.click('#transcript .turn .word');
      await page.click('#play');
      // a later word is lit while playing (between words and turns none is)
      const litNow = await (await page.waitForFunction((s) => {
        const a = document.querySelector('#call-audio');
        const lit = [...document.querySelectorAll('#transcript .word.lit')].map((e) => [e.textContent, Number(e.dataset.start)]);
        return lit.some(([, st]) => st > Number(s) + 0.5 && st <= a.currentTime + 0.05) && { at: a.currentTime, lit };
      }, first, { timeout: 15000 })).jsonValue();
      await page.click('#play');
      expect(litNow.lit.every(([, st]) => st <= litNow.at + 0.05), `lit ${JSON.stringify(litNow)}`);
      await page.waitForTimeout(300);
      await shot(page, 'long-call-card');
      // keyboard: Tab from a turn's time button reaches its first word, which shows a focus ring; Enter seeks there
      const turn = page.locator('#transcript .turn').nth(3);
      await turn.locator('.turn-time').focus();
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const e = document.activeElement;
        const st = getComputedStyle(e);
        return { cls: e.className, start: Number(e.dataset.start), text: e.textContent, outline: st.outlineStyle, width: parseFloat(st.outlineWidth) };
      });
      expect(focused.cls.includes('word'), `Tab focused ${focused.cls}`);
      expect(focused.outline !== 'none' && focused.width >= 2, `no visible focus ring: ${focused.outline} ${focused.width}px`);
      await page.keyboard.press('Enter');
      await page.waitForFunction((s) => Math.abs((document.querySelector('#call-audio')?.currentTime ?? -9) - s) < 0.05, focused.start, { timeout: 5000 });
      await page.waitForSelector('#transcript .word.lit:focus');
      await shot(page, 'word-focus');
      return { words, seekMs: Math.round(seek.ms), lit: litNow.lit.map(([w]) => w), keyboard: focused.text };
    });

    await check('a mono call shows per-side parameters as unknown, not zero', async () => {
      const id = mono.calls[0]?.call_id;
      expect(id, 'the demo has no mono call');
      await page.goto(base + `/#/call/${encodeURIComponent(id)}`);
      await page.waitForFunction((i) => document.querySelector('.call-head h1')?.textContent === i, id);
      await page.waitForSelector('#parameters');
      const cell = await page.$$eval('#parameters tr', (rows) => Object.fromEntries(rows.map((r) => [r.children[0]?.textContent, r.children[1]?.textContent])));
      for (const name of ['talk_operator', 'talk_client']) expect(cell[name] === 'неизвестно', `${name}: ${cell[name]}`);
      const width = await page.$eval('.waveform', (e) => e.getBoundingClientRect().width);
      expect(width > 800, `the mono waveform is ${width} px wide`);
      await page.locator('#parameters').scrollIntoViewIfNeeded();
      await shot(page, 'mono-call-card');
      return { id, talk_operator: cell.talk_operator, duration: cell.duration };
    });

    await check('search finds words in any inflection and opens the card at the moment', async () => {
      await page.goto(base + '/#/search?q=' + encodeURIComponent('жалоба'));
      await page.waitForSelector('#search-results li a');
      await shot(page, 'search');
      await page.click('#search-results li a');
      await page.waitForSelector('#transcript .turn');
      return { url: page.url().replace(base, '') };
    });

    await check('dictionaries page lists categories with their phrases and tests a sentence', async () => {
      await page.goto(base + '/#/dictionaries');
      await page.waitForSelector('#dictionaries tbody tr');
      // a category's phrases, as its YAML file lists them
      const file = readFileSync(join(root, 'dictionaries/ru/complaint.yaml'), 'utf8');
      const ids = [...file.split(/^phrases:/m)[1].matchAll(/^  - id: (\S+)/gm)].map((m) => m[1]);
      await page.click('.dict-phrases[data-dict="ru/complaint"] summary');
      await page.waitForSelector('.dict-phrases[data-dict="ru/complaint"] li[data-phrase]');
      const shown = await page.$$eval('.dict-phrases[data-dict="ru/complaint"] li[data-phrase]', (els) => els.map((e) => e.dataset.phrase));
      expect(ids.length > 0 && JSON.stringify(shown) === JSON.stringify(ids), `page ${shown}, file ${ids}`);
      await page.locator('.dict-phrases[data-dict="ru/complaint"]').scrollIntoViewIfNeeded();
      await shot(page, 'dictionary-phrases');
      await page.fill('#dict-sentence', 'я хочу оставить жалобу на вашего оператора');
      await page.click('#dict-test');
      await page.waitForSelector('#dict-hits li, .dicts p.muted, .dicts .error');
      await shot(page, 'dictionaries');
      const hits = await page.$$eval('#dict-hits li', (els) => els.map((e) => e.textContent));
      expect(hits.some((h) => h.includes('complaint')), `hits ${JSON.stringify(hits)}; ${await page.textContent('.dicts')}`.slice(0, 400));
      return { hits, complaintPhrases: shown.length };
    });

    await check('what-if of a changed dictionary shows calls gained, opening their cards', async () => {
      // the complaint dictionary with one more phrase that a demo call says
      const yaml = readFileSync(join(root, 'dictionaries/ru/complaint.yaml'), 'utf8').trimEnd() +
        '\n  - id: e2e_ne_nuzhno\n    text: пока не нужно\n';
      await page.goto(base + '/#/dictionaries');
      await page.fill('#whatif-yaml', yaml);
      await page.click('#whatif-run');
      await page.waitForSelector('#whatif-result, .dicts .error', { timeout: 60000 });
      // What the API answers to the same request: the page must show it (the
      // calls gained, or the server's error in its words).
      const api = await page.evaluate(async (body) => {
        const tok = decodeURIComponent(document.cookie.match(/callscope_csrf=([^;]+)/)?.[1] ?? '');
        const r = await fetch('/api/v1/dictionaries/whatif', { method: 'POST', body: JSON.stringify(body),
          headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': tok } });
        return { status: r.status, body: await r.json() };
      }, { dictionary: yaml });
      await page.locator('#whatif-result, .dicts .error').first().scrollIntoViewIfNeeded();
      await shot(page, 'whatif');
      if (api.status !== 200) {
        const shown = await page.textContent('.dicts .error');
        expect(shown.includes(api.body.error.message), `page shows ${JSON.stringify(shown)}, API ${JSON.stringify(api.body)}`);
        log('WARN what-if: the server refused the changed dictionary:', api.body.error.message);
        return { serverError: api.body.error.message };
      }
      const gained = (api.body.categories ?? []).flatMap((c) => (c.gained_examples ?? []).map((e) => e.call_id));
      const link = page.locator('#whatif-result ul.examples a').first();
      expect(gained.length > 0, `the API gains no call: ${JSON.stringify(api.body).slice(0, 300)}`);
      expect(await link.count(), 'the page lists no gained call');
      const id = await link.textContent();
      expect(gained.includes(id), `page ${id}, API ${gained}`);
      await link.click();
      await page.waitForSelector('#transcript .turn');
      return { gained: id };
    });

    await check('English switch', async () => {
      await page.goto(base + '/#/dashboard');
      await page.click('.usermenu button.ghost');
      await page.waitForSelector('text=Dashboard');
      await page.waitForSelector('#category-shares');
      await page.waitForTimeout(300);
      await shot(page, 'dashboard-en');
      await page.click('.usermenu button.ghost');
      await page.waitForSelector('text=Обзор');
    });

    await check('a supervisor sees only their department and gets no audio without the permission', async () => {
      expect(hasUsers, 'this callscope has no users command');
      await logout(page);
      await login(page, base, 'sam');
      await page.goto(base + '/#/calls');
      await page.waitForSelector('#calls-table');
      const total = Number(await page.getAttribute('#calls-total', 'data-total'));
      const depts = await page.$$eval('#calls-table tbody tr', (rows) => rows.map((r) => r.children[3]?.textContent));
      expect(total === deptCalls.total, `supervisor sees ${total} calls, ${SUPERVISOR_DEPT} has ${deptCalls.total}`);
      expect(depts.every((d) => d === SUPERVISOR_DEPT), `departments ${[...new Set(depts)]}`);
      const id = deptCalls.calls[0].call_id;
      await page.goto(base + `/#/call/${encodeURIComponent(id)}`);
      await page.waitForSelector('#transcript');
      expect(await page.$('#no-audio'), 'no "no audio" notice');
      expect(!(await page.$('#play')) && !(await page.$('#call-audio')), 'audio controls shown');
      const status = await page.evaluate((u) => fetch(u, { cache: 'no-store' }).then((r) => r.status), `/api/v1/calls/${encodeURIComponent(id)}/audio`);
      // no-store: ask the server, not the browser's cache (the manager who used
      // this browser before may have played the same call)
      expect(status === 403, `audio answered ${status}`);
      const other = await page.evaluate((u) => fetch(u, { cache: 'no-store' }).then((r) => r.status), `/api/v1/calls/${encodeURIComponent(callId)}`);
      expect(other === 404, `another department's call answered ${other}`);
      await shot(page, 'supervisor-call-card');
      return { total, audioStatus: status, otherDepartmentCall: other };
    });

    await check('no resource is loaded from outside the server', async () => {
      expect(outside.length === 0, outside.join(', '));
    });

    await check('no script errors in the pages', async () => {
      expect(pageErrors.length === 0, pageErrors.join('; '));
    });

    await check('JavaScript shipped is under 600 KB gzipped', async () => {
      const dir = join(root, 'web/dist/assets');
      let gz = 0;
      let raw = 0;
      for (const f of readdirSync(dir)) {
        if (!f.endsWith('.js')) continue;
        const b = readFileSync(join(dir, f));
        raw += b.length;
        gz += gzipSync(b, { level: 9 }).length;
      }
      results.sizes = { js_bytes: raw, js_gzip_bytes: gz };
      expect(gz < 600 * 1024, `${gz} bytes gzipped`);
      return results.sizes;
    });

    // Timings are measurements, not checks (the machine may be shared): they
    // are printed and kept in results.json. Targets: dashboard and slices
    // under 1.5 s, the call card under 1 s.
    log('timings (ms from navigation start):', JSON.stringify(results.timings));
    if (results.checks.some((c) => !c.ok)) log('server log tail:\n' + serveErr);
  } finally {
    if (browser) await browser.close();
    if (serve && serve.exitCode === null) {
      serve.kill('SIGTERM');
      await new Promise((r) => { serve.on('exit', r); setTimeout(r, 10000); });
    }
    rmSync(work, { recursive: true, force: true });
    writeFileSync(join(artifacts, 'results.json'), JSON.stringify(results, null, 2) + '\n');
  }
  const failed = results.checks.filter((c) => !c.ok);
  log(`${results.checks.length - failed.length}/${results.checks.length} checks passed; artifacts in ${artifacts}`);
  if (failed.length) process.exit(1);
}

main().catch((e) => {
  console.error('e2e:', e?.stack || e);
  try { writeFileSync(join(artifacts, 'results.json'), JSON.stringify({ ...results, error: String(e) }, null, 2) + '\n'); } catch { /* ignore */ }
  process.exit(1);
});
