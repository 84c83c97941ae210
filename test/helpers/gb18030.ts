/**
 * A GB18030 encoder for tests (Node has a GB18030 decoder but no encoder): the two-byte table is
 * built once by decoding every lead/trail byte pair, which covers ASCII and all of GBK (every common
 * Chinese character and full-width punctuation). Characters outside it throw.
 */
let table: Map<string, [number, number]> | null = null;

function twoByteTable(): Map<string, [number, number]> {
  if (table) return table;
  const map = new Map<string, [number, number]>();
  const decoder = new TextDecoder('gb18030');
  for (let lead = 0x81; lead <= 0xfe; lead += 1) {
    for (let trail = 0x40; trail <= 0xfe; trail += 1) {
      if (trail === 0x7f) continue;
      const char = decoder.decode(new Uint8Array([lead, trail]));
      if (char.length === 1 && char !== '\ufffd' && !map.has(char)) map.set(char, [lead, trail]);
    }
  }
  table = map;
  return map;
}

/** Encodes `text` as GB18030 bytes. */
export function encodeGb18030(text: string): Buffer {
  const map = twoByteTable();
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) {
      bytes.push(code);
      continue;
    }
    const pair = map.get(char);
    if (!pair) throw new Error(`no GBK code for ${char}`);
    bytes.push(...pair);
  }
  return Buffer.from(bytes);
}
