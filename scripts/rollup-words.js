// Rollup plugin: the word tables of src/logic/format/words.ts in scripts the bundle would otherwise carry as
// \u escapes (it is ASCII only, see rollup.config.js). The `ar`, `fa` and `he` tables become lists of their
// words in the order of the ENGLISH table's keys (a hole for a word a table leaves English), and in each word
// every letter whose code point minus the table's offset falls between @ and j (Arabic U+0620–U+064A, Hebrew
// U+05D0–U+05FA) is written as that ASCII character; `unpackWords(offset, [...])` gives the table back as the
// bundle loads. Other characters (spaces, "{n}", the Arabic comma, Persian ک گ ی, the joiner U+200C) are left
// as they are. Measured: 193 B gzip of the IIFE for the letters (41,336 → 41,143), then 58 B for the keys.
//
// The build fails if a table is not found or has a line it does not read, a key ENGLISH lacks, or a character
// from @ to j (unpackWords would turn it into a letter); and it checks that each word unpacks to itself.
const OFFSETS = { ar: 0x5e0, fa: 0x5e0, he: 0x590 };
const PACKED = /[@-j]/g;
const unpack = (offset, text) => text.replace(PACKED, (c) => String.fromCharCode(offset + c.charCodeAt(0)));

export function packWord(offset, text) {
  let packed = '';
  for (const char of text) {
    const ascii = char.codePointAt(0) - offset;
    // 0x5c is the backslash: not a letter in either block, and it would need escaping.
    packed += ascii >= 0x40 && ascii <= 0x6a && ascii !== 0x5c ? String.fromCharCode(ascii) : char;
  }
  return packed;
}

/** A table's `key: 'word',` lines (a comment may follow), as [key, word] pairs. */
function entries(body, what, fail) {
  return body
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => {
      const entry = /^\s+(\w+): '([^'\\]*)',?\s*(\/\/.*)?$/.exec(line);
      if (!entry) fail(`words: cannot read this line of the ${what} table: ${line}`);
      return [entry[1], entry[2]];
    });
}

export const wordsPacked = () => ({
  name: 'words-packed',
  transform(code, id) {
    if (!/[\\/]src[\\/]logic[\\/]format[\\/]words\.ts$/.test(id)) return null;
    const fail = (message) => this.error(`${message} (${id})`);
    const english = /^const ENGLISH(?:: Words)? = \{\n([^]*?)^\};$/m.exec(code);
    if (!english) fail('words: no ENGLISH table');
    const keys = entries(english[1], 'ENGLISH', fail).map(([key]) => key);
    for (const [lang, offset] of Object.entries(OFFSETS)) {
      const table = new RegExp(`^( +)${lang}: \\{\\n([^]*?)^\\1\\},`, 'm').exec(code);
      if (!table) fail(`words: no "${lang}" table`);
      const words = new Map(entries(table[2], lang, fail));
      for (const key of words.keys()) if (!keys.includes(key)) fail(`words: the ${lang} table has "${key}", which ENGLISH lacks`);
      const packed = keys.map((key) => {
        if (!words.has(key)) return ''; // a hole: the word stays English
        const text = words.get(key);
        if (PACKED.test(text)) fail(`words: the ${lang} word '${text}' has a character from @ to j, which unpackWords would read as a letter`);
        PACKED.lastIndex = 0;
        const word = packWord(offset, text);
        if (unpack(offset, word) !== text) fail(`words: the ${lang} word '${text}' does not unpack to itself`);
        return JSON.stringify(word);
      });
      code = code.replace(table[0], `${table[1]}${lang}: unpackWords(0x${offset.toString(16)}, [${packed.join(', ')}]),`);
    }
    return { code, map: null };
  },
});
