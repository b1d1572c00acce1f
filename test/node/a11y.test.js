// Accessibility of the showcase story pages (stories/*.html, opened with
// ?sard-bar=off so the gallery's preview bar stays out), read in headless
// Chromium the way a reader reads them:
//  - axe-core (4.x, open shadow roots included) at EVERY step, once the step has
//    landed (fades and the zoom done): no violation of any rule it runs by
//    default (WCAG A/AA and best practices);
//  - the keyboard: Tab reaches a step, then ArrowDown moves focus to the next
//    step until the last, each becoming the active step;
//  - focus never moves on its own: scrolling with the wheel or window.scrollTo
//    through steps leaves document.activeElement where it was;
//  - reduced motion: the story's graphics carry `reduced-motion`, and goTo()
//    lands within one frame (and, as a control, does not without it);
//  - reflow: no sideways scroll at 320 px, at 200 % text size, and at both
//    (a phone with the largest system font);
//  - what screen readers hear: the map's description (role=img aria-label),
//    its live region and each counter's live region change at most once per
//    step, exactly once when what they say changed, never with the same words;
//  - without JavaScript the steps are the article: in the events' order, laid
//    out with non-empty boxes, visible.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { start, open, scrollToStep, settle } from '../embed-pages/harness.js';

const PAGES = ['aleppo-2016.html', 'aleppo-2016.en.html', 'aleppo-2024.html'];
const AXE = new URL('../../node_modules/axe-core/axe.min.js', import.meta.url).pathname;

let env;
let axeRuns = 0;
before(async () => (env = await start()));
after(async () => {
  console.log(`axe-core: ${axeRuns} runs in all`);
  await env?.close();
});

const urlOf = (name) => `${env.base}/stories/${name}?sard-bar=off`;
const stepCount = (page) => page.evaluate(() => document.querySelectorAll('sard-story sard-step').length);
/** Two animation frames: whatever the last change scheduled (Lit updates, rAF work) has run. */
const frames = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

for (const name of PAGES) {
  describe(name, () => {
    test('axe-core finds no violation at any step', async () => {
      const { page, context } = await open(env.browser, urlOf(name));
      try {
        await page.addScriptTag({ path: AXE });
        const n = await stepCount(page);
        /** "rule (impact) target" → steps where it was found. */
        const found = new Map();
        const help = new Map();
        for (let i = 0; i < n; i++) {
          await scrollToStep(page, 0, i);
          // The landed step, as the reader reads it: a label fading in or out is not a contrast failure.
          await settle(page);
          const violations = await page.evaluate(async () => {
            // Open shadow roots are checked by default in axe 4: the kit's graphics are in them.
            const result = await window.axe.run(document, { resultTypes: ['violations'] });
            return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((node) => JSON.stringify(node.target)) }));
          });
          axeRuns++;
          for (const v of violations) {
            help.set(v.id, v.help);
            for (const target of v.targets) {
              const key = `${v.id} (${v.impact}) ${target}`;
              found.set(key, [...(found.get(key) ?? []), i]);
            }
          }
        }
        console.log(`${name}: ${n} axe runs, ${found.size} distinct violations`);
        const report = [...found].map(([key, steps]) => `  ${key} — at ${steps.length === n ? 'every step' : `steps ${steps.join(',')}`}`);
        assert.equal(found.size, 0, `${name}: axe-core violations:\n${report.join('\n')}\n${[...help].map(([id, h]) => `  ${id}: ${h}`).join('\n')}`);
      } finally {
        await context.close();
      }
    });

    test('keyboard: Tab reaches a step, then ArrowDown makes each next step focused and active, to the last', async () => {
      const { page, context } = await open(env.browser, urlOf(name));
      try {
        const n = await stepCount(page);
        let tabs = 0;
        let focused = -1;
        while (focused < 0 && tabs < 40) {
          await page.keyboard.press('Tab');
          tabs++;
          focused = await page.evaluate(() => [...document.querySelectorAll('sard-story sard-step')].indexOf(document.activeElement));
        }
        assert.equal(focused, 0, `${name}: after ${tabs} Tab presses focus is on step ${focused}, not on the first step`);
        for (let i = 1; i < n; i++) {
          // The first moves scroll smoothly, as most readers see them; then reduced motion (instant scrolls) keeps the run short.
          if (i === 4) await page.emulateMedia({ reducedMotion: 'reduce' });
          await page.keyboard.press('ArrowDown');
          await page
            .waitForFunction(
              (i) => {
                const story = document.querySelector('sard-story');
                return story.activeIndex === i && document.activeElement === story.querySelectorAll('sard-step')[i];
              },
              i,
              { timeout: 5000 },
            )
            .catch(async () => {
              const now = await page.evaluate(() => {
                const story = document.querySelector('sard-story');
                return { active: story.activeIndex, focus: [...story.querySelectorAll('sard-step')].indexOf(document.activeElement), tag: document.activeElement?.tagName };
              });
              throw new Error(`${name}: ArrowDown from step ${i - 1}: step ${i} did not become focused and active (${JSON.stringify(now)})`);
            });
        }
      } finally {
        await context.close();
      }
    });

    test('focus never moves on its own while the reader scrolls (wheel and scrollTo)', async () => {
      const { page, context } = await open(env.browser, urlOf(name));
      try {
        const n = await stepCount(page);
        const focusedIs = () => page.evaluate(() => document.activeElement === window.__focused);
        // Nothing focused: reading moves no focus onto a step.
        await page.evaluate(() => (window.__focused = document.activeElement));
        for (const i of [0, 1, 2]) {
          await scrollToStep(page, 0, i);
          assert.ok(await focusedIs(), `${name}: scrolling to step ${i} moved focus from <body>`);
        }
        // Focus on the first step (the reader tabbed there), then the reader scrolls away from it.
        await page.evaluate(() => {
          const step = document.querySelector('sard-story sard-step');
          step.focus();
          window.__focused = step;
        });
        await page.mouse.move(300, 300);
        const before = await page.evaluate(() => document.querySelector('sard-story').activeIndex);
        for (let k = 0; k < 12; k++) {
          await page.mouse.wheel(0, 350);
          await frames(page);
        }
        await page.waitForFunction((b) => document.querySelector('sard-story').activeIndex > b, before, { timeout: 5000 });
        assert.ok(await focusedIs(), `${name}: the wheel moved focus off the step the reader left it on`);
        for (const i of [Math.floor(n / 2), n - 1, 1]) {
          await scrollToStep(page, 0, i);
          await frames(page);
          assert.ok(await focusedIs(), `${name}: window.scrollTo to step ${i} moved focus (now on ${await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80))})`);
        }
      } finally {
        await context.close();
      }
    });

    test('reduced motion: the graphics carry reduced-motion and goTo() lands within one frame', async () => {
      const { page, context } = await open(env.browser, urlOf(name));
      try {
        const n = await stepCount(page);
        // goTo() targets: the first step of each event.
        const firsts = await page.evaluate(() => {
          const events = [...document.querySelectorAll('sard-story sard-step')].map((s) => s.getAttribute('event'));
          return events.flatMap((e, i) => (e && events.indexOf(e) === i ? [i] : []));
        });
        assert.ok(firsts.length >= 4, `${name}: only ${firsts.length} events named by steps`);
        /** Calls goTo(event of step `i`) and reads scrollY at once, after one frame, and once the page settled. */
        const goTo = async (i) => {
          const r = await page.evaluate(async (i) => {
            const story = document.querySelector('sard-story');
            const steps = [...story.querySelectorAll('sard-step')];
            const id = steps[i].getAttribute('event');
            const target = i;
            const start = scrollY;
            story.goTo(id);
            await new Promise((r) => requestAnimationFrame(r));
            return { id, target, start, oneFrame: scrollY, activeAfterFrame: story.activeIndex };
          }, i);
          await page.waitForFunction((t) => document.querySelector('sard-story').activeIndex === t, r.target, { timeout: 5000 });
          // Settled: scrollY still for 10 frames in a row.
          r.settled = await page.evaluate(async () => {
            for (let still = 0, y = scrollY; still < 10; ) {
              await new Promise((r) => requestAnimationFrame(r));
              still = scrollY === y ? still + 1 : 0;
              y = scrollY;
            }
            return scrollY;
          });
          return r;
        };
        // Control, without reduced motion: a far goTo takes more than one frame (smooth scroll).
        await page.evaluate(() => scrollTo(0, 0));
        const smooth = await goTo(firsts.at(-1));
        assert.ok(Math.abs(smooth.settled - smooth.start) > 1000, `${name}: control goTo moved only ${smooth.settled - smooth.start} px`);
        assert.notEqual(smooth.oneFrame, smooth.settled, `${name}: without reduced motion goTo() should scroll smoothly (control)`);

        await page.emulateMedia({ reducedMotion: 'reduce' });
        await page
          .waitForFunction(() => {
            const story = document.querySelector('sard-story');
            return [story, story.querySelector('sard-map'), ...story.querySelectorAll('sard-counter')].every((el) => el.hasAttribute('reduced-motion'));
          }, null, { timeout: 3000 })
          .catch(async () => {
            const has = await page.evaluate(() => [...document.querySelectorAll('sard-story, sard-map, sard-counter')].map((el) => `${el.localName}:${el.hasAttribute('reduced-motion')}`));
            throw new Error(`${name}: under prefers-reduced-motion: reduce, reduced-motion attribute: ${has.join(' ')}`);
          });
        for (const i of [firsts[0], firsts[Math.floor(firsts.length / 2)], firsts[1]]) {
          const r = await goTo(i);
          assert.equal(r.oneFrame, r.settled, `${name}: goTo('${r.id}') under reduced motion: scrollY ${r.oneFrame} after one frame, ${r.settled} once settled (from ${r.start})`);
          assert.equal(r.activeAfterFrame, r.target, `${name}: goTo('${r.id}') under reduced motion: step ${r.target} not active after one frame`);
        }
      } finally {
        await context.close();
      }
    });

    test('reflow: no sideways scroll at 320 px, at 200 % text, and at both, at several steps', async () => {
      const { page, context } = await open(env.browser, urlOf(name), { viewport: { width: 320, height: 640 } });
      const failures = [];
      try {
        const n = await stepCount(page);
        for (const [label, viewport, bigText] of [
          ['320 px', { width: 320, height: 640 }, false],
          ['200 % text at 1280 px', { width: 1280, height: 800 }, true],
          ['200 % text at 640 px', { width: 640, height: 800 }, true],
          // A phone with the largest system font (Android allows 200 %).
          ['320 px with 200 % text', { width: 320, height: 640 }, true],
        ]) {
          await page.setViewportSize(viewport);
          // The page's text, not the graphics (they keep their own sizes inside their shadow roots).
          await page.evaluate((big) => {
            document.getElementById('a11y-big-text')?.remove();
            if (big) document.head.insertAdjacentHTML('beforeend', '<style id="a11y-big-text">html { font-size: 200% !important; }</style>');
          }, bigText);
          for (const i of [0, Math.floor(n / 2), n - 1]) {
            await scrollToStep(page, 0, i);
            const seen = await page.evaluate(() => {
              // What sticks out of the viewport, for the message: elements outside SVG drawings, light or shadow DOM.
              const out = [];
              const walk = (root, path) => {
                for (const el of root.querySelectorAll('*')) {
                  if (el.shadowRoot) walk(el.shadowRoot, `${path}${el.localName} › `);
                  if (el.closest('svg')) continue;
                  const r = el.getBoundingClientRect();
                  if (r.width > 0 && (r.right > innerWidth + 0.5 || r.left < -0.5)) out.push(`${path}<${el.localName}${el.getAttribute('part') ? ` part=${el.getAttribute('part')}` : ''}> ${Math.round(r.left)}..${Math.round(r.right)} «${el.textContent.trim().slice(0, 30)}»`);
                }
              };
              walk(document, '');
              return { scrollWidth: document.scrollingElement.scrollWidth, innerWidth, out: out.slice(0, 4) };
            });
            if (seen.scrollWidth > seen.innerWidth) failures.push(`at ${label}, step ${i}: scrollWidth ${seen.scrollWidth} > ${seen.innerWidth}; sticking out: ${seen.out.join('; ')}`);
          }
        }
        assert.deepEqual(failures, [], `${name}: sideways scroll\n${failures.join('\n')}`);
      } finally {
        await context.close();
      }
    });

    test('map description and live regions: at most one change per step, once when the words change, never a repeat', async () => {
      const { page, context } = await open(env.browser, urlOf(name));
      try {
        const n = await stepCount(page);
        await page.evaluate(() => {
          const story = document.querySelector('sard-story');
          const map = story.querySelector('sard-map');
          const regions = [
            ['map description', () => map.shadowRoot.querySelector('[role="img"]')?.getAttribute('aria-label') ?? null, () => map.shadowRoot.querySelector('[role="img"]')],
            ['map live region', () => map.shadowRoot.querySelector('[aria-live]')?.textContent ?? null, () => map.shadowRoot.querySelector('[aria-live]')],
            ...[...story.querySelectorAll('sard-counter')].map((c) => [
              `counter ${c.getAttribute('counter')}`,
              () => c.shadowRoot.querySelector('[aria-live]')?.textContent ?? null,
              () => c.shadowRoot.querySelector('[aria-live]'),
            ]),
          ];
          // One record per region per mutation batch that touched it (a write), with the text it then had.
          window.__a11y = { step: -1, writes: [], regions: regions.map(([label, read]) => ({ label, text: read() })) };
          const observer = new MutationObserver((records) => {
            regions.forEach(([label, read, el], k) => {
              const node = el();
              if (!node || !records.some((r) => r.target === node || node.contains(r.target))) return;
              window.__a11y.writes.push({ step: window.__a11y.step, label, text: read() });
            });
          });
          for (const root of [map.shadowRoot, ...[...story.querySelectorAll('sard-counter')].map((c) => c.shadowRoot)])
            observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['aria-label'] });
        });
        const texts = []; // per step: { label: text }
        for (let i = 0; i < n; i++) {
          await page.evaluate((i) => (window.__a11y.step = i), i);
          await scrollToStep(page, 0, i);
          await frames(page);
          texts.push(
            await page.evaluate(() => {
              const story = document.querySelector('sard-story');
              const map = story.querySelector('sard-map');
              const read = { 'map description': map.shadowRoot.querySelector('[role="img"]')?.getAttribute('aria-label') ?? null, 'map live region': map.shadowRoot.querySelector('[aria-live]')?.textContent ?? null };
              for (const c of story.querySelectorAll('sard-counter')) read[`counter ${c.getAttribute('counter')}`] = c.shadowRoot.querySelector('[aria-live]')?.textContent ?? null;
              return { event: story.activeEventId, ...read };
            }),
          );
        }
        const { writes, regions } = await page.evaluate(() => window.__a11y);
        const problems = [];
        const labels = regions.map((r) => r.label);
        for (let i = 0; i < n; i++) {
          const previous = i === 0 ? Object.fromEntries(regions.map((r) => [r.label, r.text])) : texts[i - 1];
          // Before the first step the story shows its initial state (event null).
          const newEvent = texts[i].event !== (i ? texts[i - 1].event : null);
          for (const label of labels) {
            const w = writes.filter((x) => x.step === i && x.label === label);
            const changes = w.filter((x, k) => x.text !== (k ? w[k - 1].text : previous[label]));
            if (label === 'map description') {
              // An attribute, not a live region: setting the same words again changes nothing; changing them twice would.
              if (changes.length > 1) problems.push(`step ${i} (${texts[i].event}): the map description changed ${changes.length} times: ${changes.map((x) => `«${x.text}»`).join(' → ')}`);
              continue;
            }
            if (w.length > 1) problems.push(`step ${i} (${texts[i].event}): ${label} written ${w.length} times: ${w.map((x) => `«${x.text}»`).join(' → ')}`);
            if (label === 'map live region') {
              // Announced once per event the reader reaches, not on a second step of the same event.
              if (newEvent && w.length !== 1) problems.push(`step ${i} (${texts[i].event}, a new event): the map's live region announced ${w.length} times`);
              if (!newEvent && w.length) problems.push(`step ${i} (${texts[i].event}, the same event as step ${i - 1}): the map's live region announced again`);
            } else {
              if (w.length && !changes.length) problems.push(`step ${i}: ${label} rewritten with the same words «${w[0].text}»`);
              if (texts[i][label] !== previous[label] && changes.length !== 1) problems.push(`step ${i}: ${label} changed from «${previous[label]}» to «${texts[i][label]}» without one write`);
            }
          }
        }
        const counted = Object.fromEntries(labels.map((l) => [l, writes.filter((w) => w.label === l).length]));
        console.log(`${name}: writes over ${n} steps: ${JSON.stringify(counted)}`);
        assert.deepEqual(problems, [], `${name}:\n${problems.join('\n')}`);
        // The description says something at every step.
        for (let i = 0; i < n; i++) assert.ok(texts[i]['map description'], `${name}: step ${i}: the map has no description`);
      } finally {
        await context.close();
      }
    });

    test('without JavaScript the steps read in the order of the events, laid out and visible', async () => {
      const context = await env.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 800 } });
      try {
        const page = await context.newPage();
        await page.goto(urlOf(name));
        const src = await page.getAttribute('sard-story', 'src');
        const file = JSON.parse(readFileSync(new URL(`../../stories/${src}`, import.meta.url), 'utf8'));
        const order = new Map(file.events.map((e, i) => [e.id, i]));
        const steps = await page.$$eval('sard-story sard-step', (els) =>
          els.map((s) => {
            const r = s.getBoundingClientRect();
            const style = getComputedStyle(s);
            return { event: s.getAttribute('event'), width: r.width, height: r.height, top: r.top + scrollY, visibility: style.visibility, opacity: style.opacity, display: style.display, text: s.innerText.trim().length };
          }),
        );
        assert.ok(steps.length >= 8, `${name}: only ${steps.length} steps in the page`);
        let last = -1;
        let lastTop = -Infinity;
        steps.forEach((s, i) => {
          if (s.event) {
            assert.ok(order.has(s.event), `${name}: step ${i} names "${s.event}", not an event of ${src}`);
            assert.ok(order.get(s.event) >= last, `${name}: step ${i} (${s.event}) comes after a step of a later event`);
            last = order.get(s.event);
          }
          assert.ok(s.width > 0 && s.height > 0, `${name}: step ${i} has an empty box (${s.width}×${s.height}, display ${s.display})`);
          assert.ok(s.visibility === 'visible' && Number(s.opacity) > 0, `${name}: step ${i} is not visible (${s.visibility}, opacity ${s.opacity})`);
          assert.ok(s.text > 0, `${name}: step ${i} has no text`);
          assert.ok(s.top > lastTop, `${name}: step ${i} is laid out above step ${i - 1}`);
          lastTop = s.top;
        });
      } finally {
        await context.close();
      }
    });
  });
}
