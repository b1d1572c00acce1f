// Embed in any CMS (A): a story survives the HTML sanitizers CMSs run, in at
// least one of its two forms, and still works once the CMS renders it.
// Forms: the script form (test/embed-pages/snippet-script.html: <script> +
// <sard-story>/<sard-step>) and the plain-HTML form (snippet-plain.html:
// <div data-sard-story data-src> with <section data-event>).
// Sanitizers, from npm, in the browser (test/embed-pages/sanitizers.js):
// DOMPurify with its default configuration; CKEditor 5 with General HTML
// Support as Drupal configures a restricted format plus `<div data-*>
// <section data-*>`, and as Drupal configures "Full HTML".
// Each output is put into a CMS article page (cms-host.html) whose theme loads
// sard's script; "works" means sard-ready, the second step becomes active when
// scrolled to the trigger line, and the map draws areas.
// Asserted: for each sanitizer, at least one form survives and works, and what
// is left of each form (inside the documented <div lang="ar" dir="rtl">) still
// lays out right to left in an English page without the kit. The log
// has the whole table, form × sanitizer → survives? works?
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { start, open, allProblems, waitReady, scrollToStep, waitForMap, printTable } from '../embed-pages/harness.js';

const SANITIZERS = ['dompurify', 'ckeditor-restricted', 'ckeditor-full'];
const FORMS = ['script', 'plain'];
const snippets = Object.fromEntries(FORMS.map((f) => [f, readFileSync(`test/embed-pages/snippet-${f}.html`, 'utf8')]));
const host = readFileSync('test/embed-pages/cms-host.html', 'utf8');
let env;

before(async () => (env = await start()));
after(() => env?.close());

/** What of each form is left in `html`, read with the browser's own parser. */
function inspect(page, html) {
  return page.evaluate((html) => {
    const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
    const n = (sel) => doc.querySelectorAll(sel).length;
    return {
      script: n('script[src*="sard"]'),
      story: n('sard-story[src]'),
      steps: n('sard-story sard-step[event]'),
      graphic: n('sard-story [slot="graphic"] sard-map'),
      block: n('div[data-sard-story][data-src]'),
      sections: n('div[data-sard-story] section[data-event]'),
      text: doc.body.textContent.includes('كسر الحصار'),
      // What is left, as text in a left-to-right English page without the kit: does it still read right to left?
      direction: (() => {
        const box = document.createElement('div');
        box.lang = 'en';
        box.dir = 'ltr';
        box.append(...[...doc.body.childNodes].map((n) => document.importNode(n, true)));
        document.body.append(box);
        const heading = [...box.querySelectorAll('h2')].find((h) => h.textContent.includes('كسر الحصار'));
        const direction = heading ? getComputedStyle(heading).direction : 'no heading';
        box.remove();
        return direction;
      })(),
    };
  }, html);
}

/** Renders `body` in the CMS page and says whether the story works there, and why not. */
async function render(name, body) {
  const url = `${env.base}/test/embed-pages/cms-${name}.html`;
  const html = host.replace('<!-- SANITIZED BODY -->', body);
  const { page, context, problems } = await open(env.browser, url, {
    wait: false,
    before: (page) => page.route(url, (route) => route.fulfill({ contentType: 'text/html', body: html })),
  });
  try {
    await page.waitForLoadState('load');
    if (!(await page.evaluate(() => document.querySelector('sard-story')))) return { works: false, why: 'no <sard-story> in the page' };
    await waitReady(page, 1, 10000);
    await scrollToStep(page, 0, 1);
    await waitForMap(page);
    const left = await allProblems(page, problems);
    return left.length ? { works: false, why: left.join('; ') } : { works: true, why: '' };
  } catch (err) {
    return { works: false, why: err.message.split('\n')[0] };
  } finally {
    await context.close();
  }
}

test('each sanitizer lets at least one form of the story through, and it works in the rendered page', async () => {
  const { page, context } = await open(env.browser, `${env.base}/test/embed-pages/sanitizers.html`, { wait: false });
  const rows = [];
  try {
    await page.waitForFunction(() => window.sanitizersReady === true, null, { timeout: 15000 });
    const before = Object.fromEntries(await Promise.all(FORMS.map(async (f) => [f, await inspect(page, snippets[f])])));
    for (const sanitizer of SANITIZERS) {
      for (const form of FORMS) {
        const out = await page.evaluate(([s, html]) => window.sanitizers[s](html), [sanitizer, snippets[form]]);
        const left = await inspect(page, out);
        const b = before[form];
        const survives =
          form === 'script'
            ? left.story === 1 && left.steps === b.steps && left.graphic === 1
            : left.block === 1 && left.sections === b.sections;
        const kept =
          form === 'script'
            ? `script ${left.script}/${b.script}, story ${left.story}, steps ${left.steps}/${b.steps}, map ${left.graphic}`
            : `block ${left.block}, sections ${left.sections}/${b.sections}`;
        const result = await render(`${form}-${sanitizer}`, out);
        rows.push({ form, sanitizer, survives: survives ? 'yes' : 'no', works: result.works ? 'yes' : 'no', direction: left.direction, kept: `${kept}${left.text ? '' : ', TEXT LOST'}`, why: result.why.slice(0, 140) });
      }
    }
  } finally {
    await context.close();
  }
  printTable('form × sanitizer → survives? works?', rows);
  for (const sanitizer of SANITIZERS) {
    const ok = rows.filter((r) => r.sanitizer === sanitizer && r.survives === 'yes' && r.works === 'yes');
    assert.ok(ok.length >= 1, `${sanitizer}: no form of the story survives and works:\n${JSON.stringify(rows.filter((r) => r.sanitizer === sanitizer), null, 1)}`);
    // The plain form is the one docs/embed.md promises for sanitizing editors: it must get through each.
    assert.ok(ok.some((r) => r.form === 'plain'), `${sanitizer}: the plain-HTML form does not survive and work`);
  }
  // Whatever the sanitizer kept, the author's text must still be there (the story reads as an article).
  for (const r of rows) assert.ok(!r.kept.includes('TEXT LOST'), `${r.form} × ${r.sanitizer}: the text was lost`);
  // The documented wrapper (docs/embed.md, "Stripped forms") keeps the story's direction through every sanitizer.
  for (const r of rows) assert.equal(r.direction, 'rtl', `${r.form} × ${r.sanitizer}: what is left reads ${r.direction}`);
});
