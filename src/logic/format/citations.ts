/** The marks a step ends with under `<sard-story cite>`: its event's sources, numbered as `<sard-sources>` lists them. */
import type { EventFile } from '../story/types.js';
import type { Words } from './words.js';
import { formatNumber } from './format.js';

export interface Citation {
  /** The source's id in the event file (its entry in `<sard-sources>` is `source-ID`). */
  id: string;
  /** Its number in the sources list, in the story's digits. */
  number: string;
  /** What the mark says to a screen reader and on hover: "Source 3: title". */
  label: string;
}

/** A step's line of marks: a word that says what the numbers are ("Sources"), then the marks. */
export interface Citations {
  heading: string;
  marks: Citation[];
}

/** For each event (in file order), the sources it cites; sources are numbered in the order the file lists them. */
export function citationsByEvent(file: EventFile, words: Words): Citations[] {
  const sources = file.sources ?? {};
  const ids = Object.keys(sources);
  // Only a file without errors is shown: every cited id is one of its sources.
  return file.events.map((event) => ({
    heading: words.sources,
    marks: (event.sources ?? []).map((id) => {
      const number = formatNumber(file.locale, ids.indexOf(id) + 1);
      return { id, number, label: `${words.source} ${number}: ${sources[id]!.title}` };
    }),
  }));
}
