// Types for `sard/embed` and `sard/frame` (dist/sard-embed.js, dist/sard-frame.js): classic scripts for the
// iframe embed (docs/embed.md) that export nothing; importing one only runs it.
export {};
