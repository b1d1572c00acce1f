/**
 * Lit's internal state, `static properties = { name: { state: true } }`, has no attribute; the analyzer lists
 * it as one (it knows `state` only from the @state decorator, which the kit does not use: see SardStory).
 * This plugin takes those attributes out again and marks the fields private.
 */
function litStates() {
  const states = new Map(); // class name → names of state properties
  return {
    name: 'lit-states',
    analyzePhase({ ts, node }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      for (const member of node.members) {
        if (!ts.isPropertyDeclaration(member) || member.name.getText() !== 'properties') continue;
        if (!member.initializer || !ts.isObjectLiteralExpression(member.initializer)) continue;
        const names = member.initializer.properties
          .filter((p) => ts.isPropertyAssignment(p) && ts.isObjectLiteralExpression(p.initializer))
          .filter((p) => p.initializer.properties.some((o) => ts.isPropertyAssignment(o) && o.name.getText() === 'state' && o.initializer.kind === ts.SyntaxKind.TrueKeyword))
          .map((p) => p.name.getText());
        states.set(node.name.getText(), new Set(names));
      }
    },
    moduleLinkPhase({ moduleDoc }) {
      for (const declaration of moduleDoc.declarations ?? []) {
        const names = states.get(declaration.name);
        if (!names?.size) continue;
        declaration.attributes = (declaration.attributes ?? []).filter((a) => !names.has(a.fieldName ?? a.name));
        for (const member of declaration.members ?? []) {
          if (!names.has(member.name)) continue;
          delete member.attribute;
          member.privacy = 'private';
        }
      }
    },
  };
}

export default {
  globs: ['src/components/**/*.component.ts'],
  exclude: ['src/**/*.test.ts'],
  outdir: '.',
  litelement: true,
  plugins: [litStates()],
};
