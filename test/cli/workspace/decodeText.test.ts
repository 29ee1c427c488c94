import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { decodeUtf8, looksBinary } from '../../../server/src/workspace/decodeText';

describe('decodeUtf8', () => {
  test('strips a UTF-8 BOM and remembers it', () => {
    const decoded = decodeUtf8(Buffer.from('\uFEFFconst a = 1;', 'utf8'));
    assert.equal(decoded.text, 'const a = 1;');
    assert.equal(decoded.hasBom, true);
    assert.deepEqual(decoded.notices, []);
  });

  test('keeps multi-byte text intact and reports no BOM when there is none', () => {
    const decoded = decodeUtf8(Buffer.from('// 你好 🚀\n', 'utf8'));
    assert.equal(decoded.text, '// 你好 🚀\n');
    assert.equal(decoded.hasBom, false);
  });

  test('decodes every ASCII byte as the UTF-8 decoder does, from a slice of a larger buffer too', () => {
    const ascii = Buffer.from(Array.from({ length: 128 }, (_, byte) => byte));
    const expected = new TextDecoder('utf-8', { fatal: true }).decode(ascii);
    assert.equal(decodeUtf8(ascii).text, expected);
    const withBom = Buffer.concat([Buffer.from('xx'), Buffer.from([0xef, 0xbb, 0xbf]), ascii, Buffer.from('yy')]).subarray(2, 2 + 3 + 128);
    assert.deepEqual(decodeUtf8(withBom), { text: expected, hasBom: true, notices: [] });
  });

  test('replaces invalid bytes with U+FFFD and says so', () => {
    const gbk = Buffer.from([0x2f, 0x2f, 0x20, 0xc4, 0xe3, 0xba, 0xc3, 0x0a, 0x78]); // "// 你好\nx" in GBK
    const decoded = decodeUtf8(gbk);
    assert.ok(decoded.text.includes('\uFFFD'));
    assert.ok(decoded.text.endsWith('\nx'), 'line structure survives');
    assert.equal(decoded.notices[0]?.reason, 'invalid-utf8');
  });
});

describe('looksBinary', () => {
  test('is true only when there is a NUL byte', () => {
    assert.equal(looksBinary(Buffer.from('plain text')), false);
    assert.equal(looksBinary(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00])), true);
    assert.equal(looksBinary(Buffer.from('\uFEFFa', 'utf16le')), true, 'UTF-16 is not read as UTF-8');
  });
});
