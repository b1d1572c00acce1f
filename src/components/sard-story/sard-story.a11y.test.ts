import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { mountStory, scrollToStep, cleanup, until } from '../../test-support/harness.js';
import { basicWithInlineTopology } from '../../test-support/fixtures.js';

// axe-core (through chai-a11y-axe) on the rendered story, shadow roots included.
describe('accessibility (axe-core)', () => {
  before(() => setViewport({ width: 1200, height: 800 }));
  afterEach(cleanup);

  it('a story with every graphic passes axe, in RTL', async () => {
    const story = await mountStory({ graphic: 'sard-date sard-counter:people sard-counter:days sard-legend' });
    await scrollToStep(story, 2);
    await expect(story).to.be.accessible();
  });

  it('a story in stacked layout at 320 px passes axe', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      const story = await mountStory({ graphic: 'sard-date sard-counter:people sard-legend' });
      await until(() => story.effectiveLayout === 'stacked', 'stacked');
      await scrollToStep(story, 1);
      await expect(story).to.be.accessible();
    } finally {
      await setViewport({ width: 1200, height: 800 });
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
