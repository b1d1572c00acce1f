import ts from 'typescript';
import { readFileSync } from 'node:fs';

const packageName = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')).name;

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

/**
 * The elements are registered through `defineOnce(tag, Class)` (src/define-once.ts: loading the kit twice never
 * throws), which the analyzer does not know: it reads only `customElements.define`. This plugin reads those calls
 * in the registering modules (src/components/NAME/NAME.ts) and gives the manifest what a define call would: a
 * `custom-element-definition` export in the registering module, pointing at the class's module, and the tag name.
 */
function defineOnceCalls() {
  const tags = new Map(); // class name → tag
  return {
    name: 'define-once-calls',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node) || node.expression.getText() !== 'defineOnce') return;
      const [tag, klass] = node.arguments;
      if (!tag || !klass || !ts.isStringLiteral(tag) || !ts.isIdentifier(klass)) return;
      tags.set(klass.text, tag.text);
      moduleDoc.exports = [
        ...(moduleDoc.exports ?? []),
        { kind: 'custom-element-definition', name: tag.text, declaration: { name: klass.text, module: moduleOf(ts, node.getSourceFile(), klass.text, moduleDoc.path) } },
      ];
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? []) {
          const tag = tags.get(declaration.name);
          if (tag && declaration.kind === 'class') declaration.tagName = tag;
        }
      }
    },
  };
}

/** The module a name is imported from in `file` (relative imports only), as a manifest path; `self` if declared there. */
function moduleOf(ts, file, name, self) {
  for (const statement of file.statements) {
    if (!ts.isImportDeclaration(statement) || !statement.importClause?.namedBindings) continue;
    const bindings = statement.importClause.namedBindings;
    if (!ts.isNamedImports(bindings) || !bindings.elements.some((e) => e.name.text === name)) continue;
    const specifier = statement.moduleSpecifier.text;
    const dir = self.split('/').slice(0, -1);
    for (const part of specifier.split('/')) {
      if (part === '..') dir.pop();
      else if (part !== '.') dir.push(part);
    }
    return dir.join('/').replace(/\.js$/, '.ts');
  }
  return self;
}

/**
 * `this.dispatchEvent(new CustomEvent(type, …))` with a variable for the name (as in a helper that fires several
 * events) makes the analyzer list an event named after the variable (`type`). Such names are dropped; the real
 * events are documented with `@fires` on the class.
 */
function noVariableEventNames() {
  const variables = new Set(); // class name + '|' + variable used as an event name
  return {
    name: 'no-variable-event-names',
    analyzePhase({ ts, node }) {
      if (!ts.isNewExpression(node) || !['CustomEvent', 'Event'].includes(node.expression.getText())) return;
      const name = node.arguments?.[0];
      if (!name || !ts.isIdentifier(name)) return;
      let klass = node.parent;
      while (klass && !ts.isClassDeclaration(klass)) klass = klass.parent;
      if (klass?.name) variables.add(`${klass.name.text}|${name.text}`);
    },
    moduleLinkPhase({ moduleDoc }) {
      for (const declaration of moduleDoc.declarations ?? []) {
        if (!declaration.events) continue;
        declaration.events = declaration.events.filter((e) => e.name && !(variables.has(`${declaration.name}|${e.name}`) && !e.description));
      }
    },
  };
}

/**
 * The manifest is the public API: members that are private, protected, `_`-prefixed or marked `@internal` are
 * implementation, and an editor or a framework wrapper must not offer them. Lit's static plumbing (`styles`,
 * `properties`) goes too.
 */
function publicOnly() {
  // The analyzer honours `@internal` on a class field, but Lit's `static properties` bring such a field back.
  const internal = new Set(); // class name + '|' + member name
  const hidden = (className, m) =>
    m.privacy === 'private' || m.privacy === 'protected' || /^[_#]/.test(m.name) || internal.has(`${className}|${m.name}`) ||
    (m.static && ['styles', 'properties', 'shadowRootOptions'].includes(m.name));
  return {
    name: 'public-only',
    analyzePhase({ ts, node }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      for (const member of node.members) {
        if (member.name && ts.getJSDocTags(member).some((t) => ['internal', 'private', 'ignore'].includes(t.tagName.text))) {
          internal.add(`${node.name.text}|${member.name.getText()}`);
        }
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? []) {
          if (declaration.members) declaration.members = declaration.members.filter((m) => !hidden(declaration.name, m));
          if (declaration.attributes) {
            const fields = new Set((declaration.members ?? []).map((m) => m.name));
            declaration.attributes = declaration.attributes.filter((a) => !a.fieldName || fields.has(a.fieldName));
          }
          for (const key of ['members', 'attributes', 'events', 'cssProperties', 'cssParts', 'slots']) {
            if (Array.isArray(declaration[key]) && !declaration[key].length) delete declaration[key];
          }
        }
      }
    },
  };
}

/**
 * Types the `@fires {CustomEvent<X>}` tags name are exported by the package's entry (src/events.ts, re-exported
 * by src/index.ts); each event type says so with a reference, for tools that link or import them. By package, not
 * module: src/events.ts is type-only, so the ESM build has no module for it (`import type { X } from 'sard'`).
 */
function eventDetailReferences() {
  return {
    name: 'event-detail-references',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? []) {
          for (const event of declaration.events ?? []) {
            const names = [...(event.type?.text ?? '').matchAll(/<\s*([A-Za-z_$][\w$]*)\s*>/g)].map((m) => m[1]);
            if (names.length) event.type.references = names.map((name) => ({ name, package: packageName }));
          }
        }
      }
    },
  };
}

/**
 * A type alias in a member's or attribute's type (`layout: StoryLayout`) tells an editor nothing: it cannot offer
 * `side`, `overlay`… This plugin asks the TypeScript checker (one program over the package entry) for each such type
 * and, where it is a union of string literals (with null), writes the union out instead. The program starts at the
 * element modules, without the DOM lib (the aliases are the kit's own): the analysis takes 2 s instead of 1, not 5.
 */
function expandedTypes(ts) {
  return {
    name: 'expanded-types',
    packageLinkPhase({ customElementsManifest }) {
      const files = customElementsManifest.modules.map((mod) => mod.path).filter((path) => path.endsWith('.component.ts'));
      const program = ts.createProgram(files, { strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, noEmit: true, noLib: true, types: [] });
      const checker = program.getTypeChecker();
      const classes = new Map();
      for (const file of program.getSourceFiles()) {
        if (file.isDeclarationFile) continue;
        for (const node of file.statements) if (ts.isClassDeclaration(node) && node.name) classes.set(node.name.text, node);
      }
      const literalUnion = (type) => {
        if (!type.isUnion()) return null;
        const parts = type.types.map((t) => (t.isStringLiteral() ? JSON.stringify(t.value).replace(/"/g, "'") : t.flags & ts.TypeFlags.Null ? 'null' : t.flags & ts.TypeFlags.Undefined ? 'undefined' : null));
        return parts.every(Boolean) && parts.some((p) => p.startsWith("'")) ? parts.join(' | ') : null;
      };
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? []) {
          const node = classes.get(declaration.name);
          if (!node) continue;
          const classType = checker.getTypeAtLocation(node);
          const expand = (name, doc) => {
            if (!doc.type?.text || !/[A-Z]/.test(doc.type.text)) return;
            const symbol = classType.getProperty(name);
            const union = symbol && literalUnion(checker.getTypeOfSymbolAtLocation(symbol, node));
            if (union) doc.type.text = union;
          };
          for (const member of declaration.members ?? []) if (member.kind === 'field') expand(member.name, member);
          for (const attribute of declaration.attributes ?? []) if (attribute.fieldName) expand(attribute.fieldName, attribute);
        }
      }
    },
  };
}

/**
 * The manifest describes the package as shipped: the unbundled ESM build (dist/esm/) mirrors src/ one module per
 * file, so `src/X.ts` is `dist/esm/X.js`. Type-only exports (no runtime value in the module) are dropped: a tool
 * importing them would get undefined. Runs last, over every module path in the manifest.
 */
function shippedPaths() {
  const shipped = (p) => p.replace(/^\/?src\/(.*)\.[jt]s$/, 'dist/esm/$1.js');
  const rewrite = (value) => {
    if (Array.isArray(value)) value.forEach(rewrite);
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if ((key === 'module' || key === 'path') && typeof inner === 'string') value[key] = shipped(inner);
        else rewrite(inner);
      }
    }
  };
  return {
    name: 'shipped-paths',
    packageLinkPhase({ customElementsManifest }) {
      const declared = new Set();
      for (const mod of customElementsManifest.modules) for (const d of mod.declarations ?? []) declared.add(`${mod.path}|${d.name}`);
      for (const mod of customElementsManifest.modules) {
        mod.exports = (mod.exports ?? []).filter((e) => {
          if (e.kind !== 'js' || declared.has(`${e.declaration.module ?? mod.path}|${e.declaration.name}`)) return true;
          // A re-export (`export { SardStory }` in the registering module) points at the module that declares it.
          const home = [...declared].filter((key) => key.endsWith(`|${e.declaration.name}`));
          if (home.length === 1) e.declaration.module = home[0].split('|')[0];
          return home.length === 1;
        });
      }
      rewrite(customElementsManifest.modules);
      // In file order, whatever order the analyzer met them in: a rebuild changes the manifest only if the API changed.
      customElementsManifest.modules.sort((a, b) => a.path.localeCompare(b.path));
    },
  };
}

export default {
  // The element classes, and the modules that register them (for the tag names and definition exports).
  globs: ['src/components/*/sard-*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  plugins: [litStates(), defineOnceCalls(), noVariableEventNames(), publicOnly(), eventDetailReferences(), expandedTypes(ts), shippedPaths()],
};
