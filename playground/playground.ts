/**
 * The authors' playground (stories/playground.html): the event file and the story side by side with the
 * live story, the kit's own problems at their places, a step list and scrubber, geography in, the three
 * embed forms and the files out. Built on the kit's public elements and its own validator (the same
 * `loadStory` the story and `sard validate` run), so what passes here passes on the page.
 */
import { ensureSyntaxTree } from '@codemirror/language';
import type { Diagnostic } from '@codemirror/lint';
import { loadStory } from '../src/logic/story/load.js';
import { formatProblem } from '../src/logic/validate/json-path.js';
import type { EventFile } from '../src/logic/story/types.js';
import schema from '../schema/event-file.schema.json';
import { JsonEditor, HtmlEditor } from './editors.js';
import { Preview } from './preview.js';
import { Panel, type ProblemItem } from './panel.js';
import { fromLink, fromStoryPage, fromTemplate, pointAt, type LoadedDraft } from './drafts.js';
import { featureIds, importGeography, pruneToGeography } from './logic/geo-import.js';
import { locate, parsePath } from './logic/json-locate.js';
import { storyIds, type StoryIds } from './logic/schema-help.js';
import { decodeDraft, encodeDraft, iframeForm, LINK_LIMIT, plainForm, scriptForm, storyPage } from './logic/export.js';
import { UI, fill, type UiLanguage } from './strings.js';

const $ = <T extends Element = HTMLElement>(selector: string) => document.querySelector(selector) as T;
const page = $('.pg');
const params = new URLSearchParams(location.search);
let lang: UiLanguage = params.get('lang') === 'en' ? 'en' : 'ar';
const words = () => UI[lang];

/** The draft being edited: the two texts live in the editors; the topology and names here. */
let eventsName = 'story.events.json';
let topology: LoadedDraft['topology'] = null;
let topologyText = '';
let ids: StoryIds = storyIds(null, null);
let lastFile: EventFile | null = null;

// ── the pieces ────────────────────────────────────────────────────
const preview = new Preview($<HTMLIFrameElement>('#pg-frame'), (_index, eventId) => panel.markEvent(eventId));
const panel = new Panel(
  {
    list: $('#pg-events'),
    scrubber: $('#pg-scrubber'),
    scrubberText: $('#pg-scrubber-text'),
    inspector: $('#pg-inspector'),
    problems: $('#pg-problems'),
    problemsSummary: $('#pg-problems-summary'),
  },
  words,
  (eventId) => void preview.jump(eventId),
  (offset) => {
    jsonEditor.view.dispatch({ selection: { anchor: offset }, scrollIntoView: true });
    jsonEditor.view.focus();
  },
);
const jsonEditor = new JsonEditor({ parent: $('#pg-json'), label: words().eventFile, text: '', onChange: () => schedule() }, schema, () => ids);
const htmlEditor = new HtmlEditor({ parent: $('#pg-html'), label: words().steps, text: '', onChange: () => schedule() }, () => ids);

// ── checking and showing, a moment after each keystroke ─────────
let timer = 0;
let run = 0;
function schedule() {
  clearTimeout(timer);
  timer = window.setTimeout(() => void refresh(), 250);
}

const eventsUrl = () => new URL(eventsName, location.href).href;

async function refresh() {
  const mine = ++run;
  const text = jsonEditor.text;
  const fileUrl = eventsUrl();
  const topologyUrl = topology ? new URL(topology.name, fileUrl).href : null;
  const fetched = new Map<string, string>();
  const result = await loadStory(text, fileUrl, location.href, async (url) => {
    if (url === topologyUrl) return topologyText;
    // A topology the author named by URL: fetched as the story would fetch it.
    const response = await fetch(url);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const body = await response.text();
    fetched.set(url, body);
    return body;
  });
  if (mine !== run) return; // a newer keystroke has its own check under way

  let parsed: unknown = null;
  try {
    parsed = JSON.parse(text);
  } catch {
    // The kit's "not JSON" problem says where.
  }
  ids = storyIds(parsed, topology?.data ?? null);

  // Problems: at their place in the editor when they are about the event file.
  const state = jsonEditor.view.state;
  const tree = ensureSyntaxTree(state, state.doc.length, 500);
  const diagnostics: Diagnostic[] = [];
  const items: ProblemItem[] = result.problems.map((p) => {
    const inFile = p.file === fileUrl;
    let at: number | null = null;
    if (inFile && tree) {
      const notJson = /^not JSON: .*position (\d+)/.exec(p.message);
      const range = notJson ? { from: Math.min(Number(notJson[1]), text.length), to: Math.min(Number(notJson[1]) + 1, text.length) } : locate(tree, text, parsePath(p.path));
      at = range.from;
      diagnostics.push({ from: range.from, to: Math.max(range.to, range.from), severity: p.level, message: formatProblem(p), source: 'sard' });
    }
    return { level: p.level, text: formatProblem(p), at };
  });
  jsonEditor.showProblems(diagnostics);
  panel.setProblems(items);
  page.toggleAttribute('data-has-errors', items.some((i) => i.level === 'error'));

  if (!result.file || !result.folded) return; // the preview keeps the last good story
  lastFile = result.file;
  const shown = structuredClone(result.file);
  if (typeof shown.map?.topology === 'string') {
    const url = new URL(shown.map.topology, fileUrl).href;
    shown.map.topology = JSON.parse(url === topologyUrl ? topologyText : (fetched.get(url) ?? 'null'));
  }
  const ok = await preview.show(htmlEditor.text, shown);
  if (!ok) panel.setProblems([...items, { level: 'error', text: words().notStory, at: null }]);
  panel.setStory(
    result.file.events.map((e) => ({ id: e.id, title: e.title ?? '', date: typeof e.date === 'string' ? e.date : `${e.date.start} – ${e.date.end}` })),
    result.folded.states,
    result.folded.initial,
  );
  panel.markEvent(preview.story?.activeEventId ?? null);
}

// ── drafts in ─────────────────────────────────────────────────────
function open(draft: LoadedDraft) {
  eventsName = draft.eventsName;
  topology = draft.topology;
  topologyText = topology ? JSON.stringify(topology.data) : '';
  jsonEditor.setText(draft.events);
  htmlEditor.setText(draft.html);
  void refresh();
}

async function start(choice: string) {
  status(words().loading);
  const select = $<HTMLSelectElement>('#pg-start-choice');
  if ([...select.options].some((o) => o.value === choice)) select.value = choice;
  try {
    if (choice.startsWith('story:')) open(await fromStoryPage(new URL(choice.slice(6), location.href).href));
    else open(await fromTemplate(new URL('playground/templates/', location.href), choice.replace(/^template:/, ''), lang));
    status('');
  } catch (err) {
    status((err as Error).message);
  }
}

function status(text: string) {
  $('#pg-status').textContent = text;
}

// ── geography in ─────────────────────────────────────────────────
async function addGeography(file: File) {
  try {
    const imported = importGeography(file.name, await file.text(), (topology?.data as never) ?? null);
    const doc = JSON.parse(jsonEditor.text) as Record<string, unknown>;
    const name = `${file.name.replace(/\.(geo|topo)?json$|\.csv$/i, '') || 'map'}.topo.json`;
    const oldMap = (doc.map ?? {}) as Record<string, unknown>;
    const sameAreas = !imported.newAreas;
    // New areas: the old view, base layers, lines and points go (the first view then fits the new areas).
    const { view: _view, lines: _lines, points: _points, base: _base, ...keep } = oldMap;
    doc.map = sameAreas ? { ...oldMap, topology: name, ...imported.map } : { ...keep, topology: name, ...imported.map };
    // Places of the old map that the new one lacks are taken out, so the story draws on the new map at once.
    const removed = sameAreas
      ? []
      : pruneToGeography(doc, {
          areas: featureIds(imported.topology, imported.map.areas),
          others: new Set([...featureIds(imported.topology, imported.map.lines), ...featureIds(imported.topology, imported.map.points)]),
        });
    if (removed.length) imported.messages.push(fill(words().pruned, { count: removed.length, ids: removed.slice(0, 8).join(', ') + (removed.length > 8 ? ', …' : '') }));
    topology = { name, data: imported.topology };
    topologyText = JSON.stringify(imported.topology);
    jsonEditor.setText(`${JSON.stringify(doc, null, 2)}\n`);
    status(`${words().imported} ${imported.messages.join(' ')}`);
  } catch (err) {
    status((err as Error).message);
  }
}

$<HTMLInputElement>('#pg-geo-file').addEventListener('change', (e) => {
  const file = (e.target as HTMLInputElement).files?.[0];
  if (file) void addGeography(file);
});
document.addEventListener('dragover', (e) => {
  if (e.dataTransfer?.types.includes('Files')) (e.preventDefault(), page.setAttribute('data-dropping', ''));
});
document.addEventListener('dragleave', () => page.removeAttribute('data-dropping'));
document.addEventListener('drop', (e) => {
  page.removeAttribute('data-dropping');
  const file = e.dataTransfer?.files[0];
  if (!file) return;
  e.preventDefault();
  void addGeography(file);
});

// ── out ───────────────────────────────────────────────────────────
const kitUrl = (attr: string) => new URL(page.dataset[attr]!, location.href).href;
const storyBase = () => eventsName.replace(/\.events\.json$|\.json$/i, '');
const storyHtml = () => pointAt(htmlEditor.text, eventsName);
const storyTitle = () => lastFile?.title ?? storyBase();

function download(name: string, text: string, type: string) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type }));
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

async function share(text: string) {
  const out = $<HTMLTextAreaElement>('#pg-export-text');
  out.value = text;
  out.hidden = false;
  try {
    await navigator.clipboard.writeText(text);
    status(words().copied);
  } catch {
    out.select(); // no clipboard permission: the text is selected, ready for Ctrl+C
  }
}

const actions: Record<string, () => void | Promise<void>> = {
  'download-events': () => download(eventsName, jsonEditor.text, 'application/json'),
  'download-topology': () => {
    if (topology) download(topology.name, topologyText, 'application/json');
  },
  'download-page': () => {
    const locale = lastFile?.locale ?? 'en';
    const dir = /^(ar|fa|he|ur|ps|sd|ug|yi|dv|ckb)\b/i.test(locale) ? 'rtl' : 'ltr';
    download(`${storyBase()}.html`, storyPage(storyHtml(), { title: storyTitle(), lang: locale, dir, kitUrl: kitUrl('kit'), frameScriptUrl: kitUrl('frameScript') }), 'text/html');
  },
  'copy-script': () => share(scriptForm(storyHtml(), kitUrl('kit'))),
  'copy-plain': () => {
    const story = new DOMParser().parseFromString(htmlEditor.text, 'text/html').querySelector('sard-story');
    return story ? share(plainForm(story, eventsName)) : status(words().notStory);
  },
  'copy-iframe': () => share(iframeForm(`${storyBase()}.html`, kitUrl('embedScript'), storyTitle())),
  'copy-link': async () => {
    const small = topologyText.length < 64 * 1024;
    if (topology && !topology.url && !small) return status(words().linkNeedsUrl);
    const draft = { events: jsonEditor.text, html: htmlEditor.text, ...(topology ? { topology: topology.url ? { name: topology.name, url: topology.url } : { name: topology.name, data: topology.data } } : {}) };
    const encoded = await encodeDraft(draft);
    if (encoded.length > LINK_LIMIT) return status(fill(words().linkTooBig, { size: Math.ceil(encoded.length / 1024), limit: LINK_LIMIT / 1024 }));
    const url = new URL(location.href);
    url.search = lang === 'en' ? '?lang=en' : '';
    url.hash = `draft=${encoded}`;
    return share(url.href);
  },
};
for (const button of document.querySelectorAll<HTMLButtonElement>('[data-action]')) {
  button.addEventListener('click', () => void actions[button.dataset.action!]?.());
}

// ── preview width, language ───────────────────────────────────────
$<HTMLSelectElement>('#pg-width').addEventListener('change', (e) => {
  const v = (e.target as HTMLSelectElement).value;
  preview.setWidth(v ? Number(v) : null);
});

function applyLanguage() {
  document.documentElement.lang = lang;
  document.documentElement.dir = lang === 'ar' ? 'rtl' : 'ltr';
  for (const node of document.querySelectorAll<HTMLElement>('[data-t]')) node.textContent = words()[node.dataset.t as keyof ReturnType<typeof words>];
  for (const node of document.querySelectorAll<HTMLElement>('[data-t-label]')) node.setAttribute('aria-label', words()[node.dataset.tLabel as keyof ReturnType<typeof words>]);
  for (const node of document.querySelectorAll<HTMLElement>('[data-lang-only]')) node.hidden = node.dataset.langOnly !== lang;
  jsonEditor.view.contentDOM.setAttribute('aria-label', words().eventFile);
  htmlEditor.view.contentDOM.setAttribute('aria-label', words().steps);
  document.title = words().title;
}
$('#pg-lang').addEventListener('click', () => {
  lang = lang === 'ar' ? 'en' : 'ar';
  const url = new URL(location.href);
  if (lang === 'en') url.searchParams.set('lang', 'en');
  else url.searchParams.delete('lang');
  history.replaceState(null, '', url);
  applyLanguage();
});
$<HTMLFormElement>('#pg-start').addEventListener('submit', (e) => {
  e.preventDefault();
  void start($<HTMLSelectElement>('#pg-start-choice').value);
});

// ── first draft: a shared link, "Edit this story", a template ─────
applyLanguage();
const hashDraft = /^#draft=([\w-]+)$/.exec(location.hash)?.[1];
const storyParam = params.get('story');
if (hashDraft) {
  decodeDraft(hashDraft)
    .then(fromLink)
    .then(open)
    .catch((err: Error) => (status(err.message), start('template:city')));
} else if (storyParam && new URL(storyParam, location.href).origin === location.origin) {
  void start(`story:./${storyParam.replace(/^\.\//, '')}`);
} else {
  void start(`template:${params.get('template') ?? 'city'}`);
}

/** For tests and the curious: the playground's editors and preview. */
Object.assign(window, { sardPlayground: { jsonEditor, htmlEditor, preview, refresh } });
