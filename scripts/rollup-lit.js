// Rollup plugin: Lit as the kit uses it. Lit is minified as published, so each cut is an exact piece of its
// text; each must be found, or the build fails (lit is pinned in package.json; see scripts/rollup-cuts.js), and
// a use of something cut fails the build too (the patterns at the end). The test runner runs the same cuts on
// Lit's production build, so the browser tests run what ships.
//
// css-tag: its two errors are for misuse of Lit's own API, constructing a CSSResult directly and interpolating
// something other than a css`` result into css``. The bundle exports no Lit function and none of the kit's css``
// templates interpolates anything, so neither can be thrown from the bundle: the throws stay, with short
// messages. Measured in the IIFE (gzip -9): 101 B (40,666 → 40,565). The other cuts, issue 17 (41,976 →
// 40,949 B with the kit's own savings): the <style> fallback 169 B, decorator metadata, initializers and the
// polyfill hook 159 B, directives 172 B, useDefault 78 B, wrapped accessors 76 B, LitElement's hooks,
// connection news and element parts 127 B, version records and JSON attributes 97 B, noAccessor and
// removeController 23 B.
import { libraryCuts } from './rollup-cuts.js';

const CSS_TAG_CUTS = [
  {
    what: 'the CSSResult constructor message',
    find: 'throw Error("CSSResult is not constructable. Use `unsafeCSS` or `css` instead.")',
    put: 'throw Error("CSSResult: use css``")',
  },
  {
    what: "the css`` value message",
    find: `throw Error("Value passed to 'css' function must be a 'css' function result: "+t+". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.")`,
    put: 'throw Error("css``: not a css`` result: "+t)',
  },
  {
    // Lit falls back to <style> elements where a browser has no constructable stylesheets (Firefox before 101,
    // Safari before 16.4) or runs the ShadyCSS polyfill. The bundle already needs class static blocks (Firefox
    // 93, Safari 16.4), so the fallback could only ever serve Firefox 93–100; the kit registers its elements
    // only where adoptedStyleSheets exists (src/define-once.ts), so there the story stays a plain article.
    // With the test a constant, terser drops the fallback branches.
    what: 'the constructable-stylesheet support test',
    find: 'e=t.ShadowRoot&&(void 0===t.ShadyCSS||t.ShadyCSS.nativeShadow)&&"adoptedStyleSheets"in Document.prototype&&"replace"in CSSStyleSheet.prototype',
    put: 'e=!0',
  },
];

// ReactiveElement as the kit uses it: properties declared in `static properties` (no decorators anywhere: the
// build fails on a tslib helper, see rollup.config.js), no `addInitializer` (the kit's controllers attach in
// constructors), no polyfilled custom elements. So the decorators' metadata (`Symbol.metadata`,
// `litPropertyMetadata`), the class initializers and the polyfill hook are never reached.
const REACTIVE_ELEMENT_CUTS = [
  { what: 'the decorators\' metadata globals', find: 'Symbol.metadata??=Symbol("metadata"),a.litPropertyMetadata??=new WeakMap;', put: '' },
  {
    what: "finalize()'s read of the decorators' metadata",
    find: 'const t=this[Symbol.metadata];if(null!==t){const s=litPropertyMetadata.get(t);if(void 0!==s)for(const[t,i]of s)this.elementProperties.set(t,i)}',
    put: '',
  },
  { what: 'addInitializer', find: 'static addInitializer(t){this._$Ei(),(this.l??=[]).push(t)}', put: '' },
  { what: "a subclass's copy of the initializers", find: 'void 0!==t.l&&(this.l=[...t.l]),', put: '' },
  { what: 'the initializers run in the constructor', find: ',this.constructor.l?.forEach(t=>t(this))', put: '' },
  { what: 'the polyfill hook', find: 'p?.({ReactiveElement:y}),', put: '' },
  { what: 'the version record', find: ',(a.reactiveElementVersions??=[]).push("2.1.2")', put: '' },
  // The default attribute converter's JSON for `type: Object` and `type: Array`: the kit's attributes are strings,
  // numbers and booleans (a property with either type fails the build, see renderChunk).
  { what: 'the JSON attribute conversion', find: 'case Object:case Array:t=null==t?t:JSON.stringify(t)', put: '' },
  { what: 'the JSON attribute parsing', find: 'case Object:case Array:try{i=JSON.parse(t)}catch(t){i=null}', put: '' },
  // The `useDefault` property option (an attribute that returns to the property's default when removed): no kit
  // property sets it, and a build with one fails (renderChunk below). Without it, recording a change is Lit's
  // plain path, and an attribute's value is the converted value.
  {
    what: "requestUpdate's useDefault test",
    find: '||i.useDefault&&i.reflect&&h===this._$Ej?.get(t)&&!this.hasAttribute(r._$Eu(t,i))',
    put: '',
  },
  {
    what: 'the change record with useDefault',
    find: 'C(t,s,{useDefault:i,reflect:e,wrapped:h},r){i&&!(this._$Ej??=new Map).has(t)&&(this._$Ej.set(t,r??s??this[t]),!0!==h||void 0!==r)||(this._$AL.has(t)||(this.hasUpdated||i||(s=void 0),this._$AL.set(t,s)),!0===e&&this._$Em!==t&&(this._$Eq??=new Set).add(t))}',
    put: 'C(t,s,{reflect:e}){this._$AL.has(t)||(this.hasUpdated||(s=void 0),this._$AL.set(t,s)),!0===e&&this._$Em!==t&&(this._$Eq??=new Set).add(t)}',
  },
  { what: "an attribute's fallback to the default", find: 'this[e]=r??this._$Ej?.get(e)??r', put: 'this[e]=r' },
  // A reactive property over an accessor the class defines itself ("wrapped": Lit records its initial value as a
  // change at the first update). No kit element defines an accessor under a reactive property's name (its getters
  // are `value`, `approx`, `events`, `activeIndex`, `activeEventId`, `state`, `effectiveLayout`: none declared).
  // Options and methods no kit element uses: `noAccessor` (a build with it fails, see renderChunk) and
  // removeController (controllers stay for the element's life).
  { what: 'the noAccessor option', find: '!s.noAccessor){', put: '!0){' },
  { what: 'removeController', find: 'removeController(t){this._$EO?.delete(t)}', put: '' },
  { what: 'the wrapped-accessor flag', find: 'this.prototype.hasOwnProperty(t)&&((s=Object.create(s)).wrapped=!0),', put: '' },
  {
    what: "the first update's wrapped-accessor changes",
    find: 'const t=this.constructor.elementProperties;if(t.size>0)for(const[s,i]of t){const{wrapped:t}=i,e=this[s];!0!==t||this._$AL.has(s)||void 0===e||this.C(s,void 0,i,e)}',
    put: '',
  },
];

// lit-html as the kit uses it: no directive anywhere (nothing imports lit/directives or lit/directive), so
// resolving a value's directive always gives the value itself; and no polyfill hook. A directive added later
// fails the build (renderChunk below finds its `_$litDirective$` marker) instead of silently not running.
const LIT_HTML_CUTS = [
  {
    what: 'directive resolution',
    find: 'function M(t,i,s=t,e){if(i===E)return i;let h=void 0!==e?s._$Co?.[e]:s._$Cl;const o=a(i)?void 0:i._$litDirective$;return h?.constructor!==o&&(h?._$AO?.(!1),void 0===o?h=void 0:(h=new o(t),h._$AT(t,s,e)),void 0!==e?(s._$Co??=[])[e]=h:s._$Cl=h),void 0!==h&&(i=M(t,h._$AS(t,i.values),h,e)),i}',
    put: 'function M(t,i){return i}',
  },
  { what: 'the polyfill hook', find: ',B=t.litHtmlPolyfillSupport;B?.(S,k),', put: ';' },
  // Each Lit module records its version on the page, for Lit's development build to warn about two copies. The
  // bundle's Lit is its own private copy, inside the IIFE: a page's Lit has nothing to fear from it.
  { what: 'the version record', find: '(t.litHtmlVersions??=[]).push("3.3.3");', put: '' },
  // Element parts: a binding in an element's attribute list with no attribute name (`<div ${x}>`), which only a
  // directive can use. No kit template has one (test/node/lit-cuts.test.js checks the source).
  { what: 'element-part parsing', find: 'else t.startsWith(o)&&(d.push({type:6,index:l}),r.removeAttribute(t))', put: '' },
  // Comment parts: a binding inside an HTML comment (`<!-- ${x} -->`). No kit template has a comment at all (the
  // renderChunk check below fails the build on `<!--` anywhere in the bundle), so the only comments in a template
  // are Lit's own child-part markers, and searching their text for more markers finds none.
  // Measured in the IIFE (gzip -9): 35 B (40,388 → 40,353).
  {
    what: 'comment-part parsing',
    find: 'if(r.data===n)d.push({type:2,index:l});else{let t=-1;for(;-1!==(t=r.data.indexOf(o,t+1));)d.push({type:7,index:l}),t+=o.length-1}',
    put: 'r.data===n&&d.push({type:2,index:l});',
  },
  // Bindings inside a raw-text element (`<style>${x}</style>`, also script, textarea and title, whose text is
  // not parsed as HTML): no kit template has such an element at all (litAsUsed below fails the build on one, from
  // the templates' source). So Lit's search of those elements for bindings goes.
  // Measured in the IIFE (gzip -9): 66 B (40,353 → 40,287).
  {
    what: 'raw-text bindings',
    find: 'if(y.test(r.tagName)){const t=r.textContent.split(o),i=t.length-1;if(i>0){r.textContent=s?s.emptyScript:"";for(let s=0;s<i;s++)r.append(t[s],c()),P.nextNode(),d.push({type:2,index:++l});r.append(t[i],c())}}',
    put: '',
  },
  { what: 'element-part creation', find: '1===r.type?i=new r.ctor(h,r.name,r.strings,this,t):6===r.type&&(i=new Z(h,this,t))', put: '1===r.type&&(i=new r.ctor(h,r.name,r.strings,this,t))' },
  { what: "a part's connection news (for async directives)", find: 'setConnected(t){void 0===this._$AM&&(this._$Cv=t,this._$AP?.(t))}', put: '' },
  // What parts and template instances tell a directive about themselves: where they render (parentNode, startNode,
  // endNode, an attribute's tagName) and whether they are connected (`_$AU`, kept from the render options'
  // isConnected; `_$AP`, the hook an async directive sets to hear of it). Lit reads none of them itself, and parts
  // reach no kit code (only directives are handed one), so without directives they are never read or set.
  // Measured in the IIFE (gzip -9) with LIT_ELEMENT_CUTS' isConnected: 141 B (41,014 → 40,873).
  {
    what: "a template instance's parentNode and connection",
    find: 'get parentNode(){return this._$AM.parentNode}get _$AU(){return this._$AM._$AU}',
    put: '',
  },
  { what: "a child part's connection", find: 'get _$AU(){return this._$AM?._$AU??this._$Cv}', put: '' },
  { what: "a child part's connection at creation", find: ',this._$Cv=e?.isConnected??!0}', put: '}' },
  {
    what: "a child part's parentNode, startNode and endNode",
    find: 'get parentNode(){let t=this._$AA.parentNode;const i=this._$AM;return void 0!==i&&11===t?.nodeType&&(t=i.parentNode),t}get startNode(){return this._$AA}get endNode(){return this._$AB}',
    put: '',
  },
  { what: "the async-directive hook on clearing a child part", find: 'for(this._$AP?.(!1,!0,s);', put: 'for(;' },
  {
    what: "an attribute part's tagName and connection",
    find: 'class H{get tagName(){return this.element.tagName}get _$AU(){return this._$AM._$AU}',
    put: 'class H{',
  },
  // The kit's templates come from lit's html`` and svg`` tags only (no mathml``, no templates compiled ahead of time
  // by @lit-labs/compiler, whose `_$litType$` is an object instead of a number): test/node/lit-cuts.test.js checks
  // the source. So a template's type is 1 or 2, and the MathML wrapping (type 3) and the compiled-template branch
  // are unreachable. Measured in the IIFE (gzip -9): MathML 16 B, compiled templates 29 B, together 44 B (40,873 → 40,829).
  { what: 'the MathML opening wrapper', find: 'l=2===i?"<svg>":3===i?"<math>":""', put: 'l=2===i?"<svg>":""' },
  { what: 'the MathML closing wrapper', find: '(2===i?"</svg>":3===i?"</math>":"")', put: '(2===i?"</svg>":"")' },
  { what: "the MathML wrapper's removal", find: '2===i||3===i){', put: '2===i){' },
  {
    what: 'compiled templates',
    find: 'e="number"==typeof s?this._$AC(t):(void 0===s.el&&(s.el=S.createElement(V(s.h,s.h[0]),this.options)),s)',
    put: 'e=this._$AC(t)',
  },
];

// LitElement: no server-side hydration or polyfills; and with no directives, no part of a template ever needs
// telling that its host connected or disconnected (only async directives listen).
const LIT_ELEMENT_CUTS = [
  { what: 'the hydration and polyfill hooks', find: ',s.litElementHydrateSupport?.({LitElement:i});const o=s.litElementPolyfillSupport;o?.({LitElement:i});', put: ';' },
  { what: 'the version record', find: '(s.litElementVersions??=[]).push("4.2.2");', put: '' },
  {
    what: "connection news for the template's parts",
    find: 'connectedCallback(){super.connectedCallback(),this._$Do?.setConnected(!0)}disconnectedCallback(){super.disconnectedCallback(),this._$Do?.setConnected(!1)}',
    put: '',
  },
  // Where the first render's parts learn whether the host is connected (see LIT_HTML_CUTS: read only by directives).
  { what: "the render options' isConnected", find: 'this.hasUpdated||(this.renderOptions.isConnected=this.isConnected),', put: '' },
];

const FILES = [
  { file: /[\\/]lit-element[\\/]lit-element\.js$/, cuts: LIT_ELEMENT_CUTS },
  { file: /[\\/]lit-html[\\/]lit-html\.js$/, cuts: LIT_HTML_CUTS },
  { file: /[\\/]@lit[\\/]reactive-element[\\/]css-tag\.js$/, cuts: CSS_TAG_CUTS },
  { file: /[\\/]@lit[\\/]reactive-element[\\/]reactive-element\.js$/, cuts: REACTIVE_ELEMENT_CUTS },
];

const cuts = () =>
  libraryCuts('lit-as-used', FILES, [
    { pattern: /_\$litDirective\$/, message: 'the bundle uses a Lit directive, which LIT_HTML_CUTS cut' },
    { pattern: /<!--/, message: 'the bundle has an HTML comment, maybe in a template, whose bindings LIT_HTML_CUTS cut' },
    { pattern: /_\$A[UP]\b|\.(startNode|endNode)\b/, message: "the bundle reads a part's connection or place, which LIT_HTML_CUTS cut" },
    { pattern: /\btype:\s*(Object|Array)\b/, message: 'a property has type Object or Array, whose attribute conversion REACTIVE_ELEMENT_CUTS cut' },
    { pattern: /noAccessor|removeController/, message: 'the kit uses noAccessor or removeController, which REACTIVE_ELEMENT_CUTS cut' },
    { pattern: /useDefault:\s*(!0|true)/, message: 'a property sets useDefault, which REACTIVE_ELEMENT_CUTS cut' },
  ]);

// The static text of every html`` and svg`` template in a module (each binding's expression skipped by counting
// braces; a nested template is read on its own).
function templateStatics(code) {
  const statics = [];
  const opening = /\b(?:html|svg)`/g;
  while (opening.exec(code)) {
    let i = opening.lastIndex;
    let text = '';
    while (i < code.length && code[i] !== '`') {
      if (code[i] === '\\') {
        text += code.slice(i, i + 2);
        i += 2;
      } else if (code.startsWith('${', i)) {
        let depth = 1;
        for (i += 2; i < code.length && depth; i++) depth += code[i] === '{' ? 1 : code[i] === '}' ? -1 : 0;
        text += '${}';
      } else text += code[i++];
    }
    statics.push(text);
  }
  return statics;
}

// LIT_HTML_CUTS' raw-text bindings: a kit module whose template has a script, style, textarea or title element
// fails the build (and the test run, which uses this plugin too).
const RAW_TEXT = /<(script|style|textarea|title)[\s>/]/i;
export const litAsUsed = () => {
  const plugin = cuts();
  return {
    ...plugin,
    transform(code, id) {
      if (/[\\/]src[\\/].*\.ts$/.test(id)) {
        const raw = templateStatics(code).map((t) => RAW_TEXT.exec(t)).find(Boolean);
        if (raw) this.error(`${id}: a template has a <${raw[1]}> element, whose bindings LIT_HTML_CUTS cut (raw-text bindings)`);
        return null;
      }
      return plugin.transform.call(this, code, id);
    },
  };
};
