/**
 * Text that comes from API data (names, slugs, route names) is drawn into a terminal or a Mermaid source:
 * it must not be able to move the cursor, recolour the terminal or end a Mermaid string early.
 */

// CSI (ESC [ … final), OSC (ESC ] … BEL or ESC \), and any other two-byte ESC sequence
const escapeSequence = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[@-_])/g
// C0 and C1 controls, DEL, and the bidirectional overrides that reorder what a terminal shows
const controlCharacter = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g

/** One line of plain text: escape sequences removed, line breaks and tabs turned into spaces, other controls dropped. */
export function plainText(text: string): string {
  return text
    .replace(escapeSequence, '')
    .replace(/[\r\n\t\v\f]+/g, ' ')
    .replace(controlCharacter, '')
    .replace(/ {2,}/g, ' ')
    .trim()
}

const mermaidEntities: Record<string, string> = {
  '#': '#35;',
  '"': '#34;',
  '&': '#38;',
  '<': '#60;',
  '>': '#62;',
  '|': '#124;',
  '`': '#96;',
}

/**
 * Plain text made safe inside a quoted Mermaid label or edge text: the characters that end the string,
 * open HTML or markdown, or start an entity are written as Mermaid's numeric entity codes (`#34;`).
 */
export function mermaidText(text: string): string {
  return plainText(text).replace(/[#"&<>|`]/g, (character) => mermaidEntities[character])
}

/** Columns a string takes in a terminal: wide (CJK, emoji) characters take two, combining marks none. */
export function displayWidth(text: string): number {
  let width = 0
  for (const character of text) width += columnsOf(character.codePointAt(0) ?? 0)
  return width
}

const zeroWidth: Array<[number, number]> = [
  [0x0300, 0x036f],
  [0x200b, 0x200f],
  [0xfe00, 0xfe0f],
]
const doubleWidth: Array<[number, number]> = [
  [0x1100, 0x115f],
  [0x2e80, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1f300, 0x1f64f],
  [0x1f680, 0x1f6ff],
  [0x1f900, 0x1f9ff],
  [0x20000, 0x3fffd],
]

function columnsOf(codePoint: number): number {
  if (zeroWidth.some(([from, to]) => codePoint >= from && codePoint <= to)) return 0
  if (doubleWidth.some(([from, to]) => codePoint >= from && codePoint <= to)) return 2
  return 1
}
