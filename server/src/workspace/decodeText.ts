import * as l10n from '@vscode/l10n';
import { isAscii } from 'node:buffer';
import type { FileNotice } from './types';

const UTF8_BOM = [0xef, 0xbb, 0xbf];
/** Decoding is stateless without `stream`: one decoder serves every file (making one per file costs more than decoding). */
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const LENIENT_UTF8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

export interface DecodedText {
  text: string;
  hasBom: boolean;
  notices: FileNotice[];
}

/**
 * Decodes UTF-8 without its BOM (the editor hides it, so columns must not count it). Invalid bytes are
 * replaced with U+FFFD rather than skipping the file: a GBK or Latin-1 file can still contain Bedrock
 * calls, and those identifiers are ASCII, so a lossy decode finds them. A notice says it happened.
 */
export function decodeUtf8(bytes: Uint8Array): DecodedText {
  const hasBom = UTF8_BOM.every((byte, index) => bytes[index] === byte);
  const body = hasBom ? bytes.subarray(UTF8_BOM.length) : bytes;
  // Most source files are ASCII, whose bytes are their characters: a copy, without the decoder's validation pass.
  if (isAscii(body)) return { text: Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('latin1'), hasBom, notices: [] };
  try {
    return { text: STRICT_UTF8.decode(body), hasBom, notices: [] };
  } catch {
    const text = LENIENT_UTF8.decode(body);
    const message = l10n.t(
      'The file is not valid UTF-8; it was analysed with the invalid bytes replaced by U+FFFD. Columns after them may differ from an editor using another encoding.',
    );
    return { text, hasBom, notices: [{ reason: 'invalid-utf8', message }] };
  }
}

/** NUL bytes do not occur in source text; their presence means a binary (or UTF-16) file. */
export function looksBinary(bytes: Uint8Array): boolean {
  return bytes.includes(0);
}
