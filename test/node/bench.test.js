// The benchmark's inputs, checked without timing anything: the MapLibre peer page tells
// the same story as the sard page (same steps, same events, same text), and the synthetic
// scale stories are what bench/run.js says they are. The timings live in `npm run bench`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { writeGridStory } from '../../scripts/bench-grid.js';

const textOf = (html) => html.replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim();

test('the MapLibre peer has the sard page\'s steps, events and text, and loads no remote code', () => {
  execFileSync(process.execPath, ['bench/peers/maplibre/build.js'], { stdio: 'pipe' });
  const sard = readFileSync('stories/aleppo-2016.html', 'utf8');
  const peer = readFileSync('bench/peers/maplibre/build/index.html', 'utf8');
  const sardSteps = [...sard.matchAll(/<sard-step\s+event="([^"]+)"\s*>([\s\S]*?)<\/sard-step>/g)].map(([, e, body]) => [e, textOf(body)]);
  const peerSteps = [...peer.matchAll(/<section class="step" data-event="([^"]+)">([\s\S]*?)<\/section>/g)].map(([, e, body]) => [e, textOf(body)]);
  assert.ok(sardSteps.length > 40);
  assert.deepEqual(peerSteps, sardSteps);
  assert.doesNotMatch(peer, /(src|href)="(https?:)?\/\//, 'the peer loads everything locally');
  const areas = JSON.parse(readFileSync('bench/peers/maplibre/build/areas.geojson', 'utf8'));
  const topology = JSON.parse(readFileSync('data/aleppo.topo.json', 'utf8'));
  assert.equal(areas.features.length, topology.objects.neighbourhoods.geometries.length);
  assert.ok(areas.features.every((f) => f.properties.id === f.id), 'promoteId needs the id in the properties');
});

test('scale stories are valid stories of the size asked for (the kit\'s own validator, page and event file)', () => {
  const page = writeGridStory('test-grid-2000', 2000, 1000, 5);
  const file = JSON.parse(readFileSync('.bench/test-grid-2000.events.json', 'utf8'));
  const topology = JSON.parse(readFileSync('.bench/grid-2000.topo.json', 'utf8'));
  assert.equal(topology.objects.cells.geometries.length, 2000);
  assert.equal(file.events.length, 1000);
  assert.equal((readFileSync(page, 'utf8').match(/<sard-step /g) ?? []).length, 1000);
  // Every area an event hands over is a cell of the grid: a typo in the generator is an error here.
  const out = execFileSync(process.execPath, ['bin/sard.js', 'validate', page, '--json'], { encoding: 'utf8' });
  const problems = JSON.parse(out);
  assert.deepEqual(problems.filter((p) => p.level === 'error'), []);
});
