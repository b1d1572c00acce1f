// The `sard validate` command, and the run-time schema checker cross-checked
// against Ajv (a full JSON Schema implementation) on many documents.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { pathToFileURL, fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { checkShape } from '../../dist/cli.js';
import { isStoryPage } from '../../scripts/story-pages.js';

const run = promisify(execFile);
const bin = fileURLToPath(new URL('../../bin/sard.js', import.meta.url));
const root = fileURLToPath(new URL('../../', import.meta.url));

async function sard(...args) {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (err) {
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

test('every event file in data/ validates with no error and no warning', async () => {
  const files = readdirSync(join(root, 'data')).filter((f) => f.endsWith('.events.json')).map((f) => join('data', f));
  assert.ok(files.length >= 1);
  const { code, stdout } = await sard('validate', ...files);
  assert.equal(code, 0, stdout);
  assert.match(stdout, /0 error\(s\), 0 warning\(s\)/);
});

test('every story page in stories/ validates: its event file and the events its steps name', async () => {
  const pages = readdirSync(join(root, 'stories')).filter(isStoryPage).map((f) => join('stories', f));
  assert.ok(pages.length >= 1);
  const { code, stdout } = await sard('validate', ...pages);
  assert.equal(code, 0, stdout);
  assert.match(stdout, /0 error\(s\), 0 warning\(s\)/);
});

test('a page whose step names an unknown event fails, naming the page and the step', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sard-'));
  const events = join(root, 'src/test-support/fixtures/basic.events.json');
  const page = join(dir, 'story.html');
  writeFileSync(page, `<!doctype html><sard-story src="${pathToFileURL(events).href}">
    <!-- <sard-step event="commented-out"> is ignored -->
    <sard-step event="e0"><p>a</p></sard-step><sard-step><p>b</p></sard-step><sard-step event='e7'><p>c</p></sard-step>
  </sard-story>`);
  const { code, stdout } = await sard('validate', page);
  assert.equal(code, 1, stdout);
  assert.match(stdout, /^error: .*story\.html: steps\[2\]\.event: unknown event "e7" \(known: e0, e1, e2, e3, e4, e5\)$/m);
  assert.doesNotMatch(stdout, /commented-out/);
});

test('a page whose counter names no counter of the file fails (in the browser it would only show a dash)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sard-'));
  const events = join(root, 'src/test-support/fixtures/basic.events.json');
  const page = join(dir, 'story.html');
  writeFileSync(page, `<!doctype html><sard-story src="${pathToFileURL(events).href}">
    <div slot="graphic"><sard-counter counter="people"></sard-counter><sard-counter counter="peple"></sard-counter><sard-counter></sard-counter></div>
    <sard-step event="e0"><p>a</p></sard-step>
  </sard-story>`);
  const { code, stdout } = await sard('validate', page);
  assert.equal(code, 1, stdout);
  assert.match(stdout, /^error: .*story\.html: counters\[1\]\.counter: unknown counter "peple" \(known: /m);
  assert.match(stdout, /^error: .*story\.html: counters\[2\]\.counter: <sard-counter> without a counter attribute$/m);
  assert.doesNotMatch(stdout, /counters\[0\]/);
});

test('a page in the plain-HTML form is checked too: its data-src file and the events its sections name', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sard-'));
  const events = join(root, 'src/test-support/fixtures/basic.events.json');
  const page = join(dir, 'plain.html');
  writeFileSync(page, `<!doctype html><div data-sard-story data-src="${pathToFileURL(events).href}">
    <section data-event="e0" data-note="x > y"><p>a</p></section><section data-event="e9"><p>b</p></section>
  </div>
  <div data-sard-story><section data-event="e0"></section></div>`);
  const { code, stdout } = await sard('validate', page);
  assert.equal(code, 1, stdout);
  assert.match(stdout, /^error: .*plain\.html: stories\[0\]\.steps\[1\]\.event: unknown event "e9" \(known: e0, /m);
  assert.match(stdout, /^error: .*plain\.html: stories\[1\]: a data-sard-story block without data-src$/m);
  assert.match(stdout, /2 error\(s\), 0 warning\(s\)/);
});

test('--help prints the usage and exits 0', async () => {
  const { code, stdout } = await sard('validate', '--help');
  assert.equal(code, 0);
  assert.match(stdout, /^usage: sard validate/);
});

test('the test fixture validates, topology included', async () => {
  const { code, stdout } = await sard('validate', 'src/test-support/fixtures/basic.events.json');
  assert.equal(code, 0, stdout);
});

test('errors exit 1 and name the file and the JSON path', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sard-'));
  const doc = JSON.parse(readFileSync(join(root, 'src/test-support/fixtures/basic.events.json'), 'utf8'));
  doc.map.topology = join(root, 'src/test-support/fixtures/grid.topo.json');
  doc.events[4].control = { nw: 'regim' };
  doc.events[1].date = '2016-07-01';
  const file = join(dir, 'bad.events.json');
  writeFileSync(file, JSON.stringify(doc));
  const { code, stdout } = await sard('validate', file);
  assert.equal(code, 1);
  assert.match(stdout, /^error: .*bad\.events\.json: events\[4\]\.control\.nw: unknown state "regim" \(known: red, green\)$/m);
  assert.match(stdout, /^warning: .*bad\.events\.json: events\[1\]\.date: date 2016-07-01 is earlier/m);

  const json = await sard('validate', '--json', file);
  const problems = JSON.parse(json.stdout);
  assert.ok(problems.some((p) => p.level === 'error' && p.path === 'events[4].control.nw'));
});

test('not JSON and a missing file are errors too; no arguments is a usage error', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sard-'));
  const file = join(dir, 'broken.events.json');
  writeFileSync(file, '{ "version": 1,');
  assert.match((await sard('validate', file)).stdout, /broken\.events\.json: not JSON/);
  assert.equal((await sard('validate', join(dir, 'none.json'))).code, 1);
  const usage = await sard();
  assert.equal(usage.code, 2);
  assert.match(usage.stderr, /usage: sard validate/);
});

test('the run-time schema checker agrees with Ajv on valid and invalid documents', () => {
  const schema = JSON.parse(readFileSync(join(root, 'schema/event-file.schema.json'), 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(schema);
  const base = JSON.parse(readFileSync(join(root, 'src/test-support/fixtures/basic.events.json'), 'utf8'));
  const mutations = [
    (d) => d,
    (d) => (d.version = 2),
    (d) => (d.version = '1'),
    (d) => delete d.locale,
    (d) => (d.locale = 'x'),
    (d) => (d.events = {}),
    (d) => (d.events[0].date = '2016-7-1'),
    (d) => (d.events[0].date = { start: '2016-07-01' }),
    (d) => (d.events[0].date = { start: '2016-07-01', end: '2016-07-02', extra: 1 }),
    (d) => (d.events[0].view = [1, 2, 3]),
    (d) => (d.events[0].view = [1, 2, 3, '4']),
    (d) => (d.events[0].view = { areas: ['a'], points: ['b'] }),
    (d) => (d.events[0].view = { points: [] }),
    (d) => (d.events[0].counters = { people: null }),
    (d) => (d.events[0].counters = { people: '1' }),
    (d) => (d.events[0].show = 'ring-road'),
    (d) => (d.events[0].extra = true),
    (d) => (d.counters.days.derive = { daysSince: '2016-07-17', count: 'red' }),
    (d) => (d.counters.days.derive = { sum: 'red' }),
    (d) => (d.states.red = { label: 'x' }),
    (d) => (d.states.red.color = ''),
    (d) => (d.map.topology = { type: 'Topology', objects: {}, arcs: [] }),
    (d) => (d.map.topology = { type: 'Feature' }),
    (d) => (d.map.topology = 42),
    (d) => delete d.map.areas,
    (d) => (d.map.base = 'land'),
    (d) => (d.initial.visible = [1]),
    (d) => (d.initial.control = { nw: 3 }),
    (d) => (d.sources.a = { file: 'a.txt' }),
    (d) => (d.events[0].id = ''),
    (d) => (d.events[0].id = '   '),
    (d) => (d.title = ['t']),
    (d) => (d.$schema = './schema/event-file.schema.json'),
  ];
  const disagreements = [];
  mutations.forEach((mutate, i) => {
    const doc = structuredClone(base);
    mutate(doc);
    const ours = checkShape(doc, 'x.json');
    const theirs = validate(doc);
    if ((ours.length === 0) !== theirs) disagreements.push(`mutation ${i}: ajv ${theirs}, ours ${JSON.stringify(ours)}`);
  });
  assert.deepEqual(disagreements, []);
});
