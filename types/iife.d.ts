// Types for `sard/iife` (dist/sard.iife.js): a classic script that registers the elements, as `import 'sard'`
// does, and puts the package's exports on the global `Sard` (window.Sard.SardStory, window.Sard.formatNumber…).
// Written by hand because the script is built by rollup from src/define.ts: these types are that module's.
import type * as SardModule from '../dist/types/define.js';

declare global {
  /** The kit's exports, set by dist/sard.iife.js (`<script src=".../sard.iife.js">`). */
  var Sard: typeof SardModule;
}

export {};
