import * as iconv from 'iconv-lite';

/**
 * The encodings a file can be rewritten in. UTF-8 (with or without BOM) is what the scanner reads; GB18030 (a
 * superset of GBK and GB2312) and ISO-8859-1 are the legacy encodings met in Chinese and Western projects.
 * All three are stateless, so encoding the text piece by piece gives the same bytes as encoding it whole: text
 * outside an edit encodes back to exactly the bytes it was decoded from.
 */
export type TextEncodingName = 'utf-8' | 'gb18030' | 'latin1';

export interface DecodedBytes {
  /** The text without the BOM. */
  text: string;
  encoding: TextEncodingName;
  hasBom: boolean;
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Detects the encoding of a file's bytes and decodes them so that `encodeText(text, encoding, hasBom)` gives the
 * same bytes back. UTF-8 when the bytes are valid UTF-8 (a BOM means UTF-8); else GB18030 when they decode
 * without error and round-trip; else ISO-8859-1, which maps every byte to one character and always round-trips.
 * A wrong guess between the two legacy encodings garbles how the text reads, never the bytes a write keeps.
 */
export function decodeBytes(bytes: Uint8Array): DecodedBytes {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const hasBom = buffer.subarray(0, 3).equals(UTF8_BOM);
  const body = hasBom ? buffer.subarray(3) : buffer;
  try {
    return { text: STRICT_UTF8.decode(body), encoding: 'utf-8', hasBom };
  } catch {
    // not UTF-8; a BOM followed by invalid UTF-8 is not something we can write back faithfully either way
  }
  if (!hasBom) {
    const gb = iconv.decode(buffer, 'gb18030');
    if (!gb.includes('\uFFFD') && iconv.encode(gb, 'gb18030').equals(buffer)) return { text: gb, encoding: 'gb18030', hasBom: false };
  }
  return { text: iconv.decode(buffer, 'latin1'), encoding: 'latin1', hasBom: false };
}

export type EncodeResult = { bytes: Buffer } | { unrepresentable: string };

/**
 * Encodes `text` (plus the BOM when `hasBom`) in `encoding`. Refuses, naming the first offending character,
 * when the text holds a character the encoding cannot represent (or a lone surrogate): never a silent `?` or U+FFFD.
 */
export function encodeText(text: string, encoding: TextEncodingName, hasBom: boolean): EncodeResult {
  const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.exec(text);
  if (loneSurrogate) return { unrepresentable: loneSurrogate[0] };
  if (encoding === 'utf-8') {
    const bytes = Buffer.from(text, 'utf8');
    return { bytes: hasBom ? Buffer.concat([UTF8_BOM, bytes]) : bytes };
  }
  if (encoding === 'latin1') {
    const outside = /[^\u0000-\u00FF]/u.exec(text);
    return outside ? { unrepresentable: outside[0] } : { bytes: Buffer.from(text, 'latin1') };
  }
  const bytes = iconv.encode(text, 'gb18030');
  if (iconv.decode(bytes, 'gb18030') !== text) return { unrepresentable: firstMismatch(text, iconv.decode(bytes, 'gb18030')) };
  return { bytes };
}

function firstMismatch(expected: string, actual: string): string {
  const expectedChars = [...expected];
  const actualChars = [...actual];
  for (let index = 0; index < expectedChars.length; index++) if (expectedChars[index] !== actualChars[index]) return expectedChars[index]!;
  return '';
}

/** A human name for messages. */
export function encodingLabel(encoding: TextEncodingName): string {
  return encoding === 'utf-8' ? 'UTF-8' : encoding === 'gb18030' ? 'GB18030/GBK' : 'ISO-8859-1 (Latin-1)';
}

/** `U+4F60 '你'`, or the code point alone for invisible characters. */
export function describeCharacter(character: string): string {
  const codePoint = character.codePointAt(0) ?? 0;
  const hex = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
  return /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(character) ? `${hex} '${character}'` : hex;
}
