#!/usr/bin/env node
// `npx sard validate FILE…` checks event files with the kit's own rules;
// `npx sard embed [STORIES_DIR] [OUT_DIR]` builds the iframe embed pages (docs/embed.md);
// `npx sard --version` prints the package's version.
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const USAGE = `usage: sard validate [--json] FILE.events.json|PAGE.html…
       sard embed [STORIES_DIR] [OUT_DIR]     (default: stories dist/embed)
       sard --version`;

const [command, ...rest] = process.argv.slice(2);

if (command === '--version' || command === '-v') {
  // Read, not imported: a JSON import needs an import attribute, which node 20.0–20.9 reject.
  console.log(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version);
} else if (command === 'embed') {
  if (rest.includes('--help') || rest.includes('-h')) console.log(USAGE);
  else {
    // The embed build is a script of its own (also run by the kit's build): run it as it is, with its arguments.
    const script = fileURLToPath(new URL('../scripts/build-embed.js', import.meta.url));
    const run = spawnSync(process.execPath, [script, ...rest], { stdio: 'inherit' });
    if (run.status === 0) {
      // The pages load ../sard.iife.js and ../sard-frame.js: say where to find them.
      const dist = fileURLToPath(new URL('../dist/', import.meta.url));
      console.log(`sard embed: the pages load ../sard.iife.js and ../sard-frame.js (beside OUT_DIR); copy them from ${dist}`);
    }
    process.exitCode = run.status ?? 1;
  }
} else if (command === undefined || command === '--help' || command === '-h') {
  (command === undefined ? console.error : console.log)(USAGE);
  process.exitCode = command === undefined ? 2 : 0;
} else {
  const cli = new URL('../dist/cli.js', import.meta.url);
  if (!existsSync(cli)) {
    // Only in a checkout: the published package is built before it is packed (the `prepack` script).
    console.error('sard: dist/cli.js is missing: this is a source checkout; run `npm run build` (or `npm install` of a packed sard) first.');
    process.exit(2);
  }
  const { main } = await import(cli.href);
  process.exitCode = await main([command, ...rest]);
}
