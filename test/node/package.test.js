// The package as a front-end developer gets it (issue 20): the working tree copied to a clean directory, packed
// there with `npm pack` (its `prepack` builds everything), and the tarball installed into a throwaway project
// outside the repository (so nothing resolves from the repository's own node_modules by accident), which then:
//   - type-checks TypeScript with `skipLibCheck: false` (the elements, the validator, the typed events when the
//     package declares them) and React 19 TSX (when the package ships its JSX types);
//   - builds with Vite while importing `lit` itself and `sard`: one copy of Lit in the output;
//   - imports `sard/validate` (and `sard`) in plain Node and validates an event file;
//   - runs `npx sard --version`, `npx sard validate` and `npx sard embed`;
// and the tarball passes publint and @arethetypeswrong/cli. Offline: the build reuses the repository's
// node_modules (a symlink), the consumer's install comes from npm's cache, the tools from the repository.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, cpSync, symlinkSync, realpathSync, readFileSync, writeFileSync, existsSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('../..', import.meta.url));
const modules = realpathSync(join(root, 'node_modules'));
const bin = (pkg, file) => join(modules, pkg, file);
const TSC = bin('typescript', 'bin/tsc');
const NPM_ENV = { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };

let work, clone, consumer, tarball, pkgJson;
const sizes = {};

/** Runs a command; on failure the assertion shows its output. */
function run(cmd, args, cwd, { env = NPM_ENV, allowFail = false } = {}) {
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (!allowFail && r.status !== 0) assert.fail(`${cmd} ${args.join(' ')} (in ${cwd}) exited ${r.status}:\n${r.stdout}\n${r.stderr}`);
  return r;
}

const walk = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
const gz = (buf) => gzipSync(buf, { level: 9 }).length;

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'sard-package-'));
  clone = join(work, 'sard');
  consumer = join(work, 'consumer');

  // The working tree as git sees it (tracked and new files, nothing ignored): what a clean clone of this commit
  // would hold, plus the changes not yet committed. No dist/, no generated files: prepack must make them.
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' })
    .split('\0')
    .filter((f) => f && f !== 'node_modules' && !f.startsWith('node_modules/') && existsSync(join(root, f)) && statSync(join(root, f)).isFile());
  for (const f of files) cpSync(join(root, f), join(clone, f));
  assert.ok(!existsSync(join(clone, 'dist')), 'the copy must not hold a build');
  symlinkSync(modules, join(clone, 'node_modules'), 'dir');

  // prepack's build writes to stdout too: the tarball is the one .tgz in the work directory.
  run('npm', ['pack', '--pack-destination', work], clone);
  tarball = join(work, readdirSync(work).find((f) => f.endsWith('.tgz')));
  pkgJson = JSON.parse(readFileSync(join(clone, 'package.json'), 'utf8'));

  // The consumer: the tarball, its own Lit (the same version the kit depends on, as npm would dedupe it) and the
  // React 19 types. Installed from npm's cache; --prefer-offline if a package is not there.
  mkdirSync(join(consumer, 'src'), { recursive: true });
  const version = (name) => JSON.parse(readFileSync(join(modules, name, 'package.json'), 'utf8')).version;
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({
    name: 'consumer', private: true, type: 'module',
    dependencies: { sard: `file:${tarball}`, lit: version('lit'), '@types/react': version('@types/react') },
  }, null, 2));
  const install = ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--no-package-lock'];
  const offline = run('npm', [...install, '--offline'], consumer, { allowFail: true });
  if (offline.status !== 0) run('npm', [...install, '--prefer-offline'], consumer);
});

after(() => {
  if (work && !process.env.SARD_KEEP_PACKAGE_TEST) rmSync(work, { recursive: true, force: true });
  else if (work) console.log(`package test kept in ${work}`);
  console.log(`package sizes (gzip -9): ${JSON.stringify(sizes)}`);
});

const installed = () => join(consumer, 'node_modules/sard');

test('the packed package holds the build, the licences and only what consumers need', () => {
  const dir = installed();
  for (const f of ['dist/esm/define.js', 'dist/esm/elements.js', 'dist/esm/validate.js', 'dist/sard.js', 'dist/sard.iife.js', 'dist/cli.js',
    'dist/sard-embed.js', 'dist/sard-frame.js', 'dist/types/define.d.ts', 'dist/types/validate.d.ts', 'custom-elements.json',
    'schema/event-file.schema.json', 'LICENSE', 'THIRD-PARTY-NOTICES.md', 'README.md', 'bin/sard.js', 'scripts/build-embed.js']) {
    assert.ok(existsSync(join(dir, f)), `${f} is in the package`);
  }
  for (const f of ['dist/gallery', 'dist/embed', 'dist/playground.js', 'src', 'test']) assert.ok(!existsSync(join(dir, f)), `${f} is not in the package`);
  // dist/esm mirrors src/ one module per file.
  assert.ok(existsSync(join(dir, 'dist/esm/components/sard-story/sard-story.component.js')));
  // The notices the build generated are the ones committed (regenerate with `npm run notices`).
  assert.equal(readFileSync(join(dir, 'THIRD-PARTY-NOTICES.md'), 'utf8'), readFileSync(join(root, 'THIRD-PARTY-NOTICES.md'), 'utf8'),
    'THIRD-PARTY-NOTICES.md is out of date: run `npm run notices` and commit it');
  for (const name of ['lit-html', '@lit/reactive-element', 'scrollama', 'd3-geo', 'topojson-client']) {
    assert.match(readFileSync(join(dir, 'THIRD-PARTY-NOTICES.md'), 'utf8'), new RegExp(`^## ${name} `, 'm'), `${name}'s licence is in the notices`);
  }
  const esm = walk(join(dir, 'dist/esm')).filter((f) => f.endsWith('.js'));
  sizes.esmFiles = esm.length;
  sizes.esmTotal = gz(Buffer.concat(esm.map((f) => readFileSync(f))));
});

const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', lib: ['ES2022', 'DOM', 'DOM.Iterable'],
    strict: true, skipLibCheck: false, noEmit: true, jsx: 'react-jsx', types: [],
  },
};

test('TypeScript (skipLibCheck: false): the elements, the validator, the IIFE and the typed events type-check', () => {
  const types = walk(join(installed(), 'dist/types')).filter((f) => f.endsWith('.d.ts')).map((f) => readFileSync(f, 'utf8')).join('\n');
  const typedEvents = /interface HTMLElementEventMap/.test(types) && types.includes("'sard-step-enter'");
  const files = ['src/app.ts', 'src/iife.ts'];
  writeFileSync(join(consumer, 'src/app.ts'), `
import 'sard';
import { SardStory, SardMap, formatNumber } from 'sard';
import { defineElements, SardCounter } from 'sard/elements';
import { validateEventFile, parseEventFile, formatProblem, loadStory, type Problem, type EventFile } from 'sard/validate';

const story: SardStory | null = document.querySelector('sard-story');
const map: SardMap | null = document.querySelector('sard-map');
const counter: typeof SardCounter = SardCounter;
defineElements();
const { doc, problems } = parseEventFile('{}', 'x.events.json');
const all: Problem[] = [...problems, ...validateEventFile(doc, 'x.events.json', null)];
const lines: string[] = all.map(formatProblem);
const file: EventFile | null = (await loadStory('{}', 'inline', location.href, async () => '')).file;
export { story, map, counter, lines, file, formatNumber };
`);
  writeFileSync(join(consumer, 'src/iife.ts'), `
import 'sard/iife';
import 'sard/embed';
const Story: typeof window.Sard.SardStory = Sard.SardStory;
export { Story };
`);
  if (typedEvents) {
    files.push('src/events.ts');
    writeFileSync(join(consumer, 'src/events.ts'), `
import 'sard';
const story = document.querySelector('sard-story')!;
story.addEventListener('sard-step-enter', (e) => { const detail: object = e.detail; console.log(detail); });
document.addEventListener('sard-step-enter', (e) => { const detail: object = e.detail; console.log(detail); });
`);
  } else console.log('# typed events: the package declares no HTMLElementEventMap entries yet (the types helper adds them); not checked');
  writeFileSync(join(consumer, 'tsconfig.json'), JSON.stringify({ ...TSCONFIG, files }, null, 2));
  run(process.execPath, [TSC, '-p', 'tsconfig.json'], consumer);
});

test('TypeScript with Node16 resolution: `sard/validate` and `sard` type-check for Node code', () => {
  writeFileSync(join(consumer, 'src/node.mts'), `
import { validateEventFile, type Problem } from 'sard/validate';
import { SardStory } from 'sard';
const problems: Problem[] = validateEventFile({}, 'x', null);
export { problems, SardStory };
`);
  writeFileSync(join(consumer, 'tsconfig.node.json'), JSON.stringify({
    compilerOptions: { ...TSCONFIG.compilerOptions, module: 'Node16', moduleResolution: 'Node16' }, files: ['src/node.mts'],
  }, null, 2));
  run(process.execPath, [TSC, '-p', 'tsconfig.node.json'], consumer);
});

test('React 19 TSX: <sard-story> and friends type-check', () => {
  // Through the export a React project names once (scripts/build-framework-types.js writes it from the manifest).
  assert.ok(pkgJson.exports['./jsx-react'], 'package.json exports sard/jsx-react');
  assert.ok(existsSync(join(installed(), 'dist/types/jsx-react.d.ts')), 'the React JSX types are in the package');
  writeFileSync(join(consumer, 'src/app.tsx'), `
import 'sard';
import type {} from 'sard/jsx-react';
export function App() {
  return (
    <sard-story src="story.events.json">
      <div slot="graphic"><sard-date></sard-date><sard-counter counter="killed"></sard-counter><sard-map></sard-map><sard-legend></sard-legend></div>
      <sard-step event="first"><p>…</p></sard-step>
      <sard-sources></sard-sources>
    </sard-story>
  );
}
`);
  writeFileSync(join(consumer, 'tsconfig.react.json'), JSON.stringify({ ...TSCONFIG, files: ['src/app.tsx'] }, null, 2));
  run(process.execPath, [TSC, '-p', 'tsconfig.react.json'], consumer);
});

/** Builds one entry with Vite (the consumer's own resolution: browser conditions, production); returns its output and the Lit files it bundled. */
async function viteBuild(name, source) {
  const { build } = await import('vite');
  writeFileSync(join(consumer, `src/${name}.ts`), source);
  const lit = new Set();
  const outDir = join(consumer, 'out', name);
  await build({
    root: consumer, configFile: false, logLevel: 'silent', mode: 'production',
    build: { outDir, emptyOutDir: true, modulePreload: false, rolldownOptions: { input: join(consumer, `src/${name}.ts`) } },
    plugins: [{ name: 'record-lit', load(id) { if (/[\\/](lit-html|lit-element|@lit[\\/]reactive-element)[\\/]/.test(id)) lit.add(id); return null; } }],
  });
  const code = walk(outDir).filter((f) => f.endsWith('.js')).map((f) => readFileSync(f, 'utf8')).join('\n');
  return { code, gzip: gz(Buffer.from(code)), litDirs: new Set([...lit].map((id) => id.replace(/[\\/](lit-html|lit-element|reactive-element)[\\/].*$/, '/$1'))) };
}

// lit-html's `$lit$` (the suffix of a bound attribute's name) is a string literal in every build of it,
// minified or not (dist/sard.js too): one per copy of Lit.
const litCopies = (code) => code.split('$lit$').length - 1;

test('Vite: an app with its own Lit ships one copy of it; the validator alone is small and registers nothing', async () => {
  const withLit = await viteBuild('with-lit', `
import { LitElement, html } from 'lit';
import 'sard';
class AppShell extends LitElement { override render() { return html\`<slot></slot>\`; } }
customElements.define('app-shell', AppShell);
`);
  assert.equal(litCopies(withLit.code), 1, 'one copy of lit-html in the app');
  assert.equal(withLit.litDirs.size, 3, `Lit read from one place: ${[...withLit.litDirs].join(', ')}`);
  assert.match(withLit.code, /sard-story/);

  const kitOnly = await viteBuild('kit-only', `import 'sard';\n`);
  assert.equal(litCopies(kitOnly.code), 1);
  // The registering modules are kept although nothing is imported from them (package.json sideEffects).
  for (const tag of ['sard-story', 'sard-step', 'sard-map', 'sard-counter', 'sard-date', 'sard-legend', 'sard-sources']) assert.match(kitOnly.code, new RegExp(`[\\w$]+\\(["'\\x60]${tag}["'\\x60],`), `${tag} is registered (defineOnce(tag, …))`);
  assert.match(kitOnly.code, /customElements\.define/);

  const validator = await viteBuild('validator', `
import { validateEventFile } from 'sard/validate';
console.log(validateEventFile(JSON.parse(document.body.textContent ?? '{}'), 'x', null));
`);
  assert.equal(litCopies(validator.code), 0, 'no Lit in the validator');
  assert.doesNotMatch(validator.code, /customElements/, 'the validator registers nothing');

  // sideEffects: what a module of sard/elements does not use is dropped, the element classes (and Lit) too.
  const formatOnly = await viteBuild('format-only', `
import { formatNumber } from 'sard/elements';
console.log(formatNumber('en', 350000));
`);
  assert.equal(litCopies(formatOnly.code), 0, 'importing one function of sard/elements brings no element and no Lit');
  assert.doesNotMatch(formatOnly.code, /customElements/);

  // For comparison: the self-contained bundle next to the app's own Lit (what issue 20 measured).
  const twoCopies = await viteBuild('bundle-and-lit', `
import { LitElement, html } from 'lit';
import 'sard/bundle';
class AppShell extends LitElement { override render() { return html\`<slot></slot>\`; } }
customElements.define('app-shell', AppShell);
`);
  assert.equal(litCopies(twoCopies.code), 2, 'the self-contained bundle carries its own Lit (the control)');
  Object.assign(sizes, { viteWithOwnLit: withLit.gzip, viteKitOnly: kitOnly.gzip, viteValidatorOnly: validator.gzip, viteOneFunctionOfElements: formatOnly.gzip, viteBundlePlusOwnLit: twoCopies.gzip });
});

const EVENT_FILE = join(root, 'data/aleppo-2016.en.events.json');

test('Node: `sard/validate` imports and validates; `sard` imports without a DOM', () => {
  const script = `
import { readFile } from 'node:fs/promises';
import { loadStory, validateEventFile, formatProblem } from 'sard/validate';
const url = ${JSON.stringify(new URL(`file://${EVENT_FILE}`).href)};
const loaded = await loadStory(null, url, url, async (u) => readFile(new URL(u), 'utf8'));
const bad = validateEventFile({ locale: 'en', events: 'no' }, 'bad.events.json', null);
const sard = await import('sard');
console.log(JSON.stringify({ errors: loaded.problems.filter((p) => p.level === 'error').map(formatProblem), events: loaded.file?.events.length, bad: bad.length, classes: typeof sard.SardStory }));
`;
  const r = run(process.execPath, ['--input-type=module', '-e', script], consumer);
  const out = JSON.parse(r.stdout.trim().split('\n').at(-1));
  assert.deepEqual(out.errors, []);
  assert.ok(out.events > 0);
  assert.ok(out.bad > 0, 'a broken file has problems');
  assert.equal(out.classes, 'function');
});

test('CLI: `npx sard --version`, `npx sard validate`, `npx sard embed`', () => {
  assert.equal(run('npx', ['--no', '--', 'sard', '--version'], consumer).stdout.trim(), pkgJson.version);
  assert.equal(run('npx', ['--no', '--', 'sard', '-v'], consumer).stdout.trim(), pkgJson.version);
  const ok = run('npx', ['--no', '--', 'sard', 'validate', EVENT_FILE], consumer);
  assert.match(ok.stdout, /0 error\(s\)/);
  writeFileSync(join(consumer, 'bad.events.json'), '{"events": 3}');
  const bad = run('npx', ['--no', '--', 'sard', 'validate', 'bad.events.json'], consumer, { allowFail: true });
  assert.equal(bad.status, 1, bad.stdout + bad.stderr);
  mkdirSync(join(consumer, 'stories'));
  writeFileSync(join(consumer, 'stories/one.html'), '<!doctype html><html lang="en"><title>One</title><sard-story src="../one.events.json"><sard-step event="a"><p>A</p></sard-step></sard-story></html>');
  const embed = run('npx', ['--no', '--', 'sard', 'embed', 'stories', 'public/embed'], consumer);
  assert.match(embed.stdout, /1 page\(s\)/);
  assert.match(readFileSync(join(consumer, 'public/embed/one.html'), 'utf8'), /src="\.\.\/\.\.\/one\.events\.json"/);
});

test('publint and @arethetypeswrong/cli find nothing wrong with the tarball', () => {
  const lint = run(process.execPath, [bin('publint', 'src/cli.js'), 'run', tarball, '--strict'], root, { allowFail: true });
  assert.equal(lint.status, 0, lint.stdout + lint.stderr);
  assert.match(lint.stdout, /All good/, lint.stdout);
  // esm-only: the package is ES modules only (`require('sard')` works only where Node can require ES modules),
  // so the CommonJS resolutions (node10, node16 from CJS) are not checked. Every other rule is.
  const attw = run(process.execPath, [bin('@arethetypeswrong/cli', 'dist/index.js'), tarball, '--profile', 'esm-only', '--format', 'json'], root, { allowFail: true });
  const report = JSON.parse(attw.stdout);
  // The JSON lists every problem found, the profile's ignored resolutions too: leave those out here.
  const problems = Object.values(report.problems ?? {}).flat().filter((p) => !['node10', 'node16-cjs'].includes(p.resolutionKind));
  assert.deepEqual(problems, []);
  assert.equal(attw.status, 0, attw.stderr);
});
