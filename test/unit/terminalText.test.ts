import assert from 'node:assert/strict';
import { test } from 'node:test';
import { escapeControl } from '../../server/src/formats/terminalText';

test('escapeControl makes C0, DEL, C1 and bidi controls visible and keeps everything else', () => {
  assert.equal(escapeControl('a\u001b]0;t\u0007b'), 'a\\x1b]0;t\\x07b');
  assert.equal(escapeControl('line\nnext\r\ttab'), 'line\\nnext\\r\\ttab');
  assert.equal(escapeControl('\u007f\u0085\u009b'), '\\x7f\\x85\\x9b');
  assert.equal(escapeControl('\u202a\u202e\u2066\u2069'), '\\u202a\\u202e\\u2066\\u2069');
  assert.equal(escapeControl('src\\a b/你好 😀 é\u200b'), 'src\\a b/你好 😀 é\u200b', 'backslashes and printable text stay');
});
