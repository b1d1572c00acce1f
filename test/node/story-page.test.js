// Reading the stories out of an HTML page for `sard validate page.html`: the
// page must be read as a browser reads it, whatever the markup's quoting,
// comments, entities or nesting.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { storiesInPage } from '../../dist/cli.js';

const story = (fields) => ({ form: 'element', src: null, inline: null, stepEvents: [], counters: [], ...fields });
const plain = (fields) => ({ ...story(fields), form: 'plain' });

test('a `>` inside an attribute value does not end the tag', () => {
  const html = `<sard-story src="a.events.json" data-note="1 > 0">
    <sard-step event="e0" data-note="x > y"><p>a</p></sard-step>
    <sard-step data-note="<sard-step event='fake'>" event="e1"></sard-step>
    <div slot="graphic"><sard-counter title="a>b" counter="people"></sard-counter></div>
  </sard-story>`;
  assert.deepEqual(storiesInPage(html), [story({ src: 'a.events.json', stepEvents: ['e0', 'e1'], counters: ['people'] })]);
});

test('markup inside a comment is no markup, even a comment that closes the story', () => {
  const html = `<sard-story src="a.json">
    <!-- <sard-step event="commented-out"> </sard-story> <sard-counter counter="x"> -->
    <sard-step event="e0"></sard-step>
  </sard-story>
  <!-- <sard-story src="old.json"><sard-step event="e9"></sard-step></sard-story> -->`;
  assert.deepEqual(storiesInPage(html), [story({ src: 'a.json', stepEvents: ['e0'] })]);
});

test('single-quoted, unquoted, upper-case and duplicate attributes read as the browser reads them', () => {
  const html = `<SARD-STORY SRC=a.json><sard-step event='e0'></sard-step><sard-step event=e1 event=e2></sard-step>
    <sard-step></sard-step><sard-step event=""></sard-step><sard-counter counter=days></sard-counter></SARD-STORY>`;
  assert.deepEqual(storiesInPage(html), [story({ src: 'a.json', stepEvents: ['e0', 'e1', null, ''], counters: ['days'] })]);
});

test('entities in attribute values are decoded', () => {
  const html = `<sard-story src="x.json?a=1&amp;b=2&#x26;c=&#51;"><sard-step event="tom&amp;jerry"></sard-step>
    <sard-step event='&quot;q&quot;'></sard-step><sard-step event=a&lt;b></sard-step></sard-story>`;
  assert.deepEqual(storiesInPage(html), [story({ src: 'x.json?a=1&b=2&c=3', stepEvents: ['tom&jerry', '"q"', 'a<b'] })]);
});

test('the inline event file is the story\'s own <script type="application/json" slot="events">, read as raw text', () => {
  const json = '{"note": "<!-- not a comment --> <sard-step event=\\"z\\"> </sard-story>"}';
  const [inline] = storiesInPage(`<sard-story><script type="application/json" slot="events">${json}</script><sard-step event="e0"></sard-step></sard-story>`);
  assert.deepEqual(inline, story({ inline: json, stepEvents: ['e0'] }));
  // The story reads neither a script of another type nor one deeper down (it would be a story without an event file).
  const others = `<sard-story><script slot="events">{}</script><div><script type="application/json" slot="events">{}</script></div></sard-story>
    <sard-story><script type="Application/JSON" slot="events">{"a":1}</script></sard-story>`;
  assert.deepEqual(storiesInPage(others).map((s) => s.inline), [null, '{"a":1}']);
});

test('a step or counter belongs to its nearest story; stories come in the order they open', () => {
  const html = `<sard-story src="outer.json">
    <sard-step event="o1"></sard-step>
    <sard-story src="inner.json"><sard-step event="i1"></sard-step><sard-counter counter="ic"></sard-counter></sard-story>
    <sard-step event="o2"><sard-counter counter="oc"></sard-counter></sard-step>
  </sard-story>
  <sard-step event="orphan"></sard-step>`;
  assert.deepEqual(storiesInPage(html), [
    story({ src: 'outer.json', stepEvents: ['o1', 'o2'], counters: ['oc'] }),
    story({ src: 'inner.json', stepEvents: ['i1'], counters: ['ic'] }),
  ]);
});

test('a story inside a <template> is not part of the page', () => {
  assert.deepEqual(storiesInPage('<template><sard-story src="t.json"></sard-story></template><p>none</p>'), []);
});

test('the plain-HTML form: data-src, and the block\'s child sections and [data-event]s as steps', () => {
  const html = `<div class="entry"><div data-sard-story data-src="plain.events.json" data-layout="side">
      <section data-event="e0"><p>a > b</p></section>
      <section><p>no event</p></section>
      <!-- <section data-event="commented"></section> -->
      <div data-event="e1"><section data-event="nested"></section></div>
      <p>not a step</p>
      <section data-event=""></section>
    </div></div>
    <div data-sard-story="upgraded" data-src="done.json"><section data-event="x"></section></div>
    <article data-sard-story><section data-event='e2'></section></article>`;
  assert.deepEqual(storiesInPage(html), [
    plain({ src: 'plain.events.json', stepEvents: ['e0', null, 'e1', null] }),
    plain({ stepEvents: ['e2'] }),
  ]);
});
