// Opens every post made by posts.php in headless Chromium, at a phone's and a desktop's
// viewport, and measures what a reader gets. Prints JSON (also saved with the
// screenshots in the output folder).
//
//   node scripts/wordpress/check.mjs [--steps 0,1,mid,last | --steps all | --steps N] [--only SLUG-PART] [--out DIR]
//
// Per post and viewport: the content column's width; whether a <sard-story> exists, its
// effectiveLayout, its dir/lang and the computed direction of the first step's paragraph;
// then, for each sampled step, scrolled until the step's top is 8 px above the story's
// trigger line (story.triggerY()): the active step, the share of the viewport the map's
// <svg> covers, and what elementFromPoint finds at the middle of the first line of that
// step's text (inside the step, or covered by something else). The iframe form is measured
// inside its frame, scrolled through the host page as a reader would.
// Needs setup.sh's servers and posts.php's $SARD_WP_STATE/posts.json.
import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findChrome, chromeArgs } from '../find-chrome.js';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const state = process.env.SARD_WP_STATE ?? '/tmp/sard-wp';
const out = opt('out', '/tmp/wp-shots');
const stepsSpec = opt('steps', 'all');
const shotsSpec = opt('shots', '0,1,mid,last');
const only = opt('only');
const concurrency = Number(opt('jobs', 2));
const VIEWPORTS = [
  { name: '375x667', width: 375, height: 667 },
  { name: '1280x800', width: 1280, height: 800 },
];
mkdirSync(out, { recursive: true });

let posts;
try {
  posts = JSON.parse(readFileSync(join(state, 'posts.json'), 'utf8'));
} catch {
  console.error(`no ${join(state, 'posts.json')}: run bash scripts/wordpress/setup.sh && php scripts/wordpress/posts.php first`);
  process.exit(1);
}
if (only) posts = posts.filter((p) => p.slug.includes(only));

function pickSteps(n, spec = stepsSpec) {
  if (n <= 0) return [];
  if (spec === 'none') return [];
  if (spec === 'all') return [...Array(n).keys()];
  if (/^\d+$/.test(spec)) {
    const k = Math.min(n, Number(spec));
    return [...new Set([...Array(k).keys()].map((i) => Math.round((i * (n - 1)) / Math.max(1, k - 1))))];
  }
  const named = { mid: Math.floor(n / 2), last: n - 1 };
  return [...new Set(spec.split(',').map((s) => named[s] ?? Number(s)).filter((i) => Number.isInteger(i) && i >= 0 && i < n))];
}

const round = (x, d = 3) => (x == null ? x : Math.round(x * 10 ** d) / 10 ** d);

// ── in the page (or frame) ──────────────────────────────────────────────────

/** Load state of the story in this document. */
function storyStatus() {
  const s = document.querySelector('sard-story');
  if (!s) return { loaded: false, plainBlocks: document.querySelectorAll('[data-sard-story]').length };
  const problems = (s.problems ?? []).map((p) => `${p.level}: ${p.path}: ${p.message}`);
  return { loaded: !!s.events, problems };
}

/** Static facts: column, story, direction. `hostColumn` is false inside the embed frame. */
function staticFacts(hostColumn) {
  const rect = (el) => el && el.getBoundingClientRect();
  const w = (el) => (el ? Math.round(rect(el).width) : null);
  const s = document.querySelector('sard-story');
  const content = document.querySelector('.wp-block-post-content, .entry-content');
  // The block the story (or the embed, or the first thing) is in: a direct child of the post content.
  let block = s ?? document.querySelector('.sard-embed, iframe[data-sard-embed], [data-sard-story]') ?? content?.firstElementChild;
  while (block && content && block.parentElement && block.parentElement !== content) block = block.parentElement;
  const firstStep = s?.querySelector('sard-step');
  const p = (firstStep ?? content ?? document.body)?.querySelector('p');
  const dirOf = (el) => el?.closest('[dir]')?.getAttribute('dir') ?? null;
  const facts = {
    html: { lang: document.documentElement.lang || null, dir: document.documentElement.dir || null },
    inner: { width: innerWidth, height: innerHeight },
    storyExists: !!s,
    effectiveLayout: s?.effectiveLayout ?? null,
    layoutAttribute: s?.getAttribute('layout') ?? null,
    story: s ? { width: w(s), dir: s.getAttribute('dir'), lang: s.getAttribute('lang'), direction: getComputedStyle(s).direction, steps: s.querySelectorAll('sard-step').length, activeIndex: s.activeIndex } : null,
    firstParagraph: p ? { text: p.textContent.trim().slice(0, 40), closestDir: dirOf(p), direction: getComputedStyle(p).direction, textAlign: getComputedStyle(p).textAlign } : null,
  };
  if (hostColumn) {
    facts.column = {
      postContentWidth: w(content),
      blockWidth: w(block),
      blockTag: block ? block.tagName.toLowerCase() + (block.className ? `.${String(block.className).trim().split(/\s+/).join('.')}` : '') : null,
      contentSize: content ? getComputedStyle(content).getPropertyValue('--wp--style--global--content-size').trim() || null : null,
    };
    const frame = document.querySelector('iframe[data-sard-embed], .sard-embed iframe');
    if (frame) {
      const wrap = frame.parentElement;
      facts.iframe = { width: w(frame), height: Math.round(rect(frame).height), wrapperClass: wrap?.className ?? null, wrapperHeight: Math.round(rect(wrap).height), position: frame.style.position || getComputedStyle(frame).position, transform: frame.style.transform || null };
    }
  }
  return facts;
}

/** Frame-document scroll position that puts step k's top 8 px above the trigger line. */
function stepTarget(k) {
  const s = document.querySelector('sard-story');
  const step = s.querySelectorAll('sard-step')[k];
  return { y: scrollY + step.getBoundingClientRect().top - s.triggerY() + 8, max: document.documentElement.scrollHeight - innerHeight };
}

/** What the reader sees at step k; `offset` is the frame's place in the host viewport (0,0 for the page itself). */
function readStep([k, offset, hostViewport]) {
  const s = document.querySelector('sard-story');
  const steps = s.querySelectorAll('sard-step');
  const active = s.activeIndex;
  const vw = hostViewport?.width ?? innerWidth;
  const vh = hostViewport?.height ?? innerHeight;
  const share = (r) => {
    if (!r) return null;
    const x = Math.max(0, Math.min(vw, r.right + offset.x) - Math.max(0, r.left + offset.x));
    const y = Math.max(0, Math.min(vh, r.bottom + offset.y) - Math.max(0, r.top + offset.y));
    return (x * y) / (vw * vh);
  };
  const map = s.querySelector('sard-map');
  const svgs = map?.shadowRoot ? [...map.shadowRoot.querySelectorAll('svg')] : [];
  const svg = svgs.sort((a, b) => b.getBoundingClientRect().width * b.getBoundingClientRect().height - a.getBoundingClientRect().width * a.getBoundingClientRect().height)[0];
  const svgRect = svg?.getBoundingClientRect();
  const graphicRect = s.shadowRoot?.querySelector('[part~="graphic"]')?.getBoundingClientRect();

  // The middle of the first line of a step's text, and what the reader's pointer meets there.
  const name = (el) => (el ? el.tagName.toLowerCase() + (el.id ? `#${el.id}` : '') + (el.classList?.length ? `.${[...el.classList].join('.')}` : '') + (el.getAttribute?.('part') ? `[part=${el.getAttribute('part')}]` : '') : null);
  const firstLineOf = (step) => {
    const walker = document.createTreeWalker(step, NodeFilter.SHOW_TEXT, { acceptNode: (n) => (n.textContent.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP) });
    const text = walker.nextNode();
    if (!text) return null;
    const range = document.createRange();
    range.selectNodeContents(text);
    const line = [...range.getClientRects()].find((r) => r.width > 0 && r.height > 0);
    if (!line) return null;
    const x = (line.left + line.right) / 2;
    const y = (line.top + line.bottom) / 2;
    const inViewport = y >= 0 && y < innerHeight && x >= 0 && x < innerWidth;
    const hit = inViewport ? document.elementFromPoint(x, y) : null;
    let deep = hit;
    while (deep?.shadowRoot) {
      const inner = deep.shadowRoot.elementFromPoint(x, y);
      if (!inner || inner === deep) break;
      deep = inner;
    }
    return { x: Math.round(x), y: Math.round(y), inViewport, hitInsideStep: !!hit && step.contains(hit), hit: name(hit), hitDeep: deep !== hit ? name(deep) : undefined };
  };
  const trigger = s.triggerY();
  const out = {
    step: k,
    activeIndex: active,
    activeEventId: s.activeEventId,
    triggerY: Math.round(trigger),
    scrollY: Math.round(scrollY),
    mapSvgShare: share(svgRect),
    mapSvg: svgRect ? { top: Math.round(svgRect.top), height: Math.round(svgRect.height), width: Math.round(svgRect.width) } : null,
    graphicShare: share(graphicRect),
    graphicHeight: graphicRect ? Math.round(graphicRect.height) : null,
    // The active step's top against the trigger line (< 0: above it), and its first line
    // (the scrolled-to step's, if none is active).
    topMinusTrigger: Math.round(steps[active >= 0 ? active : k].getBoundingClientRect().top - trigger),
    firstLine: firstLineOf(steps[active >= 0 ? active : k]),
  };
  // Not the step we scrolled to: where that one ended up against the trigger line.
  if (active !== k) out.scrolledStep = { topMinusTrigger: Math.round(steps[k].getBoundingClientRect().top - trigger), firstLine: firstLineOf(steps[k]) };
  return out;
}

// ── driving ────────────────────────────────────────────────────────────────

async function settle(page) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.waitForTimeout(150);
}

async function waitForStory(doc) {
  // Nothing to wait for where the markup did not survive (no story, no plain block, no frame).
  if (!(await doc.evaluate(() => !!document.querySelector('sard-story, [data-sard-story]')))) return;
  // The story exists once the script ran (the plain form: after DOMContentLoaded), and is
  // ready once its file loaded (or failed with problems); the map's svg comes after.
  await doc.waitForFunction(() => {
    const s = document.querySelector('sard-story');
    return s && (s.events || s.problems?.some((p) => p.level === 'error'));
  }, null, { timeout: 15000 }).catch(() => {});
  await doc.waitForFunction(() => {
    const m = document.querySelector('sard-story sard-map');
    const svg = m?.shadowRoot?.querySelector('svg');
    return !m || (svg && svg.getBoundingClientRect().height > 0);
  }, null, { timeout: 5000 }).catch(() => {});
}

async function run(browser, post, vp) {
  const context = await browser.newContext({ viewport: { width: vp.width, height: vp.height } });
  await context.addInitScript(() => {
    window.__sardErrors = [];
    document.addEventListener('sard-error', (e) => window.__sardErrors.push(`${e.detail?.level}: ${e.detail?.path}: ${e.detail?.message}`), true);
  });
  const page = await context.newPage();
  const log = [];
  page.on('console', (m) => m.type() === 'error' && log.push(`console: ${m.text().slice(0, 200)}`));
  page.on('pageerror', (e) => log.push(`pageerror: ${e.message.slice(0, 200)}`));
  page.on('response', (r) => r.status() >= 400 && log.push(`http ${r.status()} ${r.url()}`));
  const shot = (name) => join(out, `${post.slug}-${vp.name}-${name}.png`);
  const result = { post: post.slug, form: post.form, savedBy: post.role, url: post.url, viewport: vp.name };
  const t0 = Date.now();
  try {
    await page.goto(post.url, { waitUntil: 'load', timeout: 30000 });
    // The iframe form: the story lives in the frame.
    let doc = page;
    let iframe = null;
    if (post.form === 'iframe' && (await page.$('iframe[data-sard-embed]'))) {
      iframe = await page.$('iframe[data-sard-embed]');
      await iframe.scrollIntoViewIfNeeded().catch(() => {}); // loading="lazy"
      for (let i = 0; i < 100; i++) {
        doc = await iframe.contentFrame();
        if (doc?.url().includes('/dist/embed/')) break;
        await page.waitForTimeout(100);
      }
      await page.evaluate(() => scrollTo(0, 0));
    }
    await waitForStory(doc);
    await settle(page);
    Object.assign(result, await page.evaluate(staticFacts, true));
    if (doc !== page) {
      const inner = await doc.evaluate(staticFacts, false);
      result.frame = { url: doc.url(), ...inner };
      for (const k of ['storyExists', 'effectiveLayout', 'layoutAttribute', 'story']) result[k] = inner[k];
      result.firstParagraph = inner.firstParagraph ?? result.firstParagraph;
    }
    Object.assign(result, await doc.evaluate(storyStatus));
    await page.screenshot({ path: shot('top') });
    result.screenshots = [shot('top')];

    result.steps = [];
    const n = result.story?.steps ?? 0;
    if (result.storyExists && result.loaded && result.effectiveLayout !== 'flat') {
      const shotSteps = new Set(pickSteps(n, shotsSpec));
      for (const k of pickSteps(n)) {
        const target = await doc.evaluate(stepTarget, k);
        if (doc === page) {
          await page.evaluate((y) => scrollTo({ top: y, behavior: 'instant' }), target.y);
        } else {
          // The host page maps its scroll past the embed block's top onto the frame's scroll.
          await page.evaluate((y) => {
            const block = document.querySelector('iframe[data-sard-embed]').parentElement;
            scrollTo({ top: block.getBoundingClientRect().top + scrollY + y, behavior: 'instant' });
          }, target.y);
          await doc.waitForFunction((y) => Math.abs(scrollY - y) <= 2 || scrollY >= document.documentElement.scrollHeight - innerHeight - 2, target.y, { timeout: 3000 }).catch(() => {});
        }
        // A step becomes active within a frame or two; one that does not is reported as it is.
        await doc.waitForFunction((k) => document.querySelector('sard-story').activeIndex === k, k, { timeout: 800 }).catch(() => {});
        await settle(page);
        let offset = { x: 0, y: 0 };
        let hostViewport = null;
        if (doc !== page) {
          const box = await iframe.boundingBox();
          offset = { x: box?.x ?? 0, y: box?.y ?? 0 };
          hostViewport = { width: vp.width, height: vp.height };
        }
        const m = await doc.evaluate(readStep, [k, offset, hostViewport]);
        if (doc !== page && m.firstLine?.inViewport) {
          // Also from the host: is the iframe what the reader's pointer meets at that line?
          m.firstLine.hostSeesFrame = await page.evaluate(([x, y]) => {
            const el = document.elementFromPoint(x, y);
            return el?.matches?.('iframe[data-sard-embed]') ?? false;
          }, [offset.x + m.firstLine.x, offset.y + m.firstLine.y]);
        }
        m.target = { y: Math.round(target.y), reachable: target.y <= target.max + 1 };
        m.mapSvgShare = round(m.mapSvgShare);
        m.graphicShare = round(m.graphicShare);
        if (shotSteps.has(k)) {
          m.screenshot = shot(`step${k}`);
          await page.screenshot({ path: m.screenshot });
        }
        result.steps.push(m);
      }
    }
    result.sardErrors = await doc.evaluate(() => window.__sardErrors ?? []);
  } catch (err) {
    result.error = String(err.message ?? err).split('\n')[0];
  }
  result.log = log;
  result.ms = Date.now() - t0;
  await context.close();
  return result;
}

/** The article without the script: how the stored markup reads on its own (direction of the first paragraph). */
async function withoutScript(browser, post, vp) {
  const context = await browser.newContext({ viewport: { width: vp.width, height: vp.height }, javaScriptEnabled: false });
  const page = await context.newPage();
  try {
    await page.goto(post.url, { waitUntil: 'load', timeout: 30000 });
    return await page.evaluate(() => {
      const content = document.querySelector('.wp-block-post-content, .entry-content');
      const p = content?.querySelector('section p, p');
      return p ? { closestDir: p.closest('[dir]')?.getAttribute('dir') ?? null, direction: getComputedStyle(p).direction } : null;
    });
  } finally {
    await context.close();
  }
}

function summarize(r) {
  const steps = r.steps ?? [];
  const shares = steps.map((s) => s.mapSvgShare).filter((x) => x != null);
  return {
    story: r.storyExists ? (r.loaded ? 'ready' : 'not ready') : 'none',
    effectiveLayout: r.effectiveLayout,
    columnPx: r.column?.blockWidth ?? null,
    textDirection: r.firstParagraph?.direction ?? null,
    stepsActive: `${steps.filter((s) => s.activeIndex === s.step).length}/${steps.length}`,
    firstLinesVisible: `${steps.filter((s) => s.firstLine?.hitInsideStep).length}/${steps.length}`,
    mapSvgShare: shares.length ? [Math.min(...shares), Math.max(...shares)] : null,
    graphicHeightPx: steps.length ? [Math.min(...steps.map((s) => s.graphicHeight ?? 0)), Math.max(...steps.map((s) => s.graphicHeight ?? 0))] : null,
    // Steps scrolled 8 px above the trigger line that did not become (or stay) active: step -> active instead.
    notActive: Object.fromEntries(steps.filter((s) => s.activeIndex !== s.step).map((s) => [s.step, s.activeIndex])),
    // Steps whose active step's first line the pointer does not reach: step -> what it meets (null: off screen).
    linesNotReached: Object.fromEntries(steps.filter((s) => !s.firstLine?.hitInsideStep).map((s) => [s.step, s.firstLine?.hitDeep ?? s.firstLine?.hit ?? null])),
  };
}

// ── main ───────────────────────────────────────────────────────────────────
const staticBase = `http://127.0.0.1:${process.env.STATIC_PORT ?? 8091}`;
for (const url of [new URL('/', posts[0]?.url ?? 'http://127.0.0.1:8090/').href, `${staticBase}/dist/sard.iife.js`]) {
  const ok = await fetch(url, { signal: AbortSignal.timeout(5000) }).then((r) => r.ok, () => false);
  if (!ok) {
    console.error(`[check] ${url} does not answer: run bash scripts/wordpress/setup.sh first`);
    process.exit(1);
  }
}
const started = Date.now();
const browser = await chromium.launch({ executablePath: findChrome(), args: chromeArgs });
const jobs = posts.flatMap((post) => VIEWPORTS.map((vp) => ({ post, vp })));
const results = new Array(jobs.length);
let next = 0;
await Promise.all(
  Array.from({ length: Math.min(concurrency, jobs.length) }, async () => {
    while (next < jobs.length) {
      const i = next++;
      const r = await run(browser, jobs[i].post, jobs[i].vp);
      if (r.form !== 'iframe') r.withoutScript = await withoutScript(browser, jobs[i].post, jobs[i].vp).catch((e) => ({ error: e.message }));
      r.summary = summarize(r);
      results[i] = r;
      const m = r.summary;
      const bad = (o) => (Object.keys(o).length ? ` ${JSON.stringify(o)}` : '');
      console.error(`[check] ${r.post} ${r.viewport}: ${r.error ?? `story=${m.story} layout=${m.effectiveLayout} column=${m.columnPx}px text=${m.textDirection ?? '-'} active=${m.stepsActive}${bad(m.notActive)} lines=${m.firstLinesVisible} map=${JSON.stringify(m.mapSvgShare)}`} (${r.ms} ms)`);
    }
  }),
);
await browser.close();
writeFileSync(join(out, 'results.json'), JSON.stringify(results, null, 2) + '\n');
console.log(JSON.stringify(results, null, 2));
const failed = results.filter((r) => r.error);
console.error(`[check] ${results.length} runs${failed.length ? ` (${failed.length} failed)` : ''} in ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots and results.json in ${out}`);
process.exit(failed.length ? 1 : 0);
