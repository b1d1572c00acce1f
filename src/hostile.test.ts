// Hostile strings: an XSS corpus in every string field of the event file that
// reaches the page. Nothing may execute, no element or attribute may be made
// from the data, and every string must show literally where the kit shows it.
import { expect } from '@open-wc/testing';
import { mountStory, scrollToStep, until, nextEvent, cleanup, sleep } from './test-support/harness.js';
import { basicWithInlineTopology } from './test-support/fixtures.js';
import { isSafeUrl } from './logic/validate/urls.js';
import type { SardStory } from './components/sard-story/sard-story.component.js';
import type { EventFile } from './logic/story/types.js';

// ── the corpus ──────────────────────────────────────────────────────
// `$$` becomes a call that records the payload's index if it ever runs; `/__hostile/` URLs must never be fetched.
const TEMPLATES: string[] = [
  '<img src=x onerror="$$">',
  '<img src="/__hostile/img" onerror=$$>',
  '<svg onload="$$">',
  '<svg><script>$$</script></svg>',
  '"><script>$$</script>',
  "'><script>$$</script>",
  '</title><script>$$</script>',
  '</textarea><script>$$</script>',
  '</text><foreignObject><img src=x onerror=$$></foreignObject>',
  '</p></li></ul><img src=x onerror=$$>',
  'javascript:$$',
  'JaVaScRiPt:$$',
  ' javascript:$$',
  'java\nscript:$$',
  'java\tscript:$$',
  '&#106;avascript:$$',
  '&#x6A;&#x61;&#x76;&#x61;script:$$',
  'data:text/html,<script>$$</script>',
  'vbscript:msgbox(1)',
  '${$$}',
  '`${$$}`',
  '{{constructor.constructor("$$")()}}',
  '[[$$]]',
  '<div style="width: expression($$)">x</div>',
  'expression($$)',
  'url(javascript:$$)',
  'background:url("javascript:$$");color:red',
  'red; background: url(/__hostile/css)',
  '&lt;img src=x onerror=$$&gt;',
  '&#60;script&#62;$$&#60;/script&#62;',
  '%3Cscript%3E$$%3C/script%3E',
  '\\u003cscript\\u003e$$\\u003c/script\\u003e',
  '\u202E<img src=x onerror=$$>\u202C',
  '\u202Egnp.exe\u202C <svg onload=$$>',
  '\u2067‮<script>$$</script>\u2069',
  '\u0000<script>$$</script>',
  '<scr\u0000ipt>$$</scr\u0000ipt>',
  '\uFEFF＜script＞$$＜/script＞',
  'A'.repeat(60000) + '<img src=x onerror=$$>',
  '<style>@import url("/__hostile/import.css");</style>',
  '<style>*{background:url(/__hostile/bg)}</style>',
  '<link rel=stylesheet href="/__hostile/link.css">',
  '<iframe srcdoc="<script>parent.$$</script>"></iframe>',
  '<iframe src="javascript:parent.$$"></iframe>',
  '<object data="javascript:$$"></object>',
  '<embed src="javascript:$$">',
  '<base href="javascript:$$//">',
  '<meta http-equiv="refresh" content="0;url=javascript:$$">',
  '<!--?lit$123$-->',
  'lit$123$',
  '?lit$123456789$',
  '<?lit$123$>',
  '<!--lit$1234567$--><img src=x onerror=$$>',
  '<template><img src=x onerror=$$></template>',
  '<math><mtext><table><mglyph><style><img src=x onerror=$$>',
  '<a href="javascript:$$">click</a>',
  '<svg><a xlink:href="javascript:$$"><text>x</text></a></svg>',
  '<svg><animate onbegin=$$ attributeName=x dur=1s>',
  '<details open ontoggle=$$>',
  '<input autofocus onfocus=$$>',
  '" onmouseover="$$" x="',
  "' onfocus='$$' autofocus x='",
  '--><img src=x onerror=$$><!--',
  ']]><img src=x onerror=$$>',
  '<![CDATA[<img src=x onerror=$$>]]>',
  '<noscript><p title="</noscript><img src=x onerror=$$>">',
  '<svg><use href="data:image/svg+xml,<svg id=x xmlns=%22http://www.w3.org/2000/svg%22 onload=%22$$%22/>#x"/></svg>',
  '__proto__',
  'constructor',
];
const PAYLOADS = TEMPLATES.map((t, i) => t.replaceAll('$$', `__sardHostile(${i})`));
const N = PAYLOADS.length;

/** What the live region and descriptions do to a title: a final full stop goes. */
const asTitle = (s: string) => s.replace(/[.۔]\s*$/, '');

// ── execution traps ────────────────────────────────────────────────
const w = window as unknown as Record<string, unknown>;
const ran: unknown[] = [];
function arm() {
  ran.length = 0;
  delete w.__pwned;
  w.__sardHostile = (i: unknown) => ran.push(i);
  for (const name of ['alert', 'confirm', 'prompt']) w[name] = (x: unknown) => ran.push(`${name}(${String(x)})`);
}
async function expectNothingRan(where: string) {
  await sleep(200); // proves nothing ran: error and load handlers fire asynchronously (a fixed wait on purpose)
  expect(ran, `${where}: payloads that executed`).to.deep.equal([]);
  expect(w.__pwned, `${where}: window.__pwned`).to.equal(undefined);
  const fetched = performance.getEntriesByType('resource').map((e) => e.name).filter((u) => u.includes('__hostile'));
  expect(fetched, `${where}: URLs fetched from the data`).to.deep.equal([]);
}

// ── DOM scan: light DOM and every shadow root, recursively ──────────
/** Tags the kit renders (benign run); any other tag came from data. */
const ALLOWED_TAGS = new Set([
  'div', 'p', 'span', 'bdi', 'ul', 'ol', 'li', 'slot', 'button', 'h2', 'cite', 'code', 'time', 'a', 'script', 'section',
  'svg', 'defs', 'pattern', 'rect', 'path', 'g', 'circle', 'text', 'line',
  'sard-story', 'sard-step', 'sard-map', 'sard-legend', 'sard-counter', 'sard-date', 'sard-sources',
]);
const URL_ATTRS = new Set(['href', 'xlink:href', 'src', 'action', 'formaction', 'data', 'srcdoc', 'poster', 'background']);

function scan(story: SardStory, where: string): void {
  const found: string[] = [];
  const visit = (root: ParentNode, host: Element | null) => {
    for (const el of root.querySelectorAll('*')) {
      const tag = el.localName;
      const at = `${where}: <${tag}> in ${host ? `${host.localName}'s shadow root` : 'the light DOM'}`;
      if (!ALLOWED_TAGS.has(tag)) found.push(`${at}: element not rendered by the kit`);
      if (tag === 'script' && !(el.parentElement === story && el.getAttribute('type') === 'application/json' && el.getAttribute('slot') === 'events'))
        found.push(`${at}: a script other than the inline event file`);
      if (tag === 'svg') {
        const mapSvg = host?.localName === 'sard-map' && el.parentElement?.classList.contains('frame');
        const legendSvg = host?.localName === 'sard-legend' && (el.classList.contains('defs') || el.getAttribute('part') === 'swatch');
        if (!mapSvg && !legendSvg) found.push(`${at}: an svg other than the map's and the legend's`);
      }
      if (tag === 'a') {
        if (host?.localName !== 'sard-sources') found.push(`${at}: a link outside sard-sources`);
        const href = (el as HTMLAnchorElement).href;
        if (!/^https?:$/.test(new URL(href).protocol)) found.push(`${at}: link to ${href.slice(0, 80)}`);
      }
      for (const attr of el.attributes) {
        if (attr.name.toLowerCase().startsWith('on')) found.push(`${at}: attribute ${attr.name}`);
        if (URL_ATTRS.has(attr.name.toLowerCase()) && tag !== 'a') found.push(`${at}: URL attribute ${attr.name}`);
      }
      if (el.shadowRoot) {
        if (el.shadowRoot.querySelector('style')) found.push(`${at}: a <style> element in its shadow root`);
        visit(el.shadowRoot, el);
      }
    }
  };
  visit(story, null);
  if (story.shadowRoot) visit(story.shadowRoot, story);
  expect(found.slice(0, 20), `elements or attributes made from data (${found.length})`).to.deep.equal([]);
  // Nothing outside the story either (a payload that escaped into the page).
  expect(document.querySelectorAll('img, iframe, object, embed, body style, body link, frame').length, `${where}: elements in the page`).to.equal(0);
}

// ── the event file ─────────────────────────────────────────────────
const COLORS = ['#c0392b', '#27ae60', '#2980b9', '#8e44ad', '#d35400', '#16a085'];
const dayAfter = (i: number) => new Date(Date.UTC(2016, 0, 1) + i * 86400000).toISOString().slice(0, 10);
const pointIds = (i: number) => [`p${i}-name`, `p${i}-ar`, `p${i}-en`];

/** Every payload in every field: one source, state, counter, event and three points per payload. */
async function hostileFile(locale: string): Promise<EventFile> {
  const file = (await basicWithInlineTopology()) as any;
  file.locale = locale;
  file.title = PAYLOADS[0];
  file.credit = PAYLOADS[1];
  file.sources = Object.fromEntries(PAYLOADS.map((p, i) => [`src${i}`, { title: p, publisher: p, date: p, url: p, file: p }]));
  file.states = Object.fromEntries(PAYLOADS.map((p, i) => [`s${i}`, { label: p, color: COLORS[i % COLORS.length] }]));
  file.counters = Object.fromEntries(PAYLOADS.map((p, i) => [`c${i}`, { label: p }]));
  file.initial = {
    control: { nw: 's0', ne: 's1', sw: 's2', se: 's3' },
    visible: ['ring-road'],
    counters: Object.fromEntries(PAYLOADS.map((_, i) => [`c${i}`, i])),
  };
  file.events = PAYLOADS.map((p, i) => ({
    id: `e${i}`,
    date: dayAfter(i),
    title: p,
    note: p,
    control: { nw: `s${i}` },
    show: pointIds(i),
    ...(i > 0 ? { hide: pointIds(i - 1) } : {}),
    counters: { [`c${i}`]: i * 1000 },
    sources: [`src${i}`],
  }));
  const topo = file.map.topology;
  // Areas and the line: the first payloads (every payload goes through them in the rounds test below).
  topo.objects.cells.geometries.forEach((g: any, f: number) => (g.properties = { name: PAYLOADS[f], 'name:ar': PAYLOADS[f], 'name:en': PAYLOADS[f] }));
  topo.objects.roads.geometries[0].properties = { name: PAYLOADS[4] };
  topo.objects.places.geometries = PAYLOADS.flatMap((p, i) => {
    const at = [37.02 + 0.26 * ((i * 7) % N) / N, 36.12 + 0.16 * ((i * 13) % N) / N];
    const [byName, byAr, byEn] = pointIds(i);
    return [
      { type: 'Point', id: byName, coordinates: at, properties: { name: p } },
      { type: 'Point', id: byAr, coordinates: [at[0]! + 0.004, at[1]!], properties: { 'name:ar': p } },
      { type: 'Point', id: byEn, coordinates: [at[0]!, at[1]! + 0.004], properties: { name: `fallback ${i}`, 'name:en': p } },
    ];
  });
  return file as EventFile;
}

const GRAPHIC = ['sard-date', 'sard-map', 'sard-legend', ...PAYLOADS.map((_, i) => `sard-counter:c${i}`)].join(' ');
const shadow = (story: SardStory, selector: string) => story.querySelector(selector)!.shadowRoot!;

async function addSources(story: SardStory) {
  const sources = document.createElement('sard-sources');
  story.append(sources);
  await until(() => (sources.shadowRoot?.querySelectorAll('li').length ?? 0) === N, 'the sources list');
  return sources.shadowRoot!;
}

describe('hostile strings in the event file', function () {
  this.timeout(180000);
  beforeEach(arm);
  afterEach(cleanup);

  it(`the corpus has ${N} entries, all different`, () => {
    expect(N).to.be.at.least(40);
    expect(new Set(PAYLOADS).size).to.equal(N);
  });

  it('shows every payload literally in the legend, counters, sources and map, at every step, and runs nothing', async () => {
    const file = await hostileFile('ar-SY');
    const story = await mountStory({ inline: file, graphic: GRAPHIC, steps: PAYLOADS.map((_, i) => `e${i}`) });
    const sources = await addSources(story);
    const map = shadow(story, 'sard-map');
    const legend = shadow(story, 'sard-legend');
    await until(() => legend.querySelectorAll('li').length === N && !!map.querySelector('svg'), 'legend and map');
    scan(story, 'after load');

    // Legend: each state's label, as text only.
    for (let i = 0; i < N; i++) {
      const label = legend.querySelector(`li[data-state="s${i}"] [part="legend-label"]`)!;
      expect(label.textContent, `legend s${i}`).to.equal(PAYLOADS[i]);
      expect(label.childElementCount, `legend s${i}`).to.equal(0);
    }
    // Counters: each label, in the label and in the live text.
    story.querySelectorAll('sard-counter').forEach((counter, i) => {
      const root = counter.shadowRoot!;
      expect(root.querySelector('[part="counter-label"]')!.textContent, `counter c${i}`).to.equal(PAYLOADS[i]);
      expect(root.querySelector('[aria-live]')!.textContent, `counter c${i} live`).to.contain(`${PAYLOADS[i]}: `);
      expect(root.querySelector('[part="counter-label"]')!.childElementCount).to.equal(0);
    });
    // Sources: title, publisher, date (not a day: shown as written), file; a link only for a safe URL, exactly as given.
    for (let i = 0; i < N; i++) {
      const p = PAYLOADS[i]!;
      const li = sources.querySelector(`#source-src${i}`)!;
      expect(li.querySelector('cite')!.textContent, `source ${i} title`).to.equal(p);
      expect(li.querySelector('code')!.textContent, `source ${i} file`).to.equal(p);
      expect(li.textContent, `source ${i} publisher and date`).to.contain(`${p}، ${p}`);
      const link = li.querySelector('a');
      if (isSafeUrl(p)) expect(link?.getAttribute('href'), `source ${i} url`).to.equal(p);
      else expect(link, `source ${i}: no link for ${JSON.stringify(p.slice(0, 40))}`).to.equal(null);
      // The number, the title, publisher and date (each isolated), the file (and the link).
      expect(li.querySelectorAll('*').length, `source ${i}: only the kit's elements`).to.equal(link ? 6 : 5);
    }
    // Map: the credit, and every feature's label text in the story's language (`name:ar`, else `name`).
    expect(map.querySelector('#credit')!.textContent).to.equal(PAYLOADS[1]);
    const label = (key: string) => map.querySelector(`text[data-for="${key}"]`);
    for (let i = 0; i < N; i++) {
      expect(label(`point:p${i}-name`)?.textContent, `point ${i} name`).to.equal(PAYLOADS[i]);
      expect(label(`point:p${i}-ar`)?.textContent, `point ${i} name:ar`).to.equal(PAYLOADS[i]);
      expect(label(`point:p${i}-en`)?.textContent, `point ${i} falls back to name`).to.equal(`fallback ${i}`);
    }
    for (const text of map.querySelectorAll('text')) expect(text.childElementCount, 'map labels hold text only').to.equal(0);
    expect([...map.querySelectorAll('svg')].map((svg) => svg.getAttribute('class')), 'the map draws two svgs: the picture the camera moves, and points and labels over it').to.deep.equal(['drawing', 'overlay']);
    await expectNothingRan('after load');

    // Every step: the event's title is announced, its state's label and its places' names are in the description.
    const frame = map.querySelector('.frame')!;
    const live = map.querySelector('.live')!;
    for (let i = 0; i < N; i++) {
      await scrollToStep(story, i);
      const p = PAYLOADS[i]!;
      await until(() => (live.textContent ?? '').includes(asTitle(p)), `step ${i}: the title announced`);
      expect(live.textContent, `step ${i}: the place names announced`).to.contain(p);
      const description = frame.getAttribute('aria-label')!;
      expect(description, `step ${i}: the state label in the description`).to.contain(`${p}: `);
      expect(description, `step ${i}: the shown places in the description`).to.contain(p);
      const shown = pointIds(i).map((id) => map.querySelector(`[data-point="${id}"]`)!.getAttribute('data-visible'));
      expect(shown, `step ${i}: its places shown`).to.deep.equal(['true', 'true', 'true']);
      scan(story, `step ${i}`);
    }
    await expectNothingRan('after every step');
  });

  it('shows `name:en` labels and every field in the flat layout of an English story, and runs nothing', async () => {
    const file = await hostileFile('en-GB');
    const steps = PAYLOADS.map((_, i) => `e${i}`).filter((_, i) => i % 9 === 0 || i === N - 1);
    const story = await mountStory({ inline: file, graphic: 'sard-date sard-map sard-legend sard-counter:c0 sard-counter:c1', steps, attrs: { layout: 'flat' } });
    const stills = () => [...story.querySelectorAll<HTMLElement>(':scope > [data-sard-still]')];
    await until(() => stills().length === steps.length, 'the stills');
    await until(() => stills().every((s) => s.querySelector('sard-map')!.shadowRoot?.querySelector('text[data-for]')), 'the stills’ maps');
    for (const still of stills()) {
      const i = Number(still.dataset.sardStill!.slice(1));
      const p = PAYLOADS[i]!;
      const map = still.querySelector('sard-map')!.shadowRoot!;
      expect(map.querySelector(`text[data-for="point:p${i}-en"]`)!.textContent, `still ${i}: name:en`).to.equal(p);
      expect(map.querySelector(`text[data-for="point:p${i}-name"]`)!.textContent, `still ${i}: name`).to.equal(p);
      expect(map.querySelector('.frame')!.getAttribute('aria-label'), `still ${i}: description`).to.contain(p);
      expect(map.querySelector('#credit')!.textContent).to.equal(PAYLOADS[1]);
      const legend = still.querySelector('sard-legend')!.shadowRoot!;
      expect(legend.querySelector(`li[data-state="s${i}"] [part="legend-label"]`)!.textContent).to.equal(p);
      expect(still.querySelector('sard-counter')!.shadowRoot!.querySelector('[part="counter-label"]')!.textContent).to.equal(PAYLOADS[0]);
    }
    scan(story, 'flat layout');
    await expectNothingRan('flat layout');
  });

  it('shows every payload literally as the credit and as area and line names in name, name:ar and name:en', async () => {
    // Round r is read in one field (by r % 3: `name` through the fallback of an Arabic story, `name:ar`, `name:en` in
    // an English one); feature f (4 areas, then 3 lines) is named PAYLOADS[(r + f) % N] in that field only. With N a
    // multiple of 3, every payload goes through every field of an area and of a line, and is the credit once.
    const FIELDS = [
      { field: 'name', locale: 'ar-SY' },
      { field: 'name:ar', locale: 'ar-SY' },
      { field: 'name:en', locale: 'en-GB' },
    ] as const;
    expect(N % 3, 'the corpus size is a multiple of 3').to.equal(0);
    const covered = new Set<string>();
    const base = (await basicWithInlineTopology()) as any;
    const roads = base.map.topology.objects.roads.geometries;
    roads.push({ ...roads[0], id: 'road-2' }, { ...roads[0], id: 'road-3' });
    const KEYS = ['area:nw', 'area:ne', 'area:sw', 'area:se', 'line:ring-road', 'line:road-2', 'line:road-3'];
    let story: SardStory | null = null;
    for (let r = 0; r < N; r++) {
      const file = structuredClone(base);
      const { field, locale } = FIELDS[r % 3]!;
      file.locale = locale;
      file.title = PAYLOADS[r];
      file.credit = PAYLOADS[r];
      file.initial.visible = ['citadel', 'ring-road', 'road-2', 'road-3'];
      const features = [...file.map.topology.objects.cells.geometries, ...file.map.topology.objects.roads.geometries];
      const names = features.map((g: any, f: number) => {
        const p = PAYLOADS[(r + f) % N]!;
        g.properties = { [field]: p };
        covered.add(`${(r + f) % N}|${KEYS[f]!.split(':')[0]}|${field}`);
        return p;
      });
      if (!story) story = await mountStory({ inline: file, graphic: 'sard-map sard-legend' });
      else {
        const ready = nextEvent(story, 'sard-ready');
        story.events = file;
        await ready;
      }
      const map = shadow(story, 'sard-map');
      await until(() => map.querySelector('#credit')?.textContent === PAYLOADS[r] && !!map.querySelector('.frame')?.getAttribute('aria-label'), `round ${r}: the map`);
      await until(() => map.querySelector(`text[data-for="${KEYS[0]}"]`)?.textContent === names[0], `round ${r}: the labels`);
      const description = map.querySelector('.frame')!.getAttribute('aria-label')!;
      KEYS.forEach((key, f) => {
        expect(map.querySelector(`text[data-for="${key}"]`)?.textContent, `round ${r}: ${key} ${field}`).to.equal(names[f]);
        expect(description, `round ${r}: ${key} in the description`).to.contain(names[f]);
      });
      scan(story, `round ${r}`);
    }
    const missing = PAYLOADS.flatMap((_, i) => ['area', 'line'].flatMap((k) => FIELDS.map(({ field }) => `${i}|${k}|${field}`))).filter((c) => !covered.has(c));
    expect(missing, 'payload × feature kind × name field not covered').to.deep.equal([]);
    await expectNothingRan('the rounds');
  });

  it('shows a payload in an unknown-state value, and in a step’s event name, literally in the problems list', async () => {
    const file = (await basicWithInlineTopology()) as any;
    file.events = PAYLOADS.map((p, i) => ({ id: `e${i}`, date: dayAfter(i), title: `event ${i}`, control: { nw: p }, sources: ['a'] }));
    const errors: string[] = [];
    const onError = (e: Event) => errors.push((e as CustomEvent<{ message: string }>).detail.message);
    document.addEventListener('sard-error', onError);
    try {
      const story = await mountStory({ inline: file, graphic: 'sard-map sard-legend sard-date', steps: ['e0', 'e1'] }, null);
      await until(() => (story.shadowRoot?.querySelectorAll('.problems li').length ?? 0) >= N, 'the problems list');
      const items = [...story.shadowRoot!.querySelectorAll('.problems li')];
      for (let i = 0; i < N; i++) {
        const item = items.find((li) => li.textContent!.includes(`events[${i}].control.nw:`));
        expect(item?.textContent, `problem for events[${i}]`).to.contain(`unknown state "${PAYLOADS[i]}"`);
        expect(item!.childElementCount).to.equal(0);
      }
      expect(errors.filter((m) => m.startsWith('unknown state')).length).to.equal(N);
      scan(story, 'problems view');
      cleanup();
      // A step naming an unknown event (the page's fault, checked once the file is good): each payload as the name.
      const good = await basicWithInlineTopology();
      const named = await mountStory({ inline: good, graphic: 'sard-map', steps: ['e0', ...PAYLOADS] }, null);
      await until(() => (named.shadowRoot?.querySelectorAll('.problems li').length ?? 0) >= N, 'the step problems');
      const stepItems = [...named.shadowRoot!.querySelectorAll('.problems li')];
      PAYLOADS.forEach((p, i) => {
        const item = stepItems.find((li) => li.textContent!.includes(`steps[${i + 1}].event:`));
        expect(item?.textContent, `problem for steps[${i + 1}]`).to.contain(p);
        expect(item!.childElementCount).to.equal(0);
      });
      scan(named, 'step problems');
    } finally {
      document.removeEventListener('sard-error', onError);
    }
    await expectNothingRan('problems view');
  });
});
