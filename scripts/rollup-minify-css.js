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
