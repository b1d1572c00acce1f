/**
 * `sard validate FILE…`: the same rules and messages as the browser, from Node.
 * Exit status 1 when any file has an error (warnings alone exit 0).
 */
import { readFile } from 'node:fs/promises';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { relative, resolve } from 'node:path';
import { loadStory } from '../logic/story/load.js';
import { storiesInPage } from './story-page.js';
import { checkStepEvents } from '../logic/validate/references.js';
import type { Problem } from '../logic/story/types.js';

const USAGE = 'usage: sard validate [--json] FILE.events.json|PAGE.html…';

async function readText(url: string): Promise<string> {
  if (url.startsWith('file:')) return readFile(fileURLToPath(url), 'utf8');
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.text();
}

/** A problem's file as the user typed it (relative to the working directory) when it is local. */
const shownFile = (file: string) => (file.startsWith('file:') ? relative(process.cwd(), fileURLToPath(file)) || file : file);

/** An HTML page: every story in it, its event file, and the events its steps name. */
async function validatePage(url: string): Promise<Problem[]> {
  const stories = storiesInPage(await readText(url));
  if (!stories.length) return [{ level: 'warning', file: url, path: '', message: 'no <sard-story> (nor data-sard-story block) in this page' }];
  const problems: Problem[] = [];
  for (const [i, story] of stories.entries()) {
    if (!story.src && story.inline === null) {
      const message = story.form === 'plain' ? 'a data-sard-story block without data-src' : 'a <sard-story> with neither src nor an inline event file';
      problems.push({ level: 'error', file: url, path: `stories[${i}]`, message });
      continue;
    }
    const fileUrl = story.inline !== null ? 'inline' : new URL(story.src!, url).href;
    const loaded = await loadStory(story.inline, fileUrl, url, readText);
    problems.push(...loaded.problems);
    if (loaded.file) {
      const ids = new Set(loaded.file.events.map((e) => e.id));
      const prefix = stories.length > 1 ? `stories[${i}].` : '';
      problems.push(...checkStepEvents(story.stepEvents, ids, url).map((p) => ({ ...p, path: prefix + p.path })));
      // A mistyped counter id would only show a dash in the browser: say so here.
      const counterIds = Object.keys(loaded.file.counters ?? {});
      story.counters.forEach((id, j) => {
        if (id === null || !counterIds.includes(id)) {
          problems.push({ level: 'error', file: url, path: `${prefix}counters[${j}].counter`, message: id === null ? '<sard-counter> without a counter attribute' : `unknown counter "${id}" (known: ${counterIds.join(', ') || 'none'})` });
        }
      });
    }
  }
  return problems;
}

export async function validateFiles(paths: string[]): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const path of paths) {
    const url = pathToFileURL(resolve(path)).href;
    let found: Problem[];
    if (/\.html?$/i.test(path)) {
      try {
        found = await validatePage(url);
      } catch (err) {
        found = [{ level: 'error', file: url, path: '', message: `could not read the page (${(err as Error).message})` }];
      }
    } else found = (await loadStory(null, url, url, readText)).problems;
    problems.push(...found.map((p) => ({ ...p, file: shownFile(p.file) })));
  }
  return problems;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || rest.includes('--help') || rest.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const json = rest.includes('--json');
  const files = rest.filter((a) => a !== '--json');
  if (command !== 'validate' || !files.length) {
    console.error(USAGE);
    return 2;
  }
  const problems = await validateFiles(files);
  if (json) console.log(JSON.stringify(problems, null, 2));
  else {
    for (const p of problems) console.log(`${p.level}: ${[p.file, p.path, p.message].filter(Boolean).join(': ')}`);
    const errors = problems.filter((p) => p.level === 'error').length;
    console.log(`${files.length} file(s) checked: ${errors} error(s), ${problems.length - errors} warning(s)`);
  }
  return problems.some((p) => p.level === 'error') ? 1 : 0;
}


/** For the Node tests: the shape check alone (cross-checked against Ajv there). */
export { checkShape } from '../logic/validate/validate.js';
export { storiesInPage } from './story-page.js';
