// Dev helper: screenshots of the pages against a running server.
// CALLSCOPE_URL=http://127.0.0.1:8099 node e2e/shots.mjs
import { launch } from './browser.mjs';
const base = process.env.CALLSCOPE_URL;
const { context, close } = await launch();
const page = context.pages()[0] ?? (await context.newPage());
page.on('console', (m) => console.log('console:', m.type(), m.text()));
page.on('pageerror', (e) => console.log('pageerror:', e.message));
await page.goto(base + '/');
await page.waitForSelector('#login-user, header.top');
if (await page.$('#login-user')) {
  await page.fill('#login-user', process.env.E2E_USER || 'anna');
  await page.fill('#login-password', process.env.E2E_PASSWORD || 'x');
  await page.click('#login-submit');
  await page.waitForSelector('header.top');
}
for (const [name, hash, sel] of JSON.parse(process.argv[2] || '[]')) {
  await page.goto(base + '/' + hash);
  if (sel) await page.waitForSelector(sel, { timeout: 10000 }).catch((e) => console.log(name, e.message));
  await page.waitForTimeout(Number(process.env.WAIT || 800));
  await page.screenshot({ path: `/tmp/shot-${name}.png`, fullPage: process.env.FULL === '1' });
  console.log('shot', name);
}
await close();
