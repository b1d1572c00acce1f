/** What the story hands down to its graphics (one way: graphics never reach up). */
import { createContext } from '@lit/context';
import type { EventFile, StoryState } from './logic/types.js';
import type { Geo } from './logic/geo.js';

export interface StoryContext {
  file: EventFile;
  geo: Geo | null;
  locale: string;
  dir: 'rtl' | 'ltr';
  /** The state as of the active event (the initial state before the first step). */
  state: StoryState;
  /** Active step index, -1 before the first step. */
  index: number;
  /** Apply without transition: the first landing, a deep link, a jump over steps. */
  instant: boolean;
}

export const storyContext = createContext<StoryContext | undefined>(Symbol('sard-story'));
