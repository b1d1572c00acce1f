import { expect } from '@open-wc/testing';
import { cleanup, until, fixtureUrl } from './test-support/harness.js';
import { basicWithInlineTopology } from './test-support/fixtures.js';
import { SardStory } from './components/sard-story/sard-story.component.js';
import type { SardCounter } from './components/sard-counter/sard-counter.component.js';

describe('story context', () => {
  afterEach(cleanup);

  it('a graphic connected before its story is defined gets the context once the story upgrades', async () => {
    const story = document.createElement('x-late-story');
    story.setAttribute('src', fixtureUrl('basic.events.json'));
    const counter = document.createElement('sard-counter') as SardCounter;
    counter.setAttribute('counter', 'people');
    counter.slot = 'graphic';
    story.append(counter);
    document.body.append(story);
    await counter.updateComplete; // it has asked for a story and rendered; nothing can answer before one is defined
    expect(counter.shadowRoot!.querySelector('[part="counter-label"]')!.textContent, 'no story yet').to.equal('');
    customElements.define('x-late-story', class extends SardStory {});
    await until(() => counter.shadowRoot!.querySelector('[part="counter-label"]')!.textContent === 'محاصرون', 'the counter to get its story');
    story.remove();
  });

  it('a graphic leaves its story when disconnected and joins the one it moves to', async () => {
    const a = document.createElement('sard-story') as SardStory;
    const b = document.createElement('sard-story') as SardStory;
    a.setAttribute('src', fixtureUrl('basic.events.json'));
    const inline = document.createElement('script');
    inline.type = 'application/json';
    inline.slot = 'events';
    const file = await basicWithInlineTopology();
    file.counters!.people!.label = 'B people';
    inline.textContent = JSON.stringify(file);
    b.append(inline);
    const counter = document.createElement('sard-counter') as SardCounter;
    counter.setAttribute('counter', 'people');
    counter.slot = 'graphic';
    a.append(counter);
    document.body.append(a, b);
    const label = () => counter.shadowRoot?.querySelector('[part="counter-label"]')?.textContent;
    await until(() => label() === 'محاصرون', 'story A');
    b.append(counter);
    await until(() => label() === 'B people', 'story B');
    a.remove();
    b.remove();
  });
});
