// The one mechanism behind scripts/rollup-lit.js and scripts/rollup-scrollama.js: text cut from a pinned
// library's files as rollup reads them, for code the kit provably never reaches.
//  - Each cut must be found, or the build fails (a new version of the library may lay its files out
//    differently: the cut is then reviewed, never silently skipped).
//  - `forbidden` patterns are checked on the whole chunk before terser: a use of something a cut took out
//    (a Lit directive, a scrollama option) fails the build instead of quietly not working.
// The same plugins run in the test runner (through @web/dev-server-rollup), so the tests run what ships.

/**
 * @param {string} name the plugin's name
 * @param {Array<{ file: RegExp, cuts: Array<{ what: string, find: string | RegExp, put?: string }> }>} files
 * @param {Array<{ pattern: RegExp, message: string }>} [forbidden]
 */
export function libraryCuts(name, files, forbidden = []) {
  return {
    name,
    transform(code, id) {
      const cuts = files.find((f) => f.file.test(id))?.cuts;
      if (!cuts) return null;
      for (const cut of cuts) {
        const found = typeof cut.find === 'string' ? code.includes(cut.find) : cut.find.test(code);
        if (!found) this.error(`${name}: ${cut.what} not found in ${id}`);
        // A string cut is made once; a global RegExp everywhere (replace resets its lastIndex).
        code = code.replace(cut.find, cut.put ?? '');
      }
      return { code, map: null };
    },
    renderChunk(code) {
      for (const { pattern, message } of forbidden) if (pattern.test(code)) this.error(`${name}: ${message}`);
      return null;
    },
  };
}
