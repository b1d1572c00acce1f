// Checks for the gallery's named world topology (stories/elements/data/countries-110m.names.topo.json)
// and its build (data/build/build-country-names.js). Plain node:test, no browser: node --test test/node/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BUILD = join(ROOT, 'data/build/build-country-names.js');
const NAMED_PATH = join(ROOT, 'stories/elements/data/countries-110m.names.topo.json');
const ATLAS_PATH = join(ROOT, 'node_modules/world-atlas/countries-110m.json');
const ISO_FILE = '/usr/share/iso-codes/json/iso_3166-1.json';
const named = JSON.parse(readFileSync(NAMED_PATH, 'utf8'));
const atlas = JSON.parse(readFileSync(ATLAS_PATH, 'utf8'));

/** Why the rebuild cannot be compared byte for byte here, or null. */
function cannotRebuild() {
  if (!existsSync(ISO_FILE)) return `${ISO_FILE} is missing (Debian's iso-codes package): the build needs it`;
  const { icu, cldr } = named.provenance ?? {};
  if (icu !== process.versions.icu || cldr !== process.versions.cldr)
    return `the committed file was built with ICU ${icu}, CLDR ${cldr}; this Node has ICU ${process.versions.icu}, CLDR ${process.versions.cldr}, whose names may differ (run npm run data:names and read the changes)`;
  return null;
}

test('the build is deterministic and matches the committed file', (t) => {
  const why = cannotRebuild();
  if (why) return t.skip(why);
  const dir = mkdtempSync(join(tmpdir(), 'sard-names-'));
  try {
    const out = join(dir, 'countries-110m.names.topo.json');
    const res = spawnSync(process.execPath, [BUILD, out], { encoding: 'utf8' });
    assert.equal(res.status, 0, res.stderr);
    assert.match(res.stdout, /kept only `name`: N\. Cyprus \(no id\)/, 'the build prints the features it could not name');
    assert.ok(readFileSync(out).equals(readFileSync(NAMED_PATH)), 'rebuild differs from stories/elements/data/countries-110m.names.topo.json: run `npm run data:names`');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the build stops with a clear message when the iso-codes file is missing', async () => {
  const { build } = await import('../../data/build/build-country-names.js');
  assert.throws(() => build({ isoFile: join(tmpdir(), 'no-such-dir', 'iso_3166-1.json') }), /iso_3166-1\.json is missing.*iso-codes/);
});

test('geometry, ids and English names are world-atlas\'s, unchanged', () => {
  assert.deepEqual(named.arcs, atlas.arcs);
  assert.deepEqual(named.transform, atlas.transform);
  assert.deepEqual(named.bbox, atlas.bbox);
  assert.deepEqual(named.objects.land, atlas.objects.land);
  const ours = named.objects.countries.geometries;
  const theirs = atlas.objects.countries.geometries;
  assert.equal(ours.length, theirs.length);
  ours.forEach((g, i) => {
    const { properties: p, ...shape } = g;
    const { properties: q, ...original } = theirs[i];
    assert.deepEqual(shape, original, `feature ${i} (${q.name}): shape or id changed`);
    assert.equal(p.name, q.name, `feature ${i}: English name changed`);
  });
});

test('every feature with an ISO id has fa, he and ar names; the others keep only `name`', () => {
  const unnamed = [];
  for (const g of named.objects.countries.geometries) {
    const keys = Object.keys(g.properties);
    if (g.id == null) {
      assert.deepEqual(keys, ['name'], `${g.properties.name}: no id, so only its English name`);
      unnamed.push(`${g.properties.name} (no id)`);
      continue;
    }
    assert.deepEqual(keys, ['name', 'name:fa', 'name:he', 'name:ar'], `${g.id} ${g.properties.name}`);
    for (const k of keys) assert.ok(g.properties[k].trim(), `${g.id}: empty ${k}`);
    assert.match(g.properties['name:fa'], /[\u0600-\u06FF]/, `${g.id}: name:fa is not in Arabic script`);
    assert.match(g.properties['name:ar'], /[\u0600-\u06FF]/, `${g.id}: name:ar is not in Arabic script`);
    assert.match(g.properties['name:he'], /[\u0590-\u05FF]/, `${g.id}: name:he is not in Hebrew script`);
  }
  assert.deepEqual(named.provenance.unnamed, unnamed, 'provenance lists the unnamed features');
  assert.match(named.provenance.icu, /^\d+\.\d+/);
  assert.match(named.provenance.cldr, /^\d+/);
  assert.match(named.provenance.geometry, /Natural Earth.*world-atlas 2\.0\.2/);
});

test('the countries of the Persian and Hebrew gallery stories carry their names', () => {
  const byId = new Map(named.objects.countries.geometries.map((g) => [g.id, g.properties]));
  const want = {
    364: ['Iran', 'ایران', 'איראן'],
    '031': ['Azerbaijan', 'جمهوری آذربایجان', 'אזרבייג׳ן'],
    643: ['Russia', 'روسیه', 'רוסיה'],
    398: ['Kazakhstan', 'قزاقستان', 'קזחסטן'],
    795: ['Turkmenistan', 'ترکمنستان', 'טורקמניסטן'],
    208: ['Denmark', 'دانمارک', 'דנמרק'],
    246: ['Finland', 'فنلاند', 'פינלנד'],
    352: ['Iceland', 'ایسلند', 'איסלנד'],
    578: ['Norway', 'نروژ', 'נורווגיה'],
    752: ['Sweden', 'سوئد', 'שוודיה'],
  };
  for (const [id, [en, fa, he]] of Object.entries(want)) {
    const p = byId.get(id);
    assert.ok(p, `no feature ${id}`);
    assert.equal(p.name, en);
    // The spellings are CLDR 48's; another CLDR may change them.
    if (named.provenance.cldr === '48.0') {
      assert.equal(p['name:fa'], fa, `${id} name:fa`);
      assert.equal(p['name:he'], he, `${id} name:he`);
    }
  }
});
