import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse as shellQuoteParse } from 'shell-quote';
import { maskPromptsAndOutput } from '../../server/src/engine/shell/prompts';
import { shellCommands } from '../../server/src/engine/shell/shellCommands';
import { type ShellWord, tokenizeShell } from '../../server/src/engine/shell/tokenizeShell';

const words = (text: string, dialect: 'posix' | 'powershell' = 'posix') =>
  tokenizeShell(text, dialect).filter((token): token is ShellWord => token.kind === 'word');

// Command lines whose words shell-quote splits the same way a POSIX shell does (no variables, globs or substitutions).
const ORACLE_CASES = [
  `aws bedrock-runtime invoke-model --model-id meta.llama3-8b-instruct-v1:0 --body '{"prompt": "hi"}' out.json`,
  `aws bedrock-runtime converse --messages "[{\\"role\\":\\"user\\"}]" --model-id 'a b'`,
  `curl -H 'Content-Type: application/json' -d "{\\"a\\": 1}" https://bedrock-runtime.us-east-1.amazonaws.com/x`,
  `echo it\\'s "double \\\\ backslash" 'single \\ kept' mixed"quo"'tes'`,
  `aws --region us-west-2 bedrock list-foundation-models --by-provider=meta`,
];

describe('shell tokenizer', () => {
  for (const line of ORACLE_CASES) {
    it(`agrees with shell-quote on: ${line}`, () => {
      assert.deepEqual(words(line).map((word) => word.value), shellQuoteParse(line));
    });
  }

  it('keeps the source offset of every value character, through quotes and escapes', () => {
    const text = `aws "bed"rock-runtime --body '{"x": 1}' a\\ b`;
    for (const word of words(text)) {
      [...word.value].forEach((char, index) => assert.equal(text[word.offsets[index]], char));
    }
  });

  it('joins backslash continuations (LF and CRLF) into one command', () => {
    const { commands } = shellCommands('aws bedrock-runtime \\\r\n  invoke-model \\\n  --body x out.json\naws s3 ls\n', 'posix');
    assert.deepEqual(commands.map((command) => command.words.map((word) => word.value)), [
      ['aws', 'bedrock-runtime', 'invoke-model', '--body', 'x', 'out.json'], ['aws', 's3', 'ls'],
    ]);
  });

  it('joins PowerShell backtick continuations and keeps backslashes literal', () => {
    const { commands } = shellCommands("aws bedrock-runtime converse `\r\n  --body '{\\\"a\\\"}' C:\\tmp\\out.json\n", 'powershell');
    assert.deepEqual(commands[0].words.map((word) => word.value), ['aws', 'bedrock-runtime', 'converse', '--body', '{\\"a\\"}', 'C:\\tmp\\out.json']);
  });

  it('splits on operators, drops redirections and their targets, and skips comments', () => {
    const { commands } = shellCommands('A=1 sudo aws bedrock list-custom-models > out.txt 2>/dev/null && echo done | tee x # aws bedrock', 'posix');
    assert.deepEqual(commands.map((command) => command.words.map((word) => word.value)), [
      ['aws', 'bedrock', 'list-custom-models'], ['echo', 'done'], ['tee', 'x'],
    ]);
  });

  it('analyses command substitutions and skips here-document bodies as commands', () => {
    const { commands, heredocs } = shellCommands('X=$(aws bedrock get-foundation-model --model-identifier m)\ncat <<EOF\naws bedrock-runtime converse\nEOF\nls\n', 'posix');
    // `X=$(...)` alone is an assignment (no command); the substitution inside it is a command of its own.
    assert.deepEqual(commands.map((command) => command.words.map((word) => word.value).join(' ')), [
      'cat', 'ls', 'aws bedrock get-foundation-model --model-identifier m',
    ]);
    assert.equal(heredocs.length, 1);
  });

  it('console transcripts: prompts are blanked and output lines ignored, offsets unchanged', () => {
    const text = '$ aws bedrock-runtime converse \\\n  --model-id x\n{"aws bedrock": "output"}\nPS C:\\> aws s3 ls\n';
    const masked = maskPromptsAndOutput(text, true, 'posix');
    assert.equal(masked.length, text.length);
    assert.deepEqual(shellCommands(masked, 'posix').commands.map((command) => command.words.map((word) => word.value).join(' ')), [
      'aws bedrock-runtime converse --model-id x', 'aws s3 ls',
    ]);
  });
});
