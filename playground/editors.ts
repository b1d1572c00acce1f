/**
 * The two CodeMirror editors: the event file (JSON, with the kit's problems at their places, completion
 * of property names from the schema and of the story's ids, and hover help) and the story (HTML, with
 * completion of event and counter ids in `event="…"` and `counter="…"`). Lines take their direction from
 * their own text, so Arabic prose in the HTML reads right to left inside a left-to-right editor.
 */
import { EditorView, basicSetup } from 'codemirror';
import { EditorState, type Extension } from '@codemirror/state';
import { hoverTooltip, keymap } from '@codemirror/view';
import { json } from '@codemirror/lang-json';
import { html } from '@codemirror/lang-html';
import { HighlightStyle, syntaxHighlighting, syntaxTree } from '@codemirror/language';
import { tags } from '@lezer/highlight';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { autocompletion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { indentWithTab } from '@codemirror/commands';
import { cursorPlace, pathOf } from './logic/json-locate.js';
import { describe, idSuggestions, keySuggestions, type StoryIds } from './logic/schema-help.js';

export interface EditorOptions {
  parent: HTMLElement;
  label: string;
  text: string;
  onChange: (text: string) => void;
}

/**
 * Token colours with at least 4.5:1 contrast on white and on the active line's tint (CodeMirror's
 * default style has greens and blues below it: axe color-contrast). Replaces the default, which
 * basicSetup installs only as a fallback.
 */
const readable = HighlightStyle.define([
  { tag: [tags.string, tags.attributeValue], color: '#9c1c1c' },
  { tag: [tags.propertyName, tags.attributeName], color: '#1d4f91' },
  { tag: [tags.number, tags.bool, tags.null, tags.keyword], color: '#7a3e00' },
  { tag: [tags.tagName, tags.typeName], color: '#0f5c3a' },
  { tag: [tags.comment, tags.meta], color: '#55555a', fontStyle: 'italic' },
  { tag: [tags.angleBracket, tags.punctuation, tags.separator], color: '#3c3c40' },
  { tag: tags.invalid, color: '#b3261e' },
]);

const common = (options: EditorOptions): Extension[] => [
  basicSetup,
  syntaxHighlighting(readable),
  // Tab indents; Escape then Tab leaves the editor (CodeMirror's documented escape hatch for keyboard users).
  keymap.of([indentWithTab]),
  EditorView.perLineTextDirection.of(true),
  EditorView.lineWrapping,
  // tabindex: the text area is already a tab stop (contenteditable); said explicitly, axe sees the
  // scrolling editor has a focusable part (scrollable-region-focusable).
  EditorView.contentAttributes.of({ 'aria-label': options.label, tabindex: '0' }),
  EditorView.updateListener.of((update) => {
    if (update.docChanged) options.onChange(update.state.doc.toString());
  }),
];

export class JsonEditor {
  readonly view: EditorView;

  constructor(
    options: EditorOptions,
    private readonly schema: object,
    private readonly ids: () => StoryIds,
  ) {
    this.view = new EditorView({
      parent: options.parent,
      state: EditorState.create({
        doc: options.text,
        extensions: [
          ...common(options),
          json(),
          lintGutter(),
          autocompletion({ override: [(context) => this._complete(context)] }),
          hoverTooltip((view, pos) => this._hover(view, pos)),
        ],
      }),
    });
  }

  get text() {
    return this.view.state.doc.toString();
  }

  /** Replaces the whole text (a template, a dropped map): one undoable change. */
  setText(text: string) {
    this.view.dispatch({ changes: { from: 0, to: this.view.state.doc.length, insert: text } });
  }

  showProblems(diagnostics: Diagnostic[]) {
    this.view.dispatch(setDiagnostics(this.view.state, diagnostics));
  }

  private _complete(context: CompletionContext): CompletionResult | null {
    const text = context.state.doc.toString();
    const place = cursorPlace(syntaxTree(context.state), text, context.pos);
    if (!place) return null;
    const options = [
      ...(place.atKey ? keySuggestions(this.schema, place.path, place.written) : []),
      ...idSuggestions(this.ids(), place.path, place.atKey).filter((s) => !place.written.includes(s.label)),
    ];
    if (!options.length || (!place.token && !context.explicit)) return null;
    const from = place.token?.from ?? context.pos;
    const to = place.token?.to ?? context.pos;
    return {
      from,
      to,
      filter: true,
      options: options.map((s) => ({
        label: JSON.stringify(s.label),
        displayLabel: s.label,
        ...(s.detail ? { detail: s.detail.length > 60 ? `${s.detail.slice(0, 59)}…` : s.detail } : {}),
        ...(s.detail && s.detail.length > 60 ? { info: s.detail } : {}),
        type: s.kind === 'key' ? 'property' : 'constant',
        apply: JSON.stringify(s.label) + (s.kind === 'key' && !text.slice(to).trimStart().startsWith(':') ? ': ' : ''),
      })),
    };
  }

  private _hover(view: EditorView, pos: number) {
    const node = syntaxTree(view.state).resolveInner(pos, 1);
    if (node.name !== 'PropertyName' && node.name !== 'String') return null;
    const text = view.state.doc.toString();
    const valueNode = node.name === 'PropertyName' ? node.parent?.lastChild : node;
    if (!valueNode) return null;
    const path = pathOf(valueNode, text);
    const word = text.slice(node.from + 1, node.to - 1);
    const feature = this.ids().names[word];
    const help = [describe(this.schema, path), feature ? `${word}: ${feature}` : null].filter(Boolean).join('\n');
    if (!help) return null;
    return {
      pos: node.from,
      end: node.to,
      above: true,
      create: () => {
        const dom = document.createElement('div');
        dom.className = 'pg-hover';
        dom.textContent = help; // schema prose and feature names: text, never markup
        return { dom };
      },
    };
  }
}

export class HtmlEditor {
  readonly view: EditorView;

  constructor(options: EditorOptions, ids: () => StoryIds) {
    const attributeIds = (context: CompletionContext): CompletionResult | null => {
      const line = context.state.doc.lineAt(context.pos);
      const before = line.text.slice(0, context.pos - line.from);
      const m = /\b(event|counter)="([^"]*)$/.exec(before);
      if (!m) return null;
      const list = m[1] === 'event' ? ids().events : ids().counters;
      return { from: context.pos - m[2]!.length, options: list.map((id) => ({ label: id, type: 'constant' })), validFor: /^[^"]*$/ };
    };
    this.view = new EditorView({
      parent: options.parent,
      state: EditorState.create({
        doc: options.text,
        extensions: [...common(options), html(), EditorState.languageData.of(() => [{ autocomplete: attributeIds }])],
      }),
    });
  }

  get text() {
    return this.view.state.doc.toString();
  }

  setText(text: string) {
    this.view.dispatch({ changes: { from: 0, to: this.view.state.doc.length, insert: text } });
  }
}
