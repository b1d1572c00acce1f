/**
 * What the story hands down to its graphics (one way: graphics never reach up).
 * A graphic asks with one bubbling, composed event when it connects; the
 * nearest story answers and keeps calling back with each new state until the
 * graphic disconnects. Own code instead of @lit/context: this one case costs
 * ~0.3 KB gzip instead of ~1 KB, and the 40 KB budget holds the map (d3-geo).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { EventFile, StoryState } from './logic/story/types.js';
import type { Geo } from './logic/geo/topology.js';
import type { Words } from './logic/format/words.js';

export interface StoryContext {
  file: EventFile;
  geo: Geo | null;
  locale: string;
  /** The words the kit writes, in the story's language (with the event file's `strings`). */
  words: Words;
  /** The state as of the active event (the initial state before the first step). */
  state: StoryState;
  /** Active step index, -1 before the first step. */
  index: number;
  /** Apply without transition: the first landing, a deep link, a jump over steps. */
  instant: boolean;
  /** The story is in its narrow layout (phones, CMS columns): graphics fold the legend and the credit. */
  narrow: boolean;
  /** In the narrow layout, the counters shown (the others fold); null otherwise. */
  narrowCounters: string[] | null;
}

type Listener = (value: StoryContext | undefined) => void;

/** detail: the graphic's listener; the story sets `unsubscribe` on the event so the graphic can leave. */
const REQUEST = 'sard-context-request';
/** A story connected: graphics that asked before any story could answer ask again. */
const PROVIDER = 'sard-context-provider';
type Request = CustomEvent<Listener> & { unsubscribe?: () => void };

/** On the story: answers the requests of the graphics inside it. */
export class StoryProvider implements ReactiveController {
  private _value?: StoryContext;
  private readonly _listeners = new Set<Listener>();

  constructor(private readonly _host: ReactiveControllerHost & HTMLElement) {
    _host.addController(this);
    _host.addEventListener(REQUEST, (event) => {
      const request = event as Request;
      // The nearest story answers; stories nested in stories keep their own graphics.
      event.stopPropagation();
      const listener = request.detail;
      this._listeners.add(listener);
      request.unsubscribe = () => this._listeners.delete(listener);
      if (this._value) listener(this._value);
    });
  }

  hostConnected() {
    this._host.dispatchEvent(new Event(PROVIDER, { bubbles: true, composed: true }));
  }

  setValue(value: StoryContext) {
    this._value = value;
    for (const listener of this._listeners) listener(value);
  }
}

/**
 * A frozen context for the graphics inside `el` (a flat layout's still): they
 * get this one value once, and never the story's changing one.
 */
export function provideFixed(el: HTMLElement, value: StoryContext) {
  el.addEventListener(REQUEST, (event) => {
    event.stopPropagation();
    (event as Request).unsubscribe = () => {};
    (event as Request).detail(value);
  });
}

/** On a graphic: receives the story's context while connected. */
export class StoryConsumer implements ReactiveController {
  private _unsubscribe?: () => void;

  private readonly _receive: Listener;

  constructor(private readonly _host: ReactiveControllerHost & HTMLElement, receive: Listener) {
    _host.addController(this);
    // `data-story` while a story's context is in: until then the graphic is laid out but not painted
    // (graphic-host styles), so what it shows when the story arrives is new, not a layout shift.
    this._receive = (value) => {
      _host.toggleAttribute('data-story', !!value);
      receive(value);
    };
  }

  hostConnected() {
    this._request();
    // No story answered (this graphic was defined, or connected, before its story): wait for one.
    if (!this._unsubscribe) document.addEventListener(PROVIDER, this._request);
  }

  private readonly _request = () => {
    if (this._unsubscribe) return;
    const request = new CustomEvent(REQUEST, { bubbles: true, composed: true, detail: this._receive }) as Request;
    this._host.dispatchEvent(request);
    this._unsubscribe = request.unsubscribe;
    if (this._unsubscribe) document.removeEventListener(PROVIDER, this._request);
  };

  hostDisconnected() {
    document.removeEventListener(PROVIDER, this._request);
    this._unsubscribe?.();
    this._unsubscribe = undefined;
    this._receive(undefined);
  }
}
