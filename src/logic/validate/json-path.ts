/** Formats a path of keys and indices the way authors read it: `events[4].control.bani-zaid`. */
export function formatPath(parts: ReadonlyArray<string | number>): string {
  let out = '';
  for (const part of parts) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${part}` : part;
  }
  return out;
}

/** One line for a problem: `file: path: message` (path left out when empty). */
export function formatProblem(problem: { file: string; path: string; message: string }): string {
  const name = fileLabel(problem.file);
  return [name, problem.path, problem.message].filter(Boolean).join(': ');
}

/** The last path segment of a URL (what an author recognises), or the string itself. */
export function fileLabel(file: string): string {
  const clean = file.split(/[?#]/)[0] ?? file;
  const slash = clean.lastIndexOf('/');
  return slash >= 0 && slash < clean.length - 1 ? clean.slice(slash + 1) : file;
}
