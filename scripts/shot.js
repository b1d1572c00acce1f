// Screenshots of gallery pages in headless Chromium, to look at what we build.
//   node scripts/shot.js URL OUT.png [--width 1280] [--height 800] [--step N] [--scroll Y] [--reduced] [--nojs]
// --step N scrolls step N to the story's trigger line and waits for it to be active.
import { chromium } from 'playwright-core';
import { findChrome, chromeArgs } from './find-chrome.js';

const [url, out, ...rest] = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = rest.indexOf(`--${name}`);
  return i >= 0 ? rest[i + 1] : fallback;
};
const browser = await chromium.launch({ executablePath: findChrome(), args: chromeArgs });
const page = await browser.newPage({
  javaScriptEnabled: !rest.includes('--nojs'),
  viewport: { width: Number(opt('width', 1280)), height: Number(opt('height', 800)) },
  reducedMotion: rest.includes('--reduced') ? 'reduce' : 'no-preference',
});
page.on('console', (m) => console.log(`[console.${m.type()}] ${m.text()}`));
page.on('response', (r) => r.status() >= 400 && console.log(`[http ${r.status()}] ${r.url()}`));
page.on('pageerror', (e) => console.log(`[pageerror] ${e.message}`));
await page.goto(url, { waitUntil: 'load' });
await page.waitForTimeout(500);
const step = opt('step');
if (step !== undefined && !rest.includes('--nojs')) {
  await page.evaluate((i) => {
    const story = document.querySelector('sard-story');
    const el = story.querySelectorAll('sard-step')[i];
    window.scrollTo({ top: scrollY + el.getBoundingClientRect().top - story.triggerY() + 8, behavior: 'instant' });
  }, Number(step));
}
const scroll = opt('scroll');
if (scroll !== undefined) await page.evaluate((y) => window.scrollTo({ top: y, behavior: 'instant' }), Number(scroll));
await page.waitForTimeout(1500);
const info = rest.includes('--nojs') ? {} : await page.evaluate(() => {
  const s = document.querySelector('sard-story');
  return s ? { scrollY, activeIndex: s.activeIndex, eventId: s.activeEventId } : { scrollY };
});
console.log(JSON.stringify(info));
await page.screenshot({ path: out });
await browser.close();
