/**
 * Where a problem's JSON path is in the text the author is editing: the kit names a place in the
 * event file as `events[4].control.bani-zaid`; the editor needs a range of characters to underline.
 * Reads the Lezer JSON syntax tree (the editor's own parse, error-tolerant), so a file that is half
 * typed still places every problem it can.
 */
import type { SyntaxNode, Tree } from '@lezer/common';

export type PathPart = string | number;

/** `events[4].control.bani-zaid` → ['events', 4, 'control', 'bani-zaid'] (the kit's `formatPath`, read back). */
export function parsePath(path: string): PathPart[] {
  const parts: PathPart[] = [];
  for (const [, index, key] of path.matchAll(/\[(\d+)\]|\.?([^.[\]]+)/g)) parts.push(index !== undefined ? Number(index) : key!);
  return parts;
}

export interface Located {
  from: number;
  to: number;
  /** false: the path goes deeper than the text does (a key not written yet); the range is the deepest part found. */
  exact: boolean;
}

const VALUES = new Set(['Object', 'Array', 'String', 'Number', 'True', 'False', 'Null']);

/** The value node of a Property (the child after the colon), if written. */
function propertyValue(property: SyntaxNode): SyntaxNode | null {
  for (let c = property.lastChild; c; c = c.prevSibling) if (VALUES.has(c.name)) return c;
  return null;
}

/** A PropertyName's key as JSON reads it (the quotes and escapes removed). */
function keyOf(name: SyntaxNode, text: string): string {
  const raw = text.slice(name.from, name.to);
  try {
    return JSON.parse(raw) as string;
  } catch {
    return raw.replace(/^"|"$/g, '');
  }
}

function valuesOf(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) if (VALUES.has(c.name)) out.push(c);
  return out;
}

/**
 * The range to mark for `path`. A key that names a small value (a string, a number) marks the whole
 * `"key": value`; a key whose value is an object or array marks only the key, so the underline stays
 * on one line. The empty path (the whole file) marks the first character.
 */
export function locate(tree: Tree, text: string, path: readonly PathPart[]): Located {
  const top = tree.topNode.firstChild;
  if (!top || !path.length) return { from: 0, to: Math.min(1, text.length), exact: !path.length };
  let node: SyntaxNode = top;
  let mark = { from: top.from, to: Math.min(top.to, top.from + 1) };
  for (const part of path) {
    let next: SyntaxNode | null = null;
    let nextMark = mark;
    if (typeof part === 'number' && node.name === 'Array') {
      next = valuesOf(node)[part] ?? null;
      if (next) nextMark = { from: next.from, to: next.to };
    } else if (typeof part === 'string' && node.name === 'Object') {
      for (let p = node.firstChild; p; p = p.nextSibling) {
        if (p.name !== 'Property') continue;
        const name = p.getChild('PropertyName');
        if (!name || keyOf(name, text) !== part) continue;
        next = propertyValue(p);
        const big = !next || next.name === 'Object' || next.name === 'Array';
        nextMark = { from: name.from, to: big ? name.to : next!.to };
      }
    }
    if (!next) return { ...mark, exact: false };
    node = next;
    mark = nextMark;
  }
  // A whole object or array as the target: its first line only.
  if (node.name === 'Object' || node.name === 'Array') {
    const end = text.indexOf('\n', mark.from);
    if (end > mark.from && end < mark.to) mark = { from: mark.from, to: end };
  }
  return { ...mark, exact: true };
}

/** Where the cursor is, as a JSON path: on a key of the object at `path` (`atKey`), or in the value at `path`. */
export interface CursorPlace {
  path: PathPart[];
  atKey: boolean;
  /** The string token under the cursor (quotes included), to be replaced by a completion; null between tokens. */
  token: { from: number; to: number } | null;
  /** Keys already written in the object (for `atKey`). */
  written: string[];
}

/** The JSON path of a value node, from the document's top. */
export function pathOf(node: SyntaxNode, text: string): PathPart[] {
  const path: PathPart[] = [];
  for (let n: SyntaxNode | null = node; n?.parent; n = n.parent) {
    const parent: SyntaxNode = n.parent;
    if (parent.name === 'Property' && VALUES.has(n.name)) {
      const name = parent.getChild('PropertyName');
      if (name) path.unshift(keyOf(name, text));
    } else if (parent.name === 'Array' && VALUES.has(n.name)) {
      path.unshift(valuesOf(parent).findIndex((v) => v.from === n!.from));
    }
  }
  return path;
}

const keysOf = (object: SyntaxNode, text: string) =>
  object.getChildren('Property').flatMap((p) => {
    const name = p.getChild('PropertyName');
    return name ? [keyOf(name, text)] : [];
  });

export function cursorPlace(tree: Tree, text: string, pos: number): CursorPlace | null {
  let node: SyntaxNode | null = tree.resolveInner(pos, -1);
  if (node.name === 'PropertyName') {
    const object = node.parent?.parent;
    if (!object) return null;
    return { path: pathOf(object, text), atKey: true, token: { from: node.from, to: node.to }, written: keysOf(object, text).filter((k) => k !== keyOf(node!, text)) };
  }
  if (node.name === 'String') {
    const parent = node.parent;
    // A string where a key goes (`{ "con` before the colon is typed) parses as an error inside the object.
    if (parent && (parent.name === 'Object' || parent.name === '⚠')) {
      const object = parent.name === 'Object' ? parent : parent.parent;
      if (object?.name === 'Object') return { path: pathOf(object, text), atKey: true, token: { from: node.from, to: node.to }, written: keysOf(object, text) };
    }
    return { path: pathOf(node, text), atKey: false, token: { from: node.from, to: node.to }, written: [] };
  }
  // Between tokens: inside the nearest object (a key may start here) or array (a value may).
  for (; node; node = node.parent) {
    if (node.name === 'Object') return { path: pathOf(node, text), atKey: true, token: null, written: keysOf(node, text) };
    if (node.name === 'Array') {
      const before = valuesOf(node).filter((v) => v.to <= pos).length;
      return { path: [...pathOf(node, text), before], atKey: false, token: null, written: [] };
    }
  }
  return null;
}
