import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { mountStory, scrollToStep, cleanup, until } from '../../test-support/harness.js';
import { basicWithInlineTopology } from '../../test-support/fixtures.js';

// axe-core (through chai-a11y-axe) on the rendered story, shadow roots included.
describe('accessibility (axe-core)', () => {
  before(() => setViewport({ width: 1200, height: 800 }));
  afterEach(cleanup);

  it('a story with every graphic passes axe, in RTL', async () => {
    const story = await mountStory({ graphic: 'sard-date sard-counter:people sard-counter:days sard-map sard-legend' });
    await scrollToStep(story, 2);
    await expect(story).to.be.accessible();
  });

  it('a story in the narrow layout at 320 px passes axe, legend and credit folded and opened', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      const file = await basicWithInlineTopology();
      file.credit = 'Schematic shapes; Natural Earth';
      const story = await mountStory({ inline: file, graphic: 'sard-date sard-counter:people sard-map sard-legend' });
      await until(() => story.effectiveLayout === 'narrow', 'narrow');
      await scrollToStep(story, 1);
      await expect(story).to.be.accessible();
      // The folded map credit's button too.
      const map = story.querySelector('sard-map')!;
      (map.shadowRoot!.querySelector('[part="credit-toggle"]') as HTMLElement).click();
      await map.updateComplete;
      expect(map.shadowRoot!.querySelector('[part="credit-toggle"]')!.getAttribute('aria-expanded')).to.equal('true');
      await expect(story).to.be.accessible();
      // The folded legend, opened.
      const details = story.querySelector('sard-legend')!.shadowRoot!.querySelector('details')!;
      details.open = true;
      expect(details.querySelectorAll('li').length).to.be.greaterThan(0);
      await expect(story).to.be.accessible();
    } finally {
      await setViewport({ width: 1200, height: 800 });
    }
  });

  it('every step of a story with a map passes axe', async () => {
    const file = await basicWithInlineTopology();
    file.credit = 'Schematic shapes';
    const story = await mountStory({ inline: file, graphic: 'sard-date sard-counter:people sard-map sard-legend' });
    for (let i = 0; i < 6; i++) {
      await scrollToStep(story, i);
      await expect(story, `step ${i}`).to.be.accessible();
    }
  });

  it('the error box and the debug overlay pass axe', async () => {
    const file = await basicWithInlineTopology();
    file.events[1]!.control = { nw: 'nope' };
    const broken = await mountStory({ inline: file }, 'sard-error');
    await broken.updateComplete;
    await expect(broken).to.be.accessible();
    cleanup();
    const debug = await mountStory({ attrs: { debug: '' } });
    await scrollToStep(debug, 1);
    await expect(debug).to.be.accessible();
  });
});
