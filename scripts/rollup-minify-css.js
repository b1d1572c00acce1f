// Rollup plugin: minifies the CSS inside Lit's css`…` templates (comments,
// whitespace) before terser sees it. Terser leaves template strings alone, and
// the stylesheets are a good share of the kit's own bytes. Templates with
// ${…} expressions keep their expressions untouched.
export function minifyLitCss() {
  const minify = (text) =>
    text
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/\s*([{};,>])\s*/g, '$1')
      .replace(/:\s+/g, ':')
      .replace(/;}/g, '}')
      // Values: 0.5 is .5; no space is needed around "/" (rgb(0 0 0 / .4), font: 13px/20px) or before !important.
      .replace(/(^|[^\w.#-])0\.(\d)/g, '$1.$2')
      .replace(/ ?\/ ?/g, '/')
      .replace(/ !important/g, '!important')
      // Selectors: [part='credit'] is [part=credit] (an identifier needs no quotes); :has(+ x) is :has(+x).
      .replace(/=(['"])([a-zA-Z][\w-]*)\1\]/g, '=$2]')
      .replace(/\(([+~]) /g, '($1')
      // `.fold ~ x` is `.fold~x` (`~` is only ever a combinator here).
      .replace(/ ~ /g, '~')
      // Times: 300ms is .3s, 1200ms 1.2s (a whole number of tenths, the same duration).
      .replace(/(?<![\w.-])(\d*)(\d)00ms\b/g, '$1.$2s')
      // calc(): only + and - need spaces around them; a * followed by a number is calc's (a selector's * never is).
      .replace(/ \* (?=[\d.])/g, '*')
      .trim();
  return {
    name: 'minify-lit-css',
    transform(code, id) {
      if (!/\.(ts|js)$/.test(id) || id.includes('node_modules') || !/\bcss\s*`/.test(code)) return null;
      const out = code.replace(/\bcss\s*`([^`]*)`/g, (_, body) => {
        const parts = body.split(/(\$\{[^}]*\})/);
        return 'css`' + parts.map((p) => (p.startsWith('${') ? p : minify(p))).join('') + '`';
      });
      return { code: out, map: null };
    },
  };
}
