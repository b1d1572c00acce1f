import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { loadStory, INLINE, type LoadedStory } from '../../../logic/story/load.js';

/** A server that never answers must not leave the author guessing: after 15 s the load fails ("signal timed out"). */
const fetchText = async (url: string) => {
  const signal = AbortSignal.timeout(15e3);
  try {
    const response = await fetch(url, { signal }).catch((e: Error) => {
      // fetch says only "Failed to fetch" (Chrome) or "NetworkError…" (Firefox) for both: name the likely causes.
      throw e.name == 'TypeError' ? Error(`${e.message}: a network error, or CORS`) : e;
    });
    if (!response.ok) throw new Error(`HTTP ${response.status} for ${url}`);
    return await response.text();
  } catch (e) {
    // A body cut off by the timeout says "The user aborted a request." in some Chromium releases: say what happened.
    throw signal.aborted ? Error('timed out (15 s)') : e;
  }
};

type LoadingHost = ReactiveControllerHost & HTMLElement & { src: string | null };

/**
 * Loads the story's event file (and its topology): from a file set from JS, an
 * inline `<script slot="events">`, or `src`. One change of source starts exactly
 * one load; a newer load, or the story leaving the page, makes the older one
 * stop where it is. Hands the result to the story only once the page is parsed
 * (the steps are the story's children).
 */
export class StoryLoadController implements ReactiveController {
  /** The event file set from JS (undefined: none). */
  _explicit: unknown = undefined;
  /** The URL of the file being loaded (INLINE for an inline or JS-set file), for problems' `file`. */
  _fileUrl = '';
  /** What the load in flight or done came from. */
  private _requested: unknown = undefined;
  /** What the file in hand came from, so a story moved in the DOM does not fetch it again. */
  private _delivered: unknown = undefined;
  private _token = 0;

  constructor(
    private readonly _host: LoadingHost,
    /** The file is in; `current()` turns false once a newer load starts or the story leaves the page. */
    private readonly _onLoaded: (result: LoadedStory, current: () => boolean) => Promise<void>,
    private readonly _onFailure: (message: string) => void,
  ) {
    _host.addController(this);
  }

  /** What the story would load now: the JS-set file, the inline script's text, or the `src` URL. */
  _source(): unknown {
    if (this._explicit !== undefined) return this._explicit;
    const inline = this._host.querySelector<HTMLScriptElement>(':scope > script[type="application/json"][slot="events"]');
    return inline ? `inline:${inline.textContent}` : this._host.src;
  }

  /** The file in hand is what the story would load now (a story moved in the page: nothing to fetch). */
  _has(): boolean {
    return this._delivered !== undefined && this._delivered === this._source();
  }

  /** Loads again if the source changed since the last load started (a new `src`, or one given after connecting). */
  _refresh() {
    if (this._host.isConnected && this._source() !== this._requested) this._start();
  }

  /** Starts a load; whatever goes wrong is handed to the story as a message, never an uncaught rejection. */
  _start() {
    this._requested = this._source();
    this._load().catch((err: unknown) => this._onFailure(String((err as Error)?.message ?? err)));
  }

  hostDisconnected() {
    this._token++; // a load in flight must not set up a detached story
  }

  private async _load() {
    const token = ++this._token;
    const current = () => token === this._token;
    const source = this._source();
    const src = this._host.src;
    let text: string | null = null;
    let fileUrl = INLINE;
    if (this._explicit !== undefined) text = JSON.stringify(this._explicit) ?? 'null';
    else if (typeof source === 'string' && source.startsWith('inline:')) text = source.slice('inline:'.length);
    else if (src) fileUrl = new URL(src, document.baseURI).href;
    this._fileUrl = fileUrl;

    const result = text === null && !src ? null : await loadStory(text, fileUrl, document.baseURI, fetchText);
    // The steps (and an inline file) are children: wait until the page is parsed.
    if (document.readyState == 'loading') await new Promise((done) => document.addEventListener('DOMContentLoaded', done, { once: true }));
    if (!current()) return; // a newer load started meanwhile, or the story left the page
    if (source !== this._source()) return this._start(); // an inline file was parsed meanwhile
    if (!result) return; // nothing to load yet: `src` or `events` will come
    this._delivered = source;
    await this._onLoaded(result, current);
  }
}
