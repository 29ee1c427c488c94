// Typing inside a function that calls Bedrock, one character at a time, must give after every keystroke what a
// fresh analysis of the text gives: findings with their messages and ranges, in both locales. The snippets typed
// declare, assign or shadow what the function's Converse call reads (the client, the command, the imported class,
// the model id constant) or nothing it reads; seeded random edits inside the function follow. The oracle for any
// reuse of detector results or formatted messages across keystrokes (issue #13).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { compareFindings } from '../../server/src/engine/finding';
import { setLocale } from '../../server/src/engine/l10n';
import { analyzeScript } from '../../server/src/engine/script/analyzeScript';
import { IncrementalScriptAnalysis } from '../../server/src/engine/script/incremental/incrementalScript';
import { DEFAULT_SETTINGS } from '../../server/src/engine/settings';
import type { EngineSettings, Finding } from '../../server/src/engine/types';
import { seededRandom as random } from '../helpers/seededRandom';

const HEAD = [
  'import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";',
  'const MODEL = "meta.llama3-8b-instruct-v1:0";',
  'const client = new BedrockRuntimeClient({ region: "us-east-1" });',
  'export async function ask(question: string) {',
].join('\n');
const BODY = [
  '',
  '  const command = new ConverseCommand({ modelId: MODEL, messages: [{ role: "user", content: [{ text: question }] }] });',
  '  const response = await client.send(command);',
  '  return response.output?.message?.content?.[0]?.text ?? "";',
  '}',
  'export const other = new BedrockRuntimeClient({});',
  '',
].join('\n');
const TEXT = HEAD + BODY;

/** Typed at the start of the function body: each reads, declares, assigns or shadows something the call uses, or nothing. */
const SNIPPETS = [
  '\n  const total = ticket.tags.length * 2;',
  '\n  const client = makeOther();',
  '\n  let command = { modelId: "amazon.titan-text-express-v1" };',
  '\n  client = new BedrockRuntimeClient({ region: "eu-west-1" });',
  '\n  const ConverseCommand = class {};',
  '\n  const MODEL = "anthropic.claude-3-haiku-20240307-v1:0";',
  '\n  const second = new BedrockRuntimeClient({ region: "us-west-2" });',
  '\n  await client.send(new ConverseCommand({ modelId: "meta.llama3-8b-instruct-v1:0", messages: [] }));',
  '\n  if (question) { return new BedrockRuntimeClient({}); }',
];

function sorted(findings: Finding[]): Finding[] {
  return [...findings].sort(compareFindings);
}

/** Compares the incremental analysis with a fresh one for each text, in order. */
function compareAlong(texts: Iterable<string>, label: string, settings: EngineSettings = DEFAULT_SETTINGS): number {
  const incremental = new IncrementalScriptAnalysis();
  let compared = 0;
  for (const text of texts) {
    const input = { text, languageId: 'typescript' as const, settings, fileName: 'src/ask.ts' };
    assert.deepStrictEqual(sorted(incremental.analyze(input)), sorted(analyzeScript(input)), `${label}, step ${compared}; text:\n${text}`);
    compared++;
  }
  return compared;
}

/** `snippet` typed at `at` one character at a time, then deleted one at a time. */
function* typedAndDeleted(text: string, at: number, snippet: string): Generator<string> {
  yield text;
  for (let i = 1; i <= snippet.length; i++) yield text.slice(0, at) + snippet.slice(0, i) + text.slice(at);
  for (let i = snippet.length - 1; i >= 0; i--) yield text.slice(0, at) + snippet.slice(0, i) + text.slice(at);
}

/** Each occurrence of `word` in `text` (from `from` on) renamed one character at a time, then back. */
function* renamed(text: string, word: string, suffix: string, from = 0): Generator<string> {
  const at = text.indexOf(word, from);
  yield text;
  for (let i = 1; i <= suffix.length; i++) yield text.slice(0, at + word.length) + suffix.slice(0, i) + text.slice(at + word.length);
  for (let i = 1; i <= word.length; i++) yield text.slice(0, at + word.length - i) + suffix + text.slice(at + word.length);
}

describe('typing inside a Bedrock function', () => {
  const bodyStart = HEAD.length;

  test('every snippet typed and deleted at the start of the body, in both locales, gives what a fresh analysis gives', () => {
    try {
      for (const locale of ['en', 'zh-cn'] as const) {
        setLocale(locale);
        for (const snippet of SNIPPETS) compareAlong(typedAndDeleted(TEXT, bodyStart, snippet), `${locale}: ${snippet.trim()}`);
      }
    } finally {
      setLocale('en');
    }
  });

  test('snippets typed between and after the call statements, and with another target region', () => {
    const between = TEXT.indexOf('\n  const response');
    const afterCall = TEXT.indexOf('\n  return response');
    const china: EngineSettings = { ...DEFAULT_SETTINGS, targetRegion: 'cn-north-1' };
    for (const snippet of SNIPPETS) {
      compareAlong(typedAndDeleted(TEXT, between, snippet), `between: ${snippet.trim()}`);
      compareAlong(typedAndDeleted(TEXT, afterCall, snippet), `after: ${snippet.trim()}`, china);
    }
  });

  test('renaming the client, the command, the imported class and the model constant, one character at a time', () => {
    const renames: Array<[string, number]> = [
      ['client', TEXT.indexOf('const client') + 'const '.length],
      ['client', TEXT.indexOf('client.send')],
      ['command', TEXT.indexOf('const command') + 'const '.length],
      ['command', TEXT.indexOf('send(command') + 'send('.length],
      ['ConverseCommand', TEXT.indexOf('ConverseCommand')],
      ['ConverseCommand', TEXT.indexOf('new ConverseCommand') + 'new '.length],
      ['MODEL', TEXT.indexOf('MODEL')],
      ['MODEL', TEXT.indexOf('modelId: MODEL') + 'modelId: '.length],
    ];
    for (const [word, at] of renames) compareAlong(renamed(TEXT, word, 'X2', at), `renaming ${word} at ${at}`);
  });

  test('a return typed into a function that calls itself changes what its kept statements resolve', () => {
    // `made` is a client only once the function returns one: the aggregated call below must be reported then.
    const recursive = [
      'import { BedrockRuntime } from "@aws-sdk/client-bedrock-runtime";',
      'export function make(again: boolean): any {',
      '  const made = make(false);',
      '  return made.converse({ modelId: "meta.llama3-8b-instruct-v1:0", messages: [] });',
      '}',
      '',
    ].join('\n');
    const at = recursive.indexOf('{\n') + 1;
    for (const snippet of ['\n  if (globalThis) return new BedrockRuntime({});', '\n  if (globalThis) { const other = 1; }']) {
      compareAlong(typedAndDeleted(recursive, at, snippet), `recursive: ${snippet.trim()}`);
    }
  });

  test('seeded random edits inside the function body give what a fresh analysis gives', () => {
    const pieces = ['client', 'command', 'MODEL', 'ConverseCommand', 'const ', '=', ' ', ';', '\n', '(', ')', '{', '}', '"', 'return ', 'new ', '.send('];
    for (let seed = 0; seed < 6; seed++) {
      const next = random(0xbed0 + seed);
      let text = TEXT;
      const texts = [text];
      for (let step = 0; step < 60; step++) {
        const bodyEnd = text.indexOf('\n}', bodyStart);
        if (bodyEnd < 0) break; // the function's end was typed away: the rest is no longer inside it
        const at = bodyStart + Math.floor(next() * (bodyEnd - bodyStart + 1));
        text = next() < 0.7
          ? text.slice(0, at) + pieces[Math.floor(next() * pieces.length)] + text.slice(at)
          : text.slice(0, at) + text.slice(Math.min(bodyEnd, at + 1 + Math.floor(next() * 6)));
        texts.push(text);
      }
      compareAlong(texts, `seed ${0xbed0 + seed}`);
    }
  });
});
