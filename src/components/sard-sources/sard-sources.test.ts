import { expect } from '@open-wc/testing';
import { mountStory, until, cleanup } from '../../test-support/harness.js';
import { basicWithInlineTopology } from '../../test-support/fixtures.js';
import { isSafeUrl } from './sard-sources.component.js';

const HOSTILE = '<img src=x onerror="window.__pwned=1">';

async function sourcesStory(locale = 'ar-SY', heading?: string) {
  const file = await basicWithInlineTopology();
  file.locale = locale;
  file.sources = {
    a: { title: 'حلب، الحصار ومقاومته', file: '004_f765fd54aca31d9c.txt' },
    report: { title: 'Report', url: 'https://example.org/report', publisher: 'Example News', date: '2016-08-08' },
    bad: { title: HOSTILE, url: 'javascript:alert(1)' },
    local: { title: 'Local copy', url: 'sources/local.txt' },
  };
  const story = await mountStory({ inline: file });
  const sources = document.createElement('sard-sources');
  if (heading) {
    const h = document.createElement('h2');
    h.slot = 'heading';
    h.textContent = heading;
    sources.append(h);
  }
  // The static copy a reader without JavaScript sees.
  const fallback = document.createElement('ol');
  fallback.className = 'fallback';
  fallback.append(Object.assign(document.createElement('li'), { textContent: 'static copy' }));
  sources.append(fallback);
  story.append(sources);
  await until(() => !!sources.shadowRoot?.querySelector('li'), 'sources list');
  return { story, sources: sources.shadowRoot! };
}

describe('<sard-sources>', () => {
  afterEach(cleanup);

  it('lists the event file’s sources in file order, with file names, publishers and dates in the story’s locale', async () => {
    const { sources } = await sourcesStory();
    const items = [...sources.querySelectorAll('li')];
    expect(items.map((li) => li.id)).to.deep.equal(['source-a', 'source-report', 'source-bad', 'source-local']);
    expect(items[0]!.querySelector('cite')!.textContent).to.equal('حلب، الحصار ومقاومته');
    expect(items[0]!.querySelector('code')!.textContent).to.equal('004_f765fd54aca31d9c.txt');
    expect(items[1]!.textContent).to.contain('Example News، ٨ آب ٢٠١٦');
    expect(sources.querySelector('h2')!.textContent).to.equal('المصادر');
    // Numbered in the story's digits (Intl), as the steps' citation marks are.
    expect(items.map((li) => li.querySelector('[part="source-number"]')!.textContent)).to.deep.equal(['١.', '٢.', '٣.', '٤.']);
  });

  it('links only https and relative URLs, and shows hostile titles as text', async () => {
    const { story, sources } = await sourcesStory();
    const links = [...sources.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).to.deep.equal(['https://example.org/report', 'sources/local.txt']);
    const bad = sources.querySelector('#source-bad')!;
    expect(bad.querySelector('cite')!.textContent).to.equal(HOSTILE);
    expect(bad.querySelector('img, a')).to.equal(null);
    expect((window as any).__pwned).to.equal(undefined);
    expect(story.querySelector('img')).to.equal(null);
  });

  it('speaks the story’s language, and an author’s heading replaces the default one', async () => {
    const en = await sourcesStory('en-GB');
    expect(en.sources.querySelector('h2')!.textContent).to.equal('Sources');
    expect(en.sources.querySelector('[part="source-number"]')!.textContent).to.equal('1.');
    expect(en.sources.querySelector('#source-report')!.textContent).to.contain('Example News, 8 August 2016');
    cleanup();
    const custom = await sourcesStory('ar-SY', 'مصادر هذه القصة');
    const slot = custom.sources.querySelector('slot')!;
    expect(slot.assignedElements().map((e) => e.textContent)).to.deep.equal(['مصادر هذه القصة']);
    // The static copy is not shown once the list is rendered.
    const fallback = custom.sources.host.querySelector('.fallback')!;
    expect(fallback.getClientRects().length).to.equal(0);
  });

  it('shows the author’s static copy when the event file has an error', async () => {
    const file = await basicWithInlineTopology();
    (file as any).version = 2;
    const story = await mountStory({ inline: file }, 'sard-error');
    const sources = document.createElement('sard-sources');
    sources.append(Object.assign(document.createElement('ol'), { textContent: 'static copy' }));
    story.append(sources);
    await sources.updateComplete;
    expect(sources.querySelector('ol')!.getClientRects().length).to.be.greaterThan(0);
    expect(sources.shadowRoot!.querySelector('li')).to.equal(null);
  });

  it('accepts only https and relative URLs', () => {
    for (const url of ['https://a.org/x', 'HTTPS://A.ORG', 'x.txt', './x', '../x', '/x', '#x', '?q'])
      expect(isSafeUrl(url), url).to.equal(true);
    for (const url of ['javascript:alert(1)', ' javascript:x', 'JaVaScRiPt:x', 'data:text/html,x', 'http://a.org', '//evil.org', '\\\\evil', 'vbscript:x', 'blob:x', 'java\nscript:x', 'java\tscript:x', '/\\evil.org', '\\/evil.org'])
      expect(isSafeUrl(url), url).to.equal(false);
  });
});
