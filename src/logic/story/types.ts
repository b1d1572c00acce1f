/** Types of the event file (version 1), as documented in API.md and schema/event-file.schema.json. */
import type { Topology } from 'topojson-specification';
import type { Label } from '../format/plural.js';
import type { Words } from '../format/words.js';

/** YYYY-MM-DD, a UTC day; or YYYY-MM, a month (its first day where a range starts, its last where one ends). */
export type Day = string;
export type DateValue = Day | { start: Day; end: Day };
/** [west, south, east, north] in degrees; west > east crosses the antimeridian. */
export type BBox = [number, number, number, number];
/** A bbox, or features to fit: areas, points, or both (the view fits all of them). */
export type ViewSpec = BBox | { areas: string[]; points?: string[] } | { points: string[]; areas?: undefined };

export interface SourceRef {
  title: string;
  file?: string;
  url?: string;
  publisher?: string;
  date?: string;
}

export interface MapSpec {
  topology: string | Topology;
  areas: string;
  lines?: string;
  points?: string;
  base?: string[];
  view?: BBox;
  /** One projection per story (API.md v1.1); mercator when left out. */
  projection?: 'mercator' | 'equal-earth' | 'conic-equal-area';
}

export interface ControlState {
  label: string;
  color: string;
  pattern?: string;
}

export type CounterDerive = { count: string } | { areaKm2: string } | { daysSince: Day };

export interface CounterSpec {
  /** One string, or plural forms keyed by Intl.PluralRules categories (`other` required). */
  label: Label;
  derive?: CounterDerive;
}

/** A counter's value: a number, null (no value yet), or one the sources give as approximate. */
export type CounterValue = number | null | { value: number | null; approx?: boolean };

export interface StoryEvent {
  id: string;
  date: DateValue;
  title?: string;
  view?: ViewSpec;
  control?: Record<string, string>;
  show?: string[];
  hide?: string[];
  highlight?: string[];
  counters?: Record<string, CounterValue>;
  sources?: string[];
  note?: string;
  /** The date is approximate: shown with the locale's "about". */
  circa?: boolean;
}

export interface EventFile {
  version: 1;
  locale: string;
  title?: string;
  credit?: string;
  sources?: Record<string, SourceRef>;
  map?: MapSpec;
  states?: Record<string, ControlState>;
  initial?: {
    control?: Record<string, string>;
    visible?: string[];
    counters?: Record<string, CounterValue>;
  };
  counters?: Record<string, CounterSpec>;
  /** The event file's own words for any the kit writes (see words.ts). */
  strings?: Partial<Words>;
  events: StoryEvent[];
}

/** The state as of one event (or the initial state, eventId null). */
export interface StoryState {
  eventId: string | null;
  date: DateValue | null;
  /** The date is approximate (the event's `circa`). */
  circa: boolean;
  view: BBox | null;
  control: Record<string, string>;
  visible: string[];
  highlight: string[];
  counters: Record<string, number | null>;
  /** The counters whose value, as of this state, the sources give as approximate ("about 6,000"). */
  approx: string[];
}

export type Level = 'error' | 'warning';

/** One problem found in an event file, topology or page; the `detail` of `sard-error`. */
export interface Problem {
  level: Level;
  /** The event file's URL, `inline`, the topology's URL, or the page URL. */
  file: string;
  /** JSON path such as `events[4].control.bani-zaid` (empty for the whole file). */
  path: string;
  message: string;
}
