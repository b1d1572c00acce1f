/**
 * Beside the preview: the events as a list (a button each: jump there), a scrubber over the same
 * events, the state as of the chosen event (as the preview bar's inspector shows it), and every
 * problem of the file, each a button that puts the cursor at its place in the editor.
 */
import type { UiStrings } from './strings.js';

export interface EventSummary {
  id: string;
  title: string;
  date: string;
}

export interface ProblemItem {
  level: 'error' | 'warning';
  text: string;
  /** Where it is in the event file's text, when it is there (topology problems are not). */
  at: number | null;
}

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]) => {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
};

export class Panel {
  private _events: EventSummary[] = [];
  private _states: unknown[] = [];
  private _initial: unknown = null;
  private _current = -1;

  constructor(
    private readonly parts: { list: HTMLOListElement; scrubber: HTMLInputElement; scrubberText: HTMLOutputElement; inspector: HTMLElement; problems: HTMLUListElement; problemsSummary: HTMLElement },
    private readonly words: () => UiStrings,
    private readonly go: (eventId: string) => void,
    private readonly reveal: (offset: number) => void,
  ) {
    parts.scrubber.addEventListener('input', () => {
      const event = this._events[Number(parts.scrubber.value)];
      if (event) this.go(event.id);
    });
  }

  /** The story's events and the state as of each (from the kit's own fold of the file). */
  setStory(events: EventSummary[], states: unknown[], initial: unknown) {
    this._events = events;
    this._states = states;
    this._initial = initial;
    const { list, scrubber } = this.parts;
    list.replaceChildren(
      ...events.map((e, i) => {
        const button = el('button', { type: 'button', className: 'pg-event' }, el('span', { className: 'pg-event-date' }, e.date), ' ', el('bdi', {}, e.title || e.id));
        button.dataset.event = e.id;
        button.addEventListener('click', () => {
          this.mark(i);
          this.go(e.id);
        });
        return el('li', {}, button);
      }),
    );
    scrubber.max = String(Math.max(0, events.length - 1));
    scrubber.disabled = !events.length;
    this.mark(Math.min(this._current, events.length - 1));
  }

  /** The event being read in the preview (-1: before the first). */
  mark(index: number) {
    this._current = index;
    const { list, scrubber, scrubberText, inspector } = this.parts;
    list.querySelectorAll('button').forEach((b, i) => (i === index ? b.setAttribute('aria-current', 'step') : b.removeAttribute('aria-current')));
    if (index >= 0) scrubber.value = String(index);
    const event = this._events[index];
    scrubberText.value = event ? `${index + 1} / ${this._events.length}: ${event.id}` : this.words().initial;
    inspector.textContent = JSON.stringify(index >= 0 ? this._states[index] : this._initial, null, 2);
  }

  markEvent(eventId: string | null) {
    this.mark(eventId ? this._events.findIndex((e) => e.id === eventId) : -1);
  }

  setProblems(items: ProblemItem[]) {
    const { problems, problemsSummary } = this.parts;
    problemsSummary.textContent = items.length ? `${this.words().problems}: ${items.length}` : this.words().noProblems;
    problems.replaceChildren(
      ...items.map((p) => {
        const text = el('span', {}, `${p.level}: ${p.text}`);
        text.dir = 'ltr';
        text.lang = 'en';
        if (p.at === null) return el('li', { className: `pg-problem pg-${p.level}` }, text);
        const button = el('button', { type: 'button', className: `pg-problem pg-${p.level}` }, text);
        button.addEventListener('click', () => this.reveal(p.at!));
        return el('li', {}, button);
      }),
    );
  }
}
