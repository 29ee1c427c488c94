// The write path with random bytes and legacy encodings: decoding then encoding gives the bytes back, and a
// rewrite changes no byte outside the edited text (or refuses the file and leaves it untouched).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import fc from 'fast-check';
import * as iconv from 'iconv-lite';
import { decodeBytes, encodeText, type TextEncodingName } from '../../server/src/workspace/encoding';
import { readForEdit, writeEdited, WriteScope } from '../../server/src/workspace/safeWrite';
import { FUZZ_SEED } from './corpus';

const root = mkdtempSync(join(tmpdir(), 'b2s-fuzz-write-'));
after(() => rmSync(root, { recursive: true, force: true }));

const ASCII = [..."abcXYZ019 {}();'\"`=./\n\r\t#-_"];
const LATIN1 = [...'éàüßøÿ©±µ¶'];
const CJK = [...'你好世界调用模型，。：！€'];

/** Text in the alphabet an encoding can hold, with a run of characters it cannot for the edits to try. */
const textIn = (alphabet: readonly string[]) => fc.array(fc.constantFrom(...alphabet), { maxLength: 200 }).map((chars) => chars.join(''));

interface Case {
  encoding: Exclude<TextEncodingName, 'utf-8'>;
  text: string;
  start: number;
  end: number;
  replacement: string;
}

const caseArbitrary: fc.Arbitrary<Case> = fc.oneof(
  fc.record({ encoding: fc.constant('gb18030' as const), text: textIn([...ASCII, ...CJK]), replacement: textIn([...ASCII, ...CJK, '😀']) }),
  fc.record({ encoding: fc.constant('latin1' as const), text: textIn([...ASCII, ...LATIN1]), replacement: textIn([...ASCII, ...LATIN1, '你']) }),
).chain((base) => fc.record({ start: fc.nat({ max: base.text.length }), length: fc.nat({ max: 40 }) })
  .map(({ start, length }) => ({ ...base, start, end: Math.min(base.text.length, start + length) })));

let counter = 0;

describe('fuzz: write path', { timeout: 60_000 }, () => {
  test('any byte string without NUL decodes to text that encodes back to the same bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }).map((bytes) => bytes.map((byte) => byte || 0x20)), (bytes) => {
      const decoded = decodeBytes(bytes);
      const encoded = encodeText(decoded.text, decoded.encoding, decoded.hasBom);
      assert.ok('bytes' in encoded, `${decoded.encoding}: not representable`);
      assert.ok(encoded.bytes.equals(Buffer.from(bytes)), `${decoded.encoding} does not round-trip`);
    }), { seed: FUZZ_SEED, numRuns: 2000 });
  });

  test('a GBK or Latin-1 file rewritten in place keeps every byte outside the edit, or is refused untouched', async () => {
    await fc.assert(fc.asyncProperty(caseArbitrary, async ({ encoding, text, start, end, replacement }) => {
      // A legacy file needs at least one non-ASCII byte to be detected as one; start with a comment that has it.
      const full = `${encoding === 'gb18030' ? '// 注释' : '// é'}\n${text}`;
      const offset = full.length - text.length;
      const original = iconv.encode(full, encoding);
      const path = join(root, `file-${++counter}.ts`);
      writeFileSync(path, original);
      const file = await readForEdit(path, await WriteScope.of([root]));
      assert.ok(file.ok);
      if (file.text !== full) return; // detected as another encoding (a GBK byte pair read as UTF-8): a legal guess
      const edited = full.slice(0, offset + start) + replacement + full.slice(offset + end);
      const outcome = await writeEdited(file, edited);
      const written = readFileSync(path);
      if (!outcome.ok) {
        assert.equal(outcome.reason, 'encoding');
        assert.ok(written.equals(original), 'a refused file is untouched');
        return;
      }
      const head = iconv.encode(full.slice(0, offset + start), encoding);
      const tail = iconv.encode(full.slice(offset + end), encoding);
      assert.ok(written.subarray(0, head.length).equals(head), 'bytes before the edit changed');
      assert.ok(written.subarray(written.length - tail.length).equals(tail), 'bytes after the edit changed');
      assert.ok(original.subarray(0, head.length).equals(head) && original.subarray(original.length - tail.length).equals(tail));
      assert.equal(iconv.decode(written, encoding), edited);
    }), { seed: FUZZ_SEED, numRuns: 300 });
  });
});
