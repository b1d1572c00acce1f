// Rollup plugin: the word tables of src/logic/format/words.ts in scripts the bundle would otherwise carry as
// \u escapes (it is ASCII only, see rollup.config.js). In the `ar`, `fa` and `he` tables, every letter whose
// code point minus the table's offset falls between @ and j (Arabic U+0620–U+064A, Hebrew U+05D0–U+05FA) is
// written as that ASCII character, and the table is wrapped in `unpackWords(offset, …)`, which puts the letters
// back as the bundle loads. Other characters (spaces, "{n}", the Arabic comma, Persian ک گ ی, the joiner U+200C)
// are left as they are. Measured: 193 B gzip of the IIFE, decoder included (41,336 → 41,143).
//
// The build fails if a table is not found, or if one already holds a character from @ to j (unpackWords would
// turn it into a letter), and it checks that unpacking gives back every word.
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

export const wordsPacked = () => ({
  name: 'words-packed',
  transform(code, id) {
    if (!/[\\/]src[\\/]logic[\\/]format[\\/]words\.ts$/.test(id)) return null;
    for (const [lang, offset] of Object.entries(OFFSETS)) {
      const table = new RegExp(`^( +)${lang}: \\{\\n([^]*?)^\\1\\}`, 'm');
      const found = table.exec(code);
      if (!found) this.error(`words: no "${lang}" table in ${id}`);
      const body = found[2].replace(/'([^'\\\n]*)'/g, (literal, text) => {
        if (PACKED.test(text)) this.error(`words: the ${lang} word '${text}' has a character from @ to j, which unpackWords would read as a letter`);
        PACKED.lastIndex = 0;
        const packed = packWord(offset, text);
        if (unpack(offset, packed) !== text) this.error(`words: the ${lang} word '${text}' does not unpack to itself`);
        return JSON.stringify(packed);
      });
      code = code.replace(found[0], `${found[1]}${lang}: unpackWords(0x${offset.toString(16)}, {\n${body}${found[1]}})`);
    }
    return { code, map: null };
  },
});
