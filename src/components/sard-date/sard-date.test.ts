import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { mountStory, scrollToStep, until, cleanup } from '../../test-support/harness.js';
import { basicWithInlineTopology } from '../../test-support/fixtures.js';
import type { SardStory } from '../sard-story/sard-story.component.js';

const dateText = (story: SardStory, i = 0) => story.querySelectorAll('sard-date')[i]!.shadowRoot!.querySelector('time')!;

describe('<sard-date> and <sard-legend>', () => {
  before(() => setViewport({ width: 1200, height: 800 }));
  afterEach(cleanup);

  it('shows the active event date in the story locale, and ranges as ranges', async () => {
    const story = await mountStory({ graphic: 'sard-date' });
    expect(dateText(story).textContent).to.equal('');
    await scrollToStep(story, 0);
    await until(() => dateText(story).textContent === '١٧ تموز ٢٠١٦', 'the Arabic date');
    expect(dateText(story).getAttribute('datetime')).to.equal('2016-07-17');
    await scrollToStep(story, 2);
    await until(() => dateText(story).getAttribute('datetime') === '2016-07-31/2016-08-06', 'the range');
    expect(dateText(story).textContent).to.contain('آب');
  });

  it('takes a calendar attribute', async () => {
    const story = await mountStory({ graphic: 'sard-date sard-date' });
    story.querySelectorAll('sard-date')[1]!.setAttribute('calendar', 'islamic');
    await scrollToStep(story, 0);
    await until(() => dateText(story, 1).textContent!.includes('شوال'), 'a Hijri date');
  });

  it('uses Latin digits and English months for en-GB', async () => {
    const file = await basicWithInlineTopology();
    file.locale = 'en-GB';
    const story = await mountStory({ inline: file, graphic: 'sard-date' });
    await scrollToStep(story, 0);
    await until(() => dateText(story).textContent === '17 July 2016', 'the English date');
  });

  it('the legend lists every control state in file order with its colour', async () => {
    const story = await mountStory({ graphic: 'sard-legend' });
    const legend = story.querySelector('sard-legend')!;
    await until(() => !!legend.shadowRoot!.querySelector('li'), 'legend items');
    const items = [...legend.shadowRoot!.querySelectorAll('li')];
    expect(items.map((li) => li.dataset.state)).to.deep.equal(['red', 'green']);
    expect(items.map((li) => li.textContent!.trim())).to.deep.equal(['أحمر', 'أخضر']);
    expect(items.map((li) => li.querySelector('rect')!.getAttribute('fill'))).to.deep.equal(['#c0392b', '#27ae60']);
  });
});
