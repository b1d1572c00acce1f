import { expect } from '@open-wc/testing';
import { loadStory } from '../story/load.js';
import { checkStepEvents } from './references.js';
import { formatProblem } from './json-path.js';
import { SUPPORTED_KEYWORDS } from './schema-check.js';
import { basicWithInlineTopology, FIXTURES, fixtureJson } from '../../test-support/fixtures.js';
import type { EventFile, Problem } from '../story/types.js';

const FILE = 'https://news.example/stories/test.events.json';
const readText = async (url: string) => {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.text();
};

/** Problems of the basic fixture after `mutate`. */
async function problemsAfter(mutate: (file: any) => void): Promise<Problem[]> {
  const file = await basicWithInlineTopology();
  mutate(file);
  return (await loadStory(JSON.stringify(file), FILE, FILE, readText)).problems;
}

function expectOne(problems: Problem[], level: Problem['level'], path: string, message: RegExp | string) {
  const matching = problems.filter((p) => p.level === level && p.path === path);
  expect(matching, `${level} at ${path} in ${JSON.stringify(problems)}`).to.have.length(1);
  if (typeof message === 'string') expect(matching[0]!.message).to.equal(message);
  else expect(matching[0]!.message).to.match(message);
  expect(matching[0]!.file).to.equal(FILE);
}

describe('validation', () => {
  it('accepts the basic fixture with no problem at all', async () => {
    expect(await problemsAfter(() => {})).to.deep.equal([]);
  });

  describe('errors', () => {
    it('not JSON', async () => {
      const { problems, file } = await loadStory('{ "version": 1,', FILE, FILE, readText);
      expect(file).to.equal(null);
      expect(problems).to.have.length(1);
      expect(problems[0]!.level).to.equal('error');
      expect(problems[0]!.message).to.match(/^not JSON: /);
    });

    it('an event file that cannot be fetched', async () => {
      const url = new URL('missing.events.json', FIXTURES).href;
      const { problems } = await loadStory(null, url, url, readText);
      expect(problems[0]).to.include({ level: 'error', file: url, path: '' });
      expect(problems[0]!.message).to.match(/could not load the event file \(HTTP 404/);
    });

    it('wrong version', async () => {
      expectOne(await problemsAfter((f) => (f.version = 2)), 'error', 'version', 'wrong version: this kit reads version 1, got 2');
    });

    it('plural forms without "other", a form that is not text, a label that is neither', async () => {
      expectOne(await problemsAfter((f) => (f.counters.days.label = { one: 'يوم', few: 'أيام' })), 'error', 'counters.days.label.other', 'is required but missing');
      expectOne(await problemsAfter((f) => (f.counters.days.label = { one: 1, other: 'أيام' })), 'error', 'counters.days.label.one', /^expected string/);
      expectOne(await problemsAfter((f) => (f.counters.days.label = 7)), 'error', 'counters.days.label', /^expected string or object/);
    });

    it('a missing required field', async () => {
      expectOne(await problemsAfter((f) => delete f.events[1].date), 'error', 'events[1].date', 'is required but missing');
    });

    it('an unknown key (a typo, or a field of a newer tool) is a warning: the file still reads', async () => {
      expectOne(await problemsAfter((f) => (f.events[0].contorl = {})), 'warning', 'events[0].contorl', /^unknown key "contorl" \(known: id, date, title, view, control,/);
    });

    it('a value of the wrong type', async () => {
      expectOne(await problemsAfter((f) => (f.events[0].counters.people = '300000')), 'error', 'events[0].counters.people', 'expected number or null or object, got string');
    });

    it('duplicate event id', async () => {
      expectOne(await problemsAfter((f) => (f.events[3].id = 'e1')), 'error', 'events[3].id', 'duplicate event id "e1" (first used at events[1])');
    });

    it('unknown area', async () => {
      expectOne(await problemsAfter((f) => (f.events[0].control = { nowhere: 'green' })), 'error', 'events[0].control.nowhere', 'unknown area "nowhere" (known: nw, ne, sw, se)');
    });

    it('unknown area in initial control and in a view', async () => {
      const problems = await problemsAfter((f) => {
        f.initial.control.ghost = 'red';
        f.events[1].view = { areas: ['nw', 'zz'] };
      });
      expectOne(problems, 'error', 'initial.control.ghost', /^unknown area "ghost"/);
      expectOne(problems, 'error', 'events[1].view.areas[1]', /^unknown area "zz"/);
    });

    it('unknown line or point', async () => {
      const problems = await problemsAfter((f) => {
        f.events[1].show = ['ring-road', 'ghost-road'];
        f.events[3].hide = ['nope'];
        f.initial.visible = ['nowhere'];
      });
      expectOne(problems, 'error', 'events[1].show[1]', 'unknown line or point "ghost-road" (known: ring-road, citadel, airport)');
      expectOne(problems, 'error', 'events[3].hide[0]', /^unknown line or point "nope"/);
      expectOne(problems, 'error', 'initial.visible[0]', /^unknown line or point "nowhere"/);
    });

    it('highlight may name an area as well as a line or point (the map outlines a highlighted area)', async () => {
      expect(await problemsAfter((f) => (f.events[1].highlight = ['nw', 'ring-road']))).to.deep.equal([]);
      expectOne(await problemsAfter((f) => (f.events[1].highlight = ['ghost'])), 'error', 'events[1].highlight[0]', /^unknown area, line or point "ghost" \(known: .*\bnw\b.*\bring-road\b/);
    });

    it('one problem, one message: a malformed locale is told once, not by the schema and again as BCP 47', async () => {
      const problems = await problemsAfter((f) => (f.locale = 'not a locale!'));
      expect(problems.map((p) => p.path)).to.deep.equal(['locale']);
    });

    it('unknown keys inside a view, a date range or a derive are warnings too; {areas, points} stays one form', async () => {
      const problems = await problemsAfter((f) => {
        f.events[1].view = { areas: ['nw'], pad: 20 };
        f.events[2].date = { start: '2016-07-31', end: '2016-08-06', approx: true };
      });
      expect(problems.map((p) => `${p.level} ${p.path}`)).to.deep.equal(['warning events[1].view.pad', 'warning events[2].date.approx']);
      expect(await problemsAfter((f) => (f.events[1].view = { areas: ['nw'], points: ['citadel'] }))).to.deep.equal([]);
    });

    it('a missing map.lines object silences only line and point ids: an area typo is still reported', async () => {
      const problems = await problemsAfter((f) => {
        f.map.lines = 'roadz';
        f.events[1].show = ['ring-road'];
        f.events[2].control = { nww: 'green' };
      });
      expect(problems.map((p) => `${p.level} ${p.path}`)).to.deep.equal(['error map.lines', 'error events[2].control.nww']);
    });

    it('a map naming a topology object that is not there is one error, not one more per area id', async () => {
      const problems = await problemsAfter((f) => (f.map.areas = 'neighbourhoodz'));
      expect(problems.map((p) => `${p.level} ${p.path}`)).to.deep.equal(['error map.areas']);
      expect(problems[0]!.message).to.match(/^no object "neighbourhoodz" in the topology/);
    });

    it('unknown point in a view', async () => {
      expectOne(await problemsAfter((f) => (f.events[5].view = { points: ['moon'] })), 'error', 'events[5].view.points[0]', /^unknown point "moon"/);
    });

    it('unknown state, with the message API.md shows', async () => {
      const problems = await problemsAfter((f) => (f.events[4].control.nw = 'regim'));
      expectOne(problems, 'error', 'events[4].control.nw', 'unknown state "regim" (known: red, green)');
      expect(formatProblem(problems[0]!)).to.equal('test.events.json: events[4].control.nw: unknown state "regim" (known: red, green)');
    });

    it('unknown state in a derived counter', async () => {
      expectOne(await problemsAfter((f) => (f.counters.held.derive.count = 'blue')), 'error', 'counters.held.derive.count', /^unknown state "blue"/);
    });

    it('unknown counter', async () => {
      expectOne(await problemsAfter((f) => (f.events[0].counters.ghosts = 1)), 'error', 'events[0].counters.ghosts', 'unknown counter "ghosts" (known: people, days, held, km2)');
    });

    it('an explicit value for a derived counter', async () => {
      expectOne(await problemsAfter((f) => (f.events[2].counters.days = 30)), 'error', 'events[2].counters.days', 'counter "days" is derived (daysSince) and cannot be given a value');
    });

    it('unknown source', async () => {
      expectOne(await problemsAfter((f) => (f.events[0].sources = ['zzz'])), 'error', 'events[0].sources[0]', 'unknown source "zzz" (known: a)');
    });

    it('malformed dates: shape, calendar day, range order', async () => {
      const problems = await problemsAfter((f) => {
        f.events[0].date = '2016-7-17';
        f.events[1].date = '2016-02-30';
        f.events[2].date = { start: '2016-08-06', end: '2016-07-31' };
        f.events[3].date = { start: '2016-08-07' };
      });
      expectOne(problems, 'error', 'events[0].date', /^malformed date: expected a day "YYYY-MM-DD", a month "YYYY-MM" or a range .*, got "2016-7-17"$/);
      expectOne(problems, 'error', 'events[1].date', 'malformed date: "2016-02-30" is not a calendar day');
      expectOne(problems, 'error', 'events[2].date', /^malformed date: the range ends \(2016-07-31\) before it starts/);
      expectOne(problems, 'error', 'events[3].date', /^malformed date: /);
    });

    it('months and approximate figures: a month that is none, an end month before its start, an approximate value of the wrong shape', async () => {
      const problems = await problemsAfter((f) => {
        f.events[0].date = '2016-13';
        f.events[1].date = { start: '2016-08', end: '2016-07' };
        f.events[2].counters = { people: { value: '6000', approx: true } };
        f.events[3].counters = { people: { approx: true } };
        f.events[4].circa = 'yes';
      });
      expectOne(problems, 'error', 'events[0].date', 'malformed date: "2016-13" is not a calendar month');
      expectOne(problems, 'error', 'events[1].date', /^malformed date: the range ends \(2016-07\) before it starts \(2016-08\)/);
      expectOne(problems, 'error', 'events[2].counters.people.value', /^expected number or null/);
      expectOne(problems, 'error', 'events[3].counters.people.value', 'is required but missing');
      expectOne(problems, 'error', 'events[4].circa', /^expected boolean/);
    });

    it('accepts months, month ends of ranges, circa, approximate values and the kit\'s words', async () => {
      const problems = await problemsAfter((f) => {
        f.events[0].date = '2016-07';
        f.events[0].circa = true;
        f.events[1].date = { start: '2016-07-20', end: '2016-07' };
        f.events[2].counters = { people: { value: 6000, approx: true } };
        f.strings = { about: 'c. ', failed: 'Not shown' };
      });
      expect(problems).to.deep.equal([]);
    });

    it('malformed views: shape and range', async () => {
      const problems = await problemsAfter((f) => {
        f.events[1].view = [37, 36, 38];
        f.events[3].view = [37, 36.5, 38, 36];
        f.map.view = [200, 0, 10, 10];
        f.events[5].view = [37.3, 36.1, 37.3, 36.3];
        // west > east is a view across 180° (API.md v1.1): no problem.
        f.events[4].view = [165, 50, -165, 72];
        f.events[2].view = [180, 36, -180, 37]; // the same meridian: no width
      });
      expectOne(problems, 'error', 'events[2].view', /west ≠ east/);
      expectOne(problems, 'error', 'events[5].view', /west ≠ east/);
      expect(problems.filter((p) => p.path === 'events[4].view')).to.deep.equal([]);
      expectOne(problems, 'error', 'events[1].view', /^malformed view: expected \[west, south, east, north\]/);
      expectOne(problems, 'error', 'events[3].view', /^malformed view: .*south < north/);
      expectOne(problems, 'error', 'map.view', /^malformed view/);
    });

    it('a view may name areas and points together, but not nothing', async () => {
      expect(await problemsAfter((f) => (f.events[1].view = { areas: ['nw'], points: ['airport'] }))).to.deep.equal([]);
      expectOne(await problemsAfter((f) => (f.events[1].view = {})), 'error', 'events[1].view', /^malformed view: .*or both \(ids in quotes\), got \{\}$/);
      expectOne(await problemsAfter((f) => (f.events[1].view = { areas: ['nw'], points: ['mars'] })), 'error', 'events[1].view.points[0]', /^unknown point "mars"/);
    });

    it('a state colour that is not a colour, or that would fetch a URL', async () => {
      expectOne(await problemsAfter((f) => (f.states.red.color = 'url(https://tracker.example/x.svg#p)')), 'error', 'states.red.color', /is not a colour/);
      expectOne(await problemsAfter((f) => (f.states.red.color = '#c0392')), 'error', 'states.red.color', /is not a colour/);
      expectOne(await problemsAfter((f) => (f.states.red.color = 'banana')), 'error', 'states.red.color', /is not a colour/);
      expectOne(await problemsAfter((f) => (f.states.red.color = 'rgb(from var(--x) r g b)')), 'error', 'states.red.color', /is not a colour/);
      for (const ok of ['#c0392b', '#abc', 'rgb(10 20 30 / 50%)', 'rgba(1, 2, 3, 0.5)', 'hsl(120deg 50% 40%)', 'oklch(60% 0.15 30)', 'teal']) {
        expect(await problemsAfter((f) => (f.states.red.color = ok)), ok).to.deep.equal([]);
      }
    });

    it('more control states than hatchings is a warning', async () => {
      const problems = await problemsAfter((f) => {
        for (let i = 0; i < 5; i++) f.states[`s${i}`] = { label: `S${i}`, color: '#123456' };
      });
      expectOne(problems, 'warning', 'states', /^7 control states: in forced-colours mode only 6 hatchings/);
    });

    it('a topology URL that is neither https: nor relative is not followed', async () => {
      for (const url of ['http://tracker.example/t.json', 'data:application/json,{}', 'javascript:alert(1)', '//evil.example/t.json', 'java\nscript:x']) {
        expectOne(await problemsAfter((f) => (f.map.topology = url)), 'error', 'map.topology', /^only https: and relative URLs are followed/);
      }
    });

    it('a topology object that does not exist', async () => {
      expectOne(await problemsAfter((f) => (f.map.lines = 'highways')), 'error', 'map.lines', 'no object "highways" in the topology (known: cells, roads, places, land)');
    });

    it('a bad arc index, named in the inline topology, without cascading errors', async () => {
      const problems = await problemsAfter((f) => (f.map.topology.objects.cells.geometries[2].arcs = [[17]]));
      expect(problems).to.deep.equal([
        { level: 'error', file: FILE, path: 'map.topology.objects.cells.geometries[2].arcs', message: 'arc index 17 out of range (the topology has 5 arcs)' },
      ]);
    });

    it('malformed geometries are reported, never thrown', async () => {
      const problems = await problemsAfter((f) => {
        f.map.topology.objects.cells.geometries[0].arcs = [[0.5]];
        delete f.map.topology.objects.cells.geometries[1].arcs;
        f.map.topology.objects.roads = { type: 'GeometryCollection' };
      });
      expectOne(problems, 'error', 'map.topology.objects.cells.geometries[0].arcs', /^arc index 0.5 out of range/);
      expectOne(problems, 'error', 'map.topology.objects.cells.geometries[1]', /^malformed geometry/);
      expectOne(problems, 'error', 'map.topology.objects.roads.geometries', 'expected an array of geometries');
    });

    it('names inherited from Object are not ids', async () => {
      const problems = await problemsAfter((f) => {
        f.map.points = 'toString';
        f.events[0].control = { nw: 'constructor' };
        f.events[1].sources = ['hasOwnProperty'];
        f.counters.held.derive.count = 'valueOf';
      });
      expectOne(problems, 'error', 'map.points', /^no object "toString" in the topology/);
      expectOne(problems, 'error', 'events[0].control.nw', /^unknown state "constructor"/);
      expectOne(problems, 'error', 'events[1].sources[0]', /^unknown source "hasOwnProperty"/);
      expectOne(problems, 'error', 'counters.held.derive.count', /^unknown state "valueOf"/);
    });

    it('a topology URL that is not a URL', async () => {
      const problems = await problemsAfter((f) => (f.map.topology = 'https://[bad'));
      expectOne(problems, 'error', 'map.topology', /^could not load the topology/);
    });

    it('a locale Intl does not accept', async () => {
      expectOne(await problemsAfter((f) => (f.locale = 'en-US-US')), 'error', 'locale', /^"en-US-US" is not a valid BCP 47 language tag/);
    });

    it('a topology URL that cannot be loaded names the topology file', async () => {
      const url = new URL('basic.events.json', FIXTURES).href;
      const doc = await fixtureJson<EventFile>('basic.events.json');
      doc.map!.topology = 'no-such.topo.json';
      const { problems } = await loadStory(JSON.stringify(doc), url, url, readText);
      expect(problems[0]).to.include({ level: 'error', file: new URL('no-such.topo.json', FIXTURES).href, path: '' });
    });

    it('a step naming an unknown event names the page', () => {
      const problems = checkStepEvents(['e0', null, 'e9'], new Set(['e0', 'e1']), 'https://news.example/story.html');
      expect(problems).to.deep.equal([{ level: 'error', file: 'https://news.example/story.html', path: 'steps[2].event', message: 'unknown event "e9" (known: e0, e1)' }]);
    });
  });

  describe('warnings', () => {
    it('dates out of order (a lost digit: 8 instead of 28)', async () => {
      const problems = await problemsAfter((f) => (f.events[4].date = '2016-08-08'.replace('08-08', '07-08')));
      expectOne(problems, 'warning', 'events[4].date', /^date 2016-07-08 is earlier than the event before it \(events\[3\], 2016-08-07\)/);
      expect(problems.filter((p) => p.level === 'error')).to.deep.equal([]);
    });

    it('a plural form under a name Intl.PluralRules does not use (a typo): a form no value shows', async () => {
      const problems = await problemsAfter((f) => (f.counters.days.label = { one: 'يوم', fwe: 'أيام', other: 'يوماً' }));
      expectOne(problems, 'warning', 'counters.days.label.fwe', 'unknown key "fwe" (known: zero, one, two, few, many, other)');
      expect(problems.filter((p) => p.level === 'error')).to.deep.equal([]);
    });

    it('a word the kit does not write (a typo in "strings"): a warning naming the words it does', async () => {
      expectOne(await problemsAfter((f) => (f.strings = { abuot: 'c. ' })), 'warning', 'strings.abuot', /^unknown key "abuot" \(known: map, view, .*about, .*failed\)$/);
    });

    it('an event without sources', async () => {
      const problems = await problemsAfter((f) => delete f.events[2].sources);
      expectOne(problems, 'warning', 'events[2].sources', 'event "e2" cites no source');
    });

    it('a file with only warnings still loads', async () => {
      const file = await basicWithInlineTopology();
      delete file.events[0]!.sources;
      const loaded = await loadStory(JSON.stringify(file), FILE, FILE, readText);
      expect(loaded.folded).to.not.equal(null);
    });
  });

  it('the schema uses only keywords the checker knows', async () => {
    const schema = await (await fetch('/schema/event-file.schema.json')).json();
    const allowed = new Set<string>([...SUPPORTED_KEYWORDS, '$schema', '$id', 'title', 'description', '$comment']);
    const unknown: string[] = [];
    const visit = (node: any, path: string) => {
      if (!node || typeof node !== 'object') return;
      if (Array.isArray(node)) return node.forEach((n, i) => visit(n, `${path}[${i}]`));
      for (const [key, value] of Object.entries(node)) {
        if (!allowed.has(key)) unknown.push(`${path}.${key}`);
        if (key === 'properties' || key === 'definitions') Object.entries(value as object).forEach(([k, v]) => visit(v, `${path}.${key}.${k}`));
        else if (key !== 'const') visit(value, `${path}.${key}`);
      }
    };
    visit(schema, '#');
    expect(unknown).to.deep.equal([]);
  });
});
