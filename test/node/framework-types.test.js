// What a front-end developer's TypeScript sees, checked with tsc as a consumer would (strict, skipLibCheck off,
// so the kit's own .d.ts files are checked too):
//  - DOM events: `story.addEventListener('sard-step-enter', e => e.detail.eventId)` is typed, on the element and
//    on the document, with the package's types entry (registering) and with the classes-only entry;
//  - React 19 TSX (`sard/jsx-react`): <sard-story src="x" cite> and the other elements type-check; a wrong layout,
//    an unknown prop or a wrong detail field are errors; `ref` is the element's class; onsard-* handlers typed;
//  - Preact TSX (`sard/jsx-preact`): the same;
//  - the editor data (VS Code custom data, web-types) lists what the manifest lists.
// The consumer sits in .tmp/ inside the repository with the package linked as node_modules/sard (symlinks
// preserved, as an installed package would be), so the .d.ts files resolve lit, react and preact from there.
// Needs `npm run build` first (dist/types, custom-elements.json, scripts/build-framework-types.js).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, rmSync, symlinkSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, dirname } from 'node:path';

const root = new URL('../../', import.meta.url).pathname;
const tsc = join(root, 'node_modules/typescript/bin/tsc');
const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement);
let dir;

/** A package's folder as the repository resolves it (devDependencies @types/react and preact). */
function packageDir(name) {
  const require = createRequire(join(root, 'package.json'));
  try {
    return dirname(require.resolve(`${name}/package.json`));
  } catch {
    // Trying this branch before the packages are in package.json: SARD_TYPES_TEST_DEPS=/path/to/node_modules.
    const extra = process.env.SARD_TYPES_TEST_DEPS;
    if (extra && existsSync(join(extra, name))) return join(extra, name);
    throw new Error(`${name} is not installed (a devDependency of this test)`);
  }
}

before(() => {
  mkdirSync(join(root, '.tmp'), { recursive: true });
  dir = mkdtempSync(join(root, '.tmp/types-consumer-'));
  mkdirSync(join(dir, 'node_modules/@types'), { recursive: true });
  // Its own package.json: without one, `sard/…` would resolve as the repository's self-reference, not the install.
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  symlinkSync(root, join(dir, 'node_modules/sard'));
  for (const name of ['@types/react', 'csstype', 'preact']) symlinkSync(packageDir(name), join(dir, 'node_modules', name));
});
after(() => rmSync(dir, { recursive: true, force: true }));

const compilerOptions = {
  target: 'ES2022',
  module: 'ESNext',
  moduleResolution: 'Bundler',
  lib: ['ES2022', 'DOM', 'DOM.Iterable'],
  strict: true,
  noEmit: true,
  skipLibCheck: false,
  // No preserveSymlinks: the consumer and the package must meet the same @types/react (realpaths), or the
  // augmentation lands on a second copy of the module.
  types: [],
};

/** tsc on these files; returns its output (empty when they type-check). */
function check(name, files, options = {}) {
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  const config = join(dir, `tsconfig.${name}.json`);
  writeFileSync(config, JSON.stringify({ compilerOptions: { ...compilerOptions, ...options }, files: Object.keys(files) }));
  try {
    execFileSync(process.execPath, [tsc, '-p', config], { cwd: dir, encoding: 'utf8' });
    return '';
  } catch (error) {
    return error.stdout + error.stderr;
  }
}

// The package's own files are reached through node_modules/sard by relative path (this checks the declarations
// themselves), and the JSX entries by their package names once package.json exports them (as a consumer writes).
const types = './node_modules/sard/dist/types';
const exported = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).exports ?? {};
const jsxEntry = (name) => (exported[`./${name}`] ? `sard/${name}` : `${types}/${name}.js`);

const events = (entry, main = `${types}/index.js`) => `import '${entry}';
import type { StepEventDetail, SardErrorDetail, SardReadyDetail } from '${main}';

const story = document.createElement('sard-story');
story.addEventListener('sard-step-enter', (e) => {
  const id: string | null = e.detail.eventId;
  const index: number = e.detail.index;
  const direction: 'up' | 'down' = e.detail.direction;
  void [id, index, direction];
});
story.addEventListener('sard-step-exit', (e) => void (e.detail satisfies StepEventDetail));
story.addEventListener('sard-ready', (e) => void (e.detail satisfies SardReadyDetail).eventFile.length);
document.addEventListener('sard-error', (e) => {
  const detail: SardErrorDetail = e.detail;
  const level: 'error' | 'warning' = detail.level;
  void [level, detail.file, detail.path, detail.message.length];
});
// @ts-expect-error: no such field
story.addEventListener('sard-step-enter', (e) => e.detail.nope);
`;

test('DOM events are typed: the registering entry (define) and the classes entry (index)', () => {
  const registering = (entry, main) => events(entry, main).replace("document.createElement('sard-story')", "document.querySelector('sard-story')!");
  // Without registration there is no tag map entry: the element comes from the class.
  const classes = (entry, main) => events(entry, main).replace("import '", "import { SardStory } from '").replace("document.createElement('sard-story')", 'new SardStory()');
  assert.equal(check('events-define', { 'events-define.ts': registering(`${types}/define.js`) }), '');
  assert.equal(check('events-index', { 'events-index.ts': classes(`${types}/index.js`) }), '');
  // As a consumer writes it, once package.json exports the entries.
  if (exported['.']) assert.equal(check('events-sard', { 'events-sard.ts': registering('sard', 'sard') }), '');
  if (exported['./elements']) assert.equal(check('events-elements', { 'events-elements.ts': classes('sard/elements', 'sard/elements') }), '');
});

const tsx = (entry, hooks, className) => `import type {} from '${jsxEntry(entry)}';
import type { SardStory, SardMap } from '${exported['./elements'] ? 'sard/elements' : `${types}/index.js`}';
import { useRef } from '${hooks}';

export function Story() {
  const story = useRef<SardStory>(null);
  const map = useRef<SardMap>(null);
  return (
    <sard-story src="x" cite debug offset={0.6} layout="overlay" ref={story} ${className}="story" lang="ar" dir="rtl"
      narrow-counters="besieged days" events={null}
      onsard-step-enter={(e) => { const id: string | null = e.detail.eventId; void id; }}
      onsard-step-exit={(e) => void e.detail.direction}
      onsard-ready={(e) => void e.detail.eventFile}
      onsard-error={(e) => void e.detail.message.toUpperCase()}>
      <sard-step event="castello-cut" id="start"><p>Text.</p></sard-step>
      <sard-step><p>More text.</p></sard-step>
      <div slot="graphic">
        <sard-map ref={map} padding={12} duration={800} />
        <sard-counter counter="besieged" duration={0} />
        <sard-date calendar="islamic" />
        <sard-legend />
      </div>
      <sard-sources><h2 slot="heading">Sources</h2></sard-sources>
    </sard-story>
  );
}

export function Wrong() {
  return (
    <div>
      {/* @ts-expect-error: not a layout */}
      <sard-story layout="sideways" />
      {/* @ts-expect-error: not a prop of the story */}
      <sard-story srcx="x" />
      {/* @ts-expect-error: the detail has no such field */}
      <sard-story onsard-step-enter={(e) => e.detail.nope} />
      {/* @ts-expect-error: a number */}
      <sard-map padding="wide" />
      {/* @ts-expect-error: read-only state is not a prop */}
      <sard-story activeIndex={2} />
    </div>
  );
}
`;

test('React 19 TSX: <sard-story src="x" cite> and the other elements type-check', () => {
  const version = JSON.parse(readFileSync(join(packageDir('@types/react'), 'package.json'), 'utf8')).version;
  assert.match(version, /^19\./);
  assert.equal(check('react', { 'react.tsx': tsx('jsx-react', 'react', 'className') }, { jsx: 'react-jsx' }), '');
});

test('Preact TSX: the same with jsxImportSource preact', () => {
  assert.equal(check('preact', { 'preact.tsx': tsx('jsx-preact', 'preact/hooks', 'class') }, { jsx: 'react-jsx', jsxImportSource: 'preact' }), '');
});

test('without the JSX types, React does not know the elements (the types are what makes the test pass)', () => {
  const out = check('react-none', { 'react-none.tsx': tsx('jsx-react', 'react', 'className').replace(/^import type \{\} from .*$/m, '') }, { jsx: 'react-jsx' });
  assert.match(out, /Property 'sard-story' does not exist on type 'JSX.IntrinsicElements'/);
});

test('editor data lists every element and attribute of the manifest', () => {
  const vscode = JSON.parse(readFileSync(join(root, 'dist/vscode.html-custom-data.json'), 'utf8'));
  const webTypes = JSON.parse(readFileSync(join(root, 'dist/web-types.json'), 'utf8'));
  assert.equal(vscode.version, 1.1);
  assert.deepEqual(vscode.tags.map((t) => t.name).sort(), elements.map((e) => e.tagName).sort());
  const webElements = webTypes.contributions.html.elements;
  assert.deepEqual(webElements.map((e) => e.name).sort(), elements.map((e) => e.tagName).sort());
  for (const el of elements) {
    const tag = vscode.tags.find((t) => t.name === el.tagName);
    const web = webElements.find((e) => e.name === el.tagName);
    assert.ok(tag.description.startsWith(el.summary), el.tagName);
    assert.deepEqual(tag.attributes.map((a) => a.name), (el.attributes ?? []).map((a) => a.name));
    assert.deepEqual(web.attributes.map((a) => a.name), (el.attributes ?? []).map((a) => a.name));
    for (const a of tag.attributes) assert.ok(a.description, `${el.tagName}[${a.name}]: no description`);
    assert.deepEqual(web.events.map((e) => e.name), (el.events ?? []).map((e) => e.name));
    assert.deepEqual(web.css.parts.map((p) => p.name), (el.cssParts ?? []).map((p) => p.name));
  }
  const layout = vscode.tags.find((t) => t.name === 'sard-story').attributes.find((a) => a.name === 'layout');
  assert.deepEqual(layout.values.map((v) => v.name), ['side', 'overlay', 'stacked', 'flat']);
  const cite = vscode.tags.find((t) => t.name === 'sard-story').attributes.find((a) => a.name === 'cite');
  assert.equal(cite.valueSet, 'v');
});
