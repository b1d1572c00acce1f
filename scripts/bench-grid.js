// Synthetic maps for the benchmarks: a TopoJSON grid of n square cells over Aleppo, and a
// seeded random source so every run measures the same story.
import { mkdirSync, writeFileSync } from 'node:fs';

/** A TopoJSON grid of n square cells (no shared arcs: the worst case for path size). */
export function grid(n) {
  const side = Math.ceil(Math.sqrt(n));
  const size = 0.2 / side;
  const arcs = [];
  const geometries = [];
  for (let i = 0; i < n; i++) {
    const x = 37.05 + (i % side) * size;
    const y = 36.1 + Math.floor(i / side) * size;
    arcs.push([[x, y], [x, y + size], [x + size, y + size], [x + size, y], [x, y]]);
    geometries.push({ type: 'Polygon', id: `a${i}`, arcs: [[i]], properties: { name: `A${i}` } });
  }
  return { type: 'Topology', objects: { cells: { type: 'GeometryCollection', geometries } }, arcs };
}

/** Deterministic pseudo-random numbers in [0, 1): the same story every run. */
export function random(seed) {
  return () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
}

/**
 * An event file over `grid-<areas>.topo.json`: `events` events that each hand `changed`
 * cells over, a view change every tenth event, and a derived counter.
 */
export function gridStory(areas, events, changed) {
  const rand = random(areas);
  const states = ['a', 'b', 'c'];
  const list = Array.from({ length: events }, (_, i) => {
    const control = {};
    for (let k = 0; k < changed; k++) control[`a${Math.floor(rand() * areas)}`] = states[Math.floor(rand() * 3)];
    const event = { id: `e${i}`, date: new Date(Date.UTC(2016, 0, 1) + i * 86400000).toISOString().slice(0, 10), control, sources: ['s'] };
    if (i % 10 === 0) event.view = { areas: [`a${Math.floor(rand() * areas)}`, `a${Math.floor(rand() * areas)}`] };
    return event;
  });
  return {
    version: 1,
    locale: 'ar-SY',
    sources: { s: { title: 'bench' } },
    map: { topology: `grid-${areas}.topo.json`, areas: 'cells' },
    states: { a: { label: 'A', color: '#b03a2e' }, b: { label: 'B', color: '#0072b2' }, c: { label: 'C', color: '#e69f00' } },
    counters: { held: { label: 'held', derive: { count: 'a' } } },
    events: list,
  };
}

/**
 * Writes `.bench/<name>.html` and its event file and grid topology: a story of
 * `events` steps over `areas` cells with a counter, the map and the legend.
 * Returns the page's path from the repository root.
 */
export function writeGridStory(name, areas, events, changed, script = '<script src="../dist/sard.iife.js"></script>') {
  mkdirSync('.bench', { recursive: true });
  const file = gridStory(areas, events, changed);
  writeFileSync(`.bench/grid-${areas}.topo.json`, JSON.stringify(grid(areas)));
  writeFileSync(`.bench/${name}.events.json`, JSON.stringify(file));
  const steps = file.events.map((e) => `<sard-step event="${e.id}"><p>Step ${e.id}</p></sard-step>`).join('\n');
  writeFileSync(
    `.bench/${name}.html`,
    `<!doctype html><html lang="ar"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><link rel="icon" href="data:,">
${script}</head><body>
<div style="height: 100vh"></div>
<sard-story src="${name}.events.json" style="--sard-step-gap: 30vh">
<div slot="graphic" style="display: flex; flex-direction: column; height: 100%"><sard-counter counter="held"></sard-counter><sard-map></sard-map><sard-legend></sard-legend></div>
${steps}
</sard-story></body></html>`,
  );
  return `.bench/${name}.html`;
}
