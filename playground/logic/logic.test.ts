import { expect } from '@open-wc/testing';
import { parser } from '@lezer/json';
import { locate, parsePath, cursorPlace } from './json-locate.js';
import { describe as describeAt, keySuggestions, idSuggestions, storyIds } from './schema-help.js';
import { csvToFeatures, importGeography, pruneToGeography, slug } from './geo-import.js';
import { decodeDraft, encodeDraft, plainForm } from './export.js';
import { sanitizeStoryMarkup } from './sanitize.js';
// The schema as the playground gets it (its bundle imports the file; here, as any page would read it).
const schema = (await (await fetch('/schema/event-file.schema.json')).json()) as object;

const FILE = `{
  "version": 1,
  "states": { "a": { "label": "A", "color": "#000" } },
  "events": [
    { "id": "one", "date": "2020-01-01", "control": { "north": "a" } },
    { "id": "two", "date": "2020-01-02", "control": { "south": "b", "east": "a" }, "view": { "areas": ["north"] } }
  ]
}`;

describe('playground: JSON paths to places in the text', () => {
  const tree = parser.parse(FILE);
  it('reads the kit\'s paths back', () => {
    expect(parsePath('events[4].control.bani-zaid')).to.deep.equal(['events', 4, 'control', 'bani-zaid']);
    expect(parsePath('')).to.deep.equal([]);
  });
  it('marks a key and its small value, on the line the author wrote it', () => {
    const at = locate(tree, FILE, parsePath('events[1].control.south'));
    expect(FILE.slice(at.from, at.to)).to.equal('"south": "b"');
    expect(at.exact).to.equal(true);
  });
  it('marks only the key of an object value, and the deepest part found of a path not written', () => {
    const view = locate(tree, FILE, ['events', 1, 'view']);
    expect(FILE.slice(view.from, view.to)).to.equal('"view"');
    const missing = locate(tree, FILE, ['events', 1, 'control', 'west']);
    expect(missing.exact).to.equal(false);
    expect(FILE.slice(missing.from, missing.to)).to.equal('"control"');
  });
  it('knows where the cursor is: on a key of `control`, or in a state value', () => {
    const key = cursorPlace(tree, FILE, FILE.indexOf('"south"') + 2)!;
    expect(key).to.include({ atKey: true });
    expect(key.path).to.deep.equal(['events', 1, 'control']);
    expect(key.written).to.deep.equal(['east']);
    const value = cursorPlace(tree, FILE, FILE.indexOf('"b"') + 1)!;
    expect(value).to.include({ atKey: false });
    expect(value.path).to.deep.equal(['events', 1, 'control', 'south']);
  });
});

describe('playground: completion and help from the schema and the story', () => {
  const topology = { type: 'Topology', objects: { cells: { type: 'GeometryCollection', geometries: [{ type: 'Polygon', arcs: [], id: 'north', properties: { name: 'الشمال' } }, { type: 'Polygon', arcs: [], id: 'south' }] } } };
  const ids = storyIds({ ...JSON.parse(FILE), map: { areas: 'cells' } }, topology);
  it('offers an event\'s keys that are not written yet, with the schema\'s words', () => {
    const keys = keySuggestions(schema, ['events', 0], ['id', 'date']).map((s) => s.label);
    expect(keys).to.include.members(['control', 'view', 'show', 'circa', 'sources', 'note']);
    expect(keys).not.to.include('id');
    expect(describeAt(schema, ['events', 0, 'circa'])).to.match(/approximate/);
  });
  it('offers area ids as control keys (with their names) and state ids as values', () => {
    const areas = idSuggestions(ids, ['events', 0, 'control'], true);
    expect(areas.map((s) => s.label)).to.deep.equal(['north', 'south']);
    expect(areas[0]!.detail).to.equal('area: الشمال');
    expect(idSuggestions(ids, ['events', 0, 'control', 'north'], false).map((s) => s.label)).to.deep.equal(['a']);
    expect(idSuggestions(ids, ['events', 0, 'view', 'areas', 0], false).map((s) => s.label)).to.deep.equal(['north', 'south']);
  });
});

describe('playground: geography in', () => {
  it('reads a CSV of points (quoted fields, any column order) and says which line is wrong', () => {
    const points = csvToFeatures('name,lon,lat\n"Aleppo, citadel",37.1625,36.1994\nIdlib,36.63,35.93\n');
    expect(points.map((p) => p.geometry)).to.deep.equal([
      { type: 'Point', coordinates: [37.1625, 36.1994] },
      { type: 'Point', coordinates: [36.63, 35.93] },
    ]);
    expect(points[0]!.properties).to.deep.equal({ name: 'Aleppo, citadel' });
    expect(() => csvToFeatures('name,lat,lon\nx,91,10\n')).to.throw(/line 2/);
    expect(() => csvToFeatures('name,x1\n')).to.throw(/no latitude and longitude/);
  });
  it('turns GeoJSON into a topology with ids from names, and adds a CSV of points to the current map', () => {
    const square = (x: number) => ({ type: 'Polygon', coordinates: [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]] });
    const geo = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'Bab al-Nasr' }, geometry: square(0) }, { type: 'Feature', properties: { name: 'Bab al-Nasr' }, geometry: square(1) }] };
    const first = importGeography('gates.geojson', JSON.stringify(geo), null);
    expect(first.map).to.deep.equal({ areas: 'areas' });
    expect(first.newAreas).to.equal(true);
    expect((first.topology.objects.areas as { geometries: { id: string }[] }).geometries.map((g) => g.id)).to.deep.equal(['bab-al-nasr', 'bab-al-nasr-2']);
    const more = importGeography('towns.csv', 'id,lat,lon\nx,0.5,0.5\n', first.topology);
    expect(more.newAreas).to.equal(false);
    expect(more.map).to.deep.equal({ points: 'points' });
    expect(Object.keys(more.topology.objects).sort()).to.deep.equal(['areas', 'points']);
    expect(slug('  Sheikh Maqsoud (east) ')).to.equal('sheikh-maqsoud-east');
    expect(slug('الشيخ مقصود')).to.equal('الشيخ-مقصود');
  });
  it('takes out of the events the places a new map lacks, and says which', () => {
    const doc = JSON.parse(FILE);
    const removed = pruneToGeography(doc, { areas: new Set(['north']), others: new Set() });
    expect(removed.sort()).to.deep.equal(['east', 'south']);
    expect(doc.events[1].control).to.deep.equal({});
    expect(doc.events[1].view).to.deep.equal({ areas: ['north'] });
  });
});

describe('playground: out', () => {
  it('writes the plain-HTML form: the story\'s attributes as data-*, each step a section, no graphic', () => {
    const doc = new DOMParser().parseFromString('<sard-story src="x.events.json" cite layout="stacked"><div slot="graphic"><sard-map></sard-map></div><sard-step event="one" id="s1"><h2>عنوان</h2><p>نص</p></sard-step></sard-story>', 'text/html');
    const out = plainForm(doc.querySelector('sard-story')!, 'my.events.json');
    const div = new DOMParser().parseFromString(out, 'text/html').querySelector('div')!;
    expect(div.getAttribute('data-src')).to.equal('my.events.json');
    expect(div.hasAttribute('data-cite') && div.getAttribute('data-layout')).to.equal('stacked');
    expect(div.querySelector('sard-map')).to.equal(null);
    const section = div.querySelector('section[data-event="one"]')!;
    expect(section.id).to.equal('s1');
    expect(section.querySelector('h2')!.textContent).to.equal('عنوان');
  });
  it('carries a draft in a link and back, byte for byte', async () => {
    const draft = { events: FILE, html: '<sard-story src="x.events.json"><sard-step event="one">«نص»</sard-step></sard-story>', topology: { name: 'a.topo.json', url: 'https://example.org/a.topo.json' } };
    const encoded = await encodeDraft(draft);
    expect(encoded).to.match(/^[\w-]+$/);
    expect(await decodeDraft(encoded)).to.deep.equal(draft);
    let failed = false;
    await decodeDraft('not-a-draft').catch(() => (failed = true));
    expect(failed).to.equal(true);
  });
  it('shows a shared draft without running it: scripts, handlers and javascript: URLs go', () => {
    const doc = new DOMParser().parseFromString('<sard-story><script>alert(1)</script><sard-step event="a" onclick="alert(2)"><a href=" javascript:alert(3)">x</a><img src="data:image/png;base64,AA=="><iframe srcdoc="x"></iframe></sard-step></sard-story>', 'text/html');
    sanitizeStoryMarkup(doc.body);
    expect(doc.querySelector('script, iframe')).to.equal(null);
    expect(doc.querySelector('sard-step')!.hasAttribute('onclick')).to.equal(false);
    expect(doc.querySelector('a')!.hasAttribute('href')).to.equal(false);
    expect(doc.querySelector('img')!.getAttribute('src')).to.match(/^data:image/);
  });
});
