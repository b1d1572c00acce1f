import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { formatProblem } from '../../../logic/validate/json-path.js';
import type { Problem } from '../../../logic/story/types.js';
import { wordsFor, type Words } from '../../../logic/format/words.js';

/**
 * What is wrong with the story, for its author: each problem is reported once
 * as a `sard-error` event and listed in the story (errors always, in place of
 * the graphic; warnings in debug mode), in English, left to right. Only the
 * heading of the error box is in the story's language: a reader sees it too.
 */
export class ProblemList {
  private _list: Problem[] = [];

  constructor(
    private readonly _host: ReactiveControllerHost & HTMLElement,
    /** The file problems found after loading belong to (the event file's URL, or the page's). */
    private readonly _file: () => string,
  ) {}

  /** Any error: the story cannot be shown, its text is read as an article. */
  _failed(): boolean {
    return this._list.some((p) => p.level === 'error');
  }

  /** A new file's problems: they replace the list. */
  _set(problems: Problem[]) {
    this._list = problems;
    this._report(problems);
  }

  /** A problem found after loading (a failed load, goTo, a hash). */
  _add(level: Problem['level'], message: string) {
    const problem: Problem = { level, file: this._file(), path: '', message };
    this._list = [...this._list, problem];
    this._report([problem]);
  }

  /** The page's own problems (steps, counters) checked afresh: a corrected attribute clears its entry; only new ones are reported. */
  _setPage(fresh: Problem[]) {
    const known = new Set(this._list.map((p) => `${p.path}|${p.message}`));
    this._report(fresh.filter((p) => !known.has(`${p.path}|${p.message}`)));
    this._list = [...this._list.filter((p) => p.file !== location.href || !p.path), ...fresh];
  }

  _render(debug: boolean, locale: string, strings?: Partial<Words>): TemplateResult {
    const errors = this._list.filter((p) => p.level === 'error');
    const warnings = debug ? this._list.filter((p) => p.level === 'warning') : [];
    return html`${errors.length ? this._renderList(errors, html`<p lang=${locale} dir="auto">${wordsFor(locale, strings).failed}</p>`, false) : nothing}
    ${warnings.length ? this._renderList(warnings, html`<p>Warnings</p>`, true) : nothing}`;
  }

  private _renderList(problems: Problem[], heading: unknown, warning: boolean) {
    return html`<div class="problems ${warning ? 'warnings' : ''}" part="problems" role=${warning ? 'status' : 'alert'} dir="ltr" lang="en">
      ${heading}
      <ul>${problems.map((p) => html`<li>${formatProblem(p)}</li>`)}</ul>
    </div>`;
  }

  private _report(problems: Problem[]) {
    for (const problem of problems) this._host.dispatchEvent(new CustomEvent('sard-error', { bubbles: true, composed: true, detail: { ...problem } }));
    this._host.requestUpdate();
  }
}
