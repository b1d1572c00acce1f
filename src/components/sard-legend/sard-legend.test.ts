import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { mountStory, until, cleanup } from '../../test-support/harness.js';
import { basicWithInlineTopology } from '../../test-support/fixtures.js';
import type { SardStory } from '../sard-story/sard-story.component.js';

const legendRoot = (story: SardStory) => story.querySelector('sard-legend')!.shadowRoot!;

async function legendStory(approximate: boolean) {
  const file = await basicWithInlineTopology();
  // The ring road is shown by event e1.
  if (approximate) (file.map!.topology as any).objects.roads.geometries[0].properties = { approximate: true };
  const story = await mountStory({ inline: file, graphic: 'sard-legend sard-map' });
  await until(() => !!legendRoot(story).querySelector('li'), 'legend items');
  return story;
}

describe('<sard-legend> with a map', () => {
  afterEach(async () => {
    cleanup();
    await executeServerCommand('emulate-media-features', []);
  });

  it('adds an entry for approximate lines and points only when the story shows some, and draws them dashed', async () => {
    const plain = await legendStory(false);
    expect(legendRoot(plain).querySelector('[data-approximate]')).to.equal(null);
    cleanup();
    const story = await legendStory(true);
    expect(legendRoot(story).querySelector('[data-approximate]')!.textContent!.trim()).to.equal('موقع أو مسار تقريبي');
    const road = story.querySelector('sard-map')!.shadowRoot!.querySelector('[data-line="ring-road"]')!;
    expect(getComputedStyle(road).strokeDasharray).to.not.equal('none');
  });

  it('leaves the approximate entry out when no approximate feature is ever shown', async () => {
    const file = await basicWithInlineTopology();
    (file.map!.topology as any).objects.places.geometries[1].properties = { approximate: true }; // the airport, never shown
    const story = await mountStory({ inline: file, graphic: 'sard-legend' });
    await until(() => !!legendRoot(story).querySelector('li'), 'legend items');
    expect(legendRoot(story).querySelector('[data-approximate]')).to.equal(null);
  });

  it('follows the --sard-state-ID override, like the map', async () => {
    const story = await legendStory(false);
    story.style.setProperty('--sard-state-red', 'rgb(9, 8, 7)');
    // No wait: the swatch has no transition, and getComputedStyle resolves the inherited property at once.
    expect(getComputedStyle(legendRoot(story).querySelector('[data-state="red"] rect')!).fill).to.equal('rgb(9, 8, 7)');
    expect(getComputedStyle(legendRoot(story).querySelector('[data-state="green"] rect')!).fill).to.equal('rgb(39, 174, 96)');
  });

  it('shows the map’s hatching in forced-colours mode', async () => {
    await executeServerCommand('emulate-media-features', [{ name: 'forced-colors', value: 'active' }]);
    const story = await legendStory(false);
    const fill = (id: string) => getComputedStyle(legendRoot(story).querySelector(`[data-state="${id}"] rect`)!).fill;
    expect(fill('red')).to.match(/url\(.*sard-legend-hatch-0/);
    expect(fill('green')).to.match(/url\(.*sard-legend-hatch-1/);
  });
});
