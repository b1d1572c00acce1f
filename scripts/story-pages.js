// Which pages of stories/ are stories: every top-level .html page but the gallery index and the
// authors' playground (tests, the embed build and the CLI check read every story page the same way).
export const NOT_STORIES = new Set(['index.html', 'playground.html']);

/** A file name in stories/ that is a story page. */
export const isStoryPage = (name) => name.endsWith('.html') && !NOT_STORIES.has(name);
