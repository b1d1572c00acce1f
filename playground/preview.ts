/**
 * The live story: a same-origin iframe (playground/frame.html) with the kit loaded, so the story has a
 * real viewport to scroll, at a phone's width or a desktop's. The playground puts the author's story
 * element into it (parsed and sanitized, then imported: never innerHTML) and hands it the event file as
 * the `events` property. A change of the event file alone keeps the story element, and so the step
 * the author is reading; a change of the HTML replaces the element and scrolls back to that step.
 */
import { sanitizeStoryMarkup } from './logic/sanitize.js';

/** The public surface of `<sard-story>` the playground uses (API.md). */
export interface StoryElement extends HTMLElement {
  events: unknown;
  readonly activeIndex: number;
  readonly activeEventId: string | null;
  readonly state: unknown;
  goTo(eventId: string): void;
  triggerY?(): number;
}

export class Preview {
  private _html: string | null = null;
  private _ready: Promise<void>;

  constructor(
    readonly frame: HTMLIFrameElement,
    private readonly onStep: (index: number, eventId: string | null) => void,
  ) {
    this._ready = new Promise((resolve) => {
      const done = () => (this.frame.contentDocument?.readyState === 'complete' && this.frame.contentWindow?.customElements.get('sard-story') ? resolve() : setTimeout(done, 30));
      done();
    });
  }

  get story(): StoryElement | null {
    return (this.frame.contentDocument?.querySelector('sard-story') as StoryElement | null) ?? null;
  }

  /**
   * Shows `html` (the author's story element) with `events` (a valid event file, its topology inline).
   * Returns false when the HTML has no `<sard-story>`.
   */
  async show(html: string, events: unknown): Promise<boolean> {
    await this._ready;
    const doc = this.frame.contentDocument!;
    const old = this.story;
    if (html !== this._html || !old) {
      const parsed = new DOMParser().parseFromString(`<!doctype html><body>${html}`, 'text/html');
      sanitizeStoryMarkup(parsed.body);
      const element = parsed.querySelector('sard-story');
      if (!element) return false;
      element.removeAttribute('src'); // the file comes as `events`, with its topology inline
      const step = old?.activeEventId ?? null;
      const fresh = doc.importNode(element, true) as StoryElement;
      const wasAt = this.frame.contentWindow!.scrollY;
      fresh.addEventListener('sard-step-enter', (e) => {
        const detail = (e as CustomEvent<{ index: number; eventId: string | null }>).detail;
        this.onStep(detail.index, detail.eventId);
      });
      fresh.events = events;
      if (old) old.replaceWith(fresh);
      else doc.querySelector('main')!.append(fresh);
      this._html = html;
      if (step) await this.jump(step, 'instant');
      else this.frame.contentWindow!.scrollTo({ top: wasAt, behavior: 'instant' });
    } else {
      old.events = events;
    }
    return true;
  }

  /** Brings the first step of this event (or the step with this id) to the story's trigger line. */
  async jump(eventId: string, behavior: ScrollBehavior = 'smooth') {
    const story = this.story;
    if (!story) return;
    await new Promise<void>((resolve) => {
      if ((story as unknown as { events: unknown }).events) return resolve();
      story.addEventListener('sard-ready', () => resolve(), { once: true });
      setTimeout(resolve, 2000);
    });
    if (behavior === 'smooth') return story.goTo(eventId);
    const step = story.querySelector(`sard-step[event="${CSS.escape(eventId)}"], #${CSS.escape(eventId)}`);
    if (!step) return;
    const win = this.frame.contentWindow!;
    const trigger = story.triggerY ? story.triggerY() : win.innerHeight / 2;
    win.scrollTo({ top: win.scrollY + step.getBoundingClientRect().top - trigger + 8, behavior: 'instant' });
  }

  /** The preview's width: a device preset, or the column (null). */
  setWidth(px: number | null) {
    this.frame.style.inlineSize = px ? `${px}px` : '';
    this.frame.closest('.pg-frame-wrap')?.toggleAttribute('data-fixed', !!px);
  }
}
