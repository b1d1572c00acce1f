/**
 * A harness for story tests: mount a story, scroll for real, read its state.
 * Scrolling is done with window.scrollTo and the story is left to notice it
 * (its IntersectionObserver, scrollend): nothing is stubbed.
 */
import '../define.js';
import type { SardStory } from '../components/sard-story/sard-story.component.js';
import { FIXTURES } from './fixtures.js';

export const fixtureUrl = (name: string) => new URL(name, FIXTURES).href;

export const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
/** A fixed wait: only for a test that proves nothing more happens (say why where it is used); otherwise wait on what it means. */
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Waits until `condition()` holds, or fails with `what` after `timeout` ms. */
export async function until(condition: () => boolean, what: string, timeout = 4000): Promise<void> {
  const end = performance.now() + timeout;
  while (!condition()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await nextFrame();
  }
}

/** `n` animation frames: what a scroll, a resize or a new state does in the next frame has been done. */
export async function nextFrames(n = 2): Promise<void> {
  for (let i = 0; i < n; i++) await nextFrame();
}

/**
 * Waits until nothing animates under `root` (a shadow root, or a document): every CSS transition and Web
 * Animation there has finished or been replaced. Asked again after each round, as one fade may start
 * another. Fails with what still runs after `timeout` ms.
 */
export async function animationsDone(root: DocumentOrShadowRoot, timeout = 5000): Promise<void> {
  const end = performance.now() + timeout;
  const running = () => root.getAnimations().filter((a) => a.playState === 'running');
  for (let now = running(); now.length; now = running()) {
    const left = end - performance.now();
    if (left <= 0) {
      const names = now.map((a) => (a as CSSTransition).transitionProperty ?? (a as CSSAnimation).animationName ?? 'an animation');
      throw new Error(`timed out waiting for animations to finish (still running: ${[...new Set(names)].join(', ')})`);
    }
    // A transition replaced by a newer one rejects `finished`: it is over all the same.
    let timer!: ReturnType<typeof setTimeout>;
    await Promise.race([Promise.allSettled(now.map((a) => a.finished)), new Promise<void>((resolve) => (timer = setTimeout(resolve, left)))]);
    clearTimeout(timer);
  }
}

/**
 * Call before scrolling `target`: resolves once that scroll has ended (`scrollend`) and two frames
 * more, by when the story has handled it (its IntersectionObserver and its scrollend repair both end
 * in a frame's sync). A scroll that does not move fires no scrollend: use it only for real moves.
 */
export function scrollHandled(target: EventTarget = window, timeout = 4000): Promise<void> {
  return nextEvent(target, 'scrollend', timeout).then(() => nextFrames(2));
}

export function nextEvent<T = unknown>(target: EventTarget, type: string, timeout = 4000): Promise<CustomEvent<T>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${type} within ${timeout} ms`)), timeout);
    target.addEventListener(type, (e) => (clearTimeout(timer), resolve(e as CustomEvent<T>)), { once: true });
  });
}

export interface StoryOptions {
  src?: string;
  inline?: unknown;
  steps?: Array<string | null>;
  attrs?: Record<string, string>;
  graphic?: string;
  container?: HTMLElement;
  /** Page space before the story, so the reader starts above its first step (default 120vh). */
  spacer?: string;
}

/** Builds a story with the DOM API (no innerHTML of test data) and waits for sard-ready. */
export async function mountStory(options: StoryOptions = {}, waitFor: 'sard-ready' | 'sard-error' | null = 'sard-ready') {
  const story = document.createElement('sard-story') as SardStory;
  for (const [k, v] of Object.entries(options.attrs ?? {})) story.setAttribute(k, v);
  const graphic = document.createElement('div');
  graphic.slot = 'graphic';
  graphic.className = 'test-graphic';
  for (const tag of (options.graphic ?? 'sard-date').split(/\s+/).filter(Boolean)) {
    const [name, counter] = tag.split(':');
    const el = document.createElement(name!);
    if (counter) el.setAttribute('counter', counter);
    graphic.append(el);
  }
  story.append(graphic);
  (options.steps ?? ['e0', 'e1', 'e2', 'e3', 'e4', 'e5']).forEach((event, i) => {
    const step = document.createElement('sard-step');
    if (event) step.setAttribute('event', event);
    step.id = `step-${i}`;
    const p = document.createElement('p');
    p.textContent = `Step ${i} (${event ?? 'no event'}). `.repeat(4);
    step.append(p);
    story.append(step);
  });
  if (options.inline !== undefined) {
    const script = document.createElement('script');
    script.type = 'application/json';
    script.slot = 'events';
    script.textContent = typeof options.inline === 'string' ? options.inline : JSON.stringify(options.inline);
    story.append(script);
  } else story.setAttribute('src', options.src ?? fixtureUrl('basic.events.json'));
  const ready = waitFor ? nextEvent(story, waitFor) : null;
  const parent = options.container ?? document.body;
  const spacer = document.createElement('div');
  spacer.className = 'test-spacer';
  spacer.style.setProperty('block-size', options.spacer ?? '120vh');
  parent.append(spacer, story);
  if (ready) await ready;
  return story;
}

export const stepsOf = (story: SardStory) => [...story.querySelectorAll('sard-step')] as HTMLElement[];

/** The trigger line as the story computes it (reads the rendered graphic in stacked layout). */
export function triggerLine(story: SardStory): number {
  return (story as unknown as { triggerY(): number }).triggerY();
}

/** Scrolls the window so step `i`'s top sits `inside` px above the trigger line. */
export function scrollStepToTrigger(story: SardStory, i: number, inside = 8) {
  const step = stepsOf(story)[i]!;
  const y = window.scrollY + step.getBoundingClientRect().top - triggerLine(story) + inside;
  window.scrollTo({ top: y, behavior: 'instant' });
}

/** Scrolls to step `i` and waits until the story reports it active. */
export async function scrollToStep(story: SardStory, i: number) {
  scrollStepToTrigger(story, i);
  const step = stepsOf(story)[i]!;
  await until(() => story.activeIndex === i, `step ${i} to become active`).catch((err: Error) => {
    const where = `active ${story.activeIndex}, scrollY ${Math.round(scrollY)}, step top ${Math.round(step.getBoundingClientRect().top)}, trigger ${Math.round(triggerLine(story))}`;
    throw new Error(`${err.message} (${where})`);
  });
}

export function cleanup() {
  document.querySelectorAll('sard-story, iframe, .test-spacer').forEach((el) => el.remove());
  window.scrollTo({ top: 0, behavior: 'instant' });
  history.replaceState(null, '', location.pathname + location.search);
}
