// Rollup plugin: Lit's css-tag as the bundle uses it. Its two errors are for misuse of Lit's own API:
// constructing a CSSResult directly, and interpolating something other than a css`` result into css``.
// The bundle exports no Lit function, and none of the kit's css`` templates interpolates anything, so
// neither can be thrown from the bundle; the component tests, which run on src/ with the whole of Lit,
// still show Lit's full wording to whoever adds such a template. The throws stay, with short messages.
// Each cut must be found, or the build fails here (lit is pinned in package.json: a new version may word its
// messages differently).
// Measured in the IIFE (gzip -9): 101 B (40,666 → 40,565).
const CUTS = [
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
];

export function litAsUsed() {
  return {
    name: 'lit-as-used',
    transform(code, id) {
      if (!/[\\/]@lit[\\/]reactive-element[\\/]css-tag\.js$/.test(id)) return null;
      for (const cut of CUTS) {
        if (!code.includes(cut.find)) this.error(`lit: ${cut.what} not found in ${id} (see scripts/rollup-lit.js)`);
        code = code.replace(cut.find, cut.put);
      }
      return { code, map: null };
    },
  };
}
