// The editor's tree after each keystroke, on real code: this project's own sources and the fixtures' inputs, typed
// in at random places with random runs of keystrokes (tokens, half statements, braces, comments, quotes, deletions).
// Whenever our own statement-level reparse made the tree (a run of statements in a function body, or a top-level
// statement), it must equal a fresh parse of the text. Trees TypeScript's own incremental parse made are not
// compared: that parser differs from a fresh parse by itself on some edits (flags it caches, a comment directive
// listed twice, parse errors of half-typed text), with or without our trees (checked when this test was written).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import ts from 'typescript';
import { nextTree } from '../../server/src/engine/script/incremental/nextTree';
import { settleTree } from '../../server/src/engine/script/incremental/shiftNodes';
import { parseScript } from '../../server/src/engine/script/parse';
import type { ScriptLanguage } from '../../server/src/engine/types';
import { snapshotWorkCounters, type WorkCounts, workSince } from '../../server/src/engine/workCounters';
import { difference } from '../helpers/treeDifference';
import { FUZZ_SEED } from './corpus';

const ROOT = join(__dirname, '..', '..');

interface Source {
  name: string;
  language: ScriptLanguage;
  text: string;
}

function sourcesUnder(folder: string, keep: (name: string) => boolean, language: (name: string) => ScriptLanguage): Source[] {
  return readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter(keep)
    .sort()
    .map((name) => ({ name: `${folder}/${name}`, language: language(name), text: readFileSync(join(ROOT, folder, name), 'utf8') }));
}

const SOURCES: Source[] = [
  ...sourcesUnder('server/src/engine', (name) => name.endsWith('.ts'), () => 'typescript'),
  ...sourcesUnder('test/fixtures/fixes', (name) => /\.input\.(ts|js|mjs|cjs)$/.test(name), (name) => (name.endsWith('.ts') ? 'typescript' : 'javascript')),
];

/** What a person types, a keystroke or a paste at a time: mostly code that keeps the file parsing, some that breaks it. */
const TYPED = ['a', 'x', 'i', '1', ' ', ' ', '\n', ';', 'const y = 1;\n', 'return x;\n', 'if (z) {\n}\n', 'f(1, 2);\n', 'await g();\n', '// note\n', '/** doc */\n'];
const BREAKING = ['{', '}', '(', ')', '"', "'", '`', '/', '*', '=', '.', ',', '<', '>', '${', '=>', 'if (z) {', 'return ', 'await ', 'yield ', '/*', '*/', 'function f() {', 'static ', 'let ', 'async ', 'case 1:', 'else ', '// @ts-ignore\n',
  // Half-typed lines before a statement kept as it was (typedEndsAlike): an operand missing, a lone word at a line's end.
  ' * ', ' = ', ' a <', 'static\n', 'type\n', 'declare\n', 'ab\n'];

const keystroke = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...TYPED).map((text) => ({ insert: text })) },
  { weight: 2, arbitrary: fc.constantFrom(...BREAKING).map((text) => ({ insert: text })) },
  { weight: 4, arbitrary: fc.constant({ insert: undefined }) },
);

describe('fuzz: the editor\'s tree on real code', { timeout: 120_000 }, () => {
  test('after every keystroke, a tree our statement-level reparse made equals a fresh parse', () => {
    let compared = 0;
    fc.assert(
      // Without fast-check's bias towards small values, which would type at the top of the first files (their imports);
      // the place as a share of the text in millionths (doubles in [0, 1] are mostly tiny).
      fc.property(fc.noBias(fc.nat(SOURCES.length - 1)), fc.noBias(fc.nat(999_999)), fc.array(keystroke, { minLength: 1, maxLength: 30 }), (index, where, keystrokes) => {
        const source = SOURCES[index]!;
        typeInto(source, (_tree, text) => Math.floor((where / 1_000_000) * text.length), keystrokes, (tree, text, at) => {
          compared++;
          assertFreshParse(source, tree, text, at);
        });
      }),
      // EXPLORE_SEED / EXPLORE_RUNS explore further (the run of 2026-12-07: seeds 1–6 and 11–13, 1,500 runs each, ~40,000
      // trees of our reparse, all equal to fresh parses once errorsInside skipped the first token).
      { seed: Number(process.env.EXPLORE_SEED ?? FUZZ_SEED), numRuns: Number(process.env.EXPLORE_RUNS ?? 500) },
    );
    // The property held on trees our reparse made, not vacuously.
    assert.ok(compared > 1_000, `only ${compared} trees of our own reparse compared`);
  });

  test('typing half lines at the end of a statement in a function body, before the next one: trees equal fresh parses', () => {
    let compared = 0;
    let keptAfterHalfTyped = 0;
    fc.assert(
      fc.property(fc.noBias(fc.nat(SOURCES.length - 1)), fc.noBias(fc.nat(999_999)), fc.array(halfLineKeystroke, { minLength: 1, maxLength: 30 }), (index, where, keystrokes) => {
        const source = SOURCES[index]!;
        const startAt = (tree: ts.SourceFile) => {
          const ends = statementEndsInBodies(tree);
          return ends.length === 0 ? undefined : ends[Math.floor((where / 1_000_000) * ends.length)]!;
        };
        typeInto(source, startAt, keystrokes, (tree, text, at, work) => {
          compared++;
          keptAfterHalfTyped += work.innerStatementsKeptAfterHalfTyped;
          assertFreshParse(source, tree, text, at);
        });
      }),
      { seed: Number(process.env.EXPLORE_SEED ?? FUZZ_SEED), numRuns: Number(process.env.EXPLORE_RUNS ?? 300) },
    );
    assert.ok(keptAfterHalfTyped > compared / 20, JSON.stringify({ compared, keptAfterHalfTyped }));
  });
});

/** Keystrokes of a line being typed (a word, an operator, a contextual keyword, a line break) or deletions. */
const halfLineKeystroke = fc.oneof(
  { weight: 10, arbitrary: fc.constantFrom('\n  ', 'a', 'b', ' ', '.', ' = ', ' * ', ' + ', ', ', ' < ', '(', ')', ';', '1').map((text) => ({ insert: text })) },
  { weight: 2, arbitrary: fc.constantFrom('static', 'type', 'let', 'await', 'async', 'declare', 'yield', 'if (a) ', '=> ', '{', '}').map((text) => ({ insert: text })) },
  { weight: 4, arbitrary: fc.constant({ insert: undefined }) },
);

const parseOf = (source: Source) => (text: string, setParentNodes?: boolean) => parseScript(text, source.language, source.name, setParentNodes);

function assertFreshParse(source: Source, tree: ts.SourceFile, text: string, at: number): void {
  assert.equal(difference(tree, parseOf(source)(text)), undefined, `${source.name}, typed at ${at}: ${JSON.stringify(text.slice(Math.max(0, at - 40), at + 20))}`);
}

/**
 * Types the keystrokes (an insertion, or a deletion before the cursor) into the source from where `startAt` says (none:
 * nothing typed), each followed by the editor's reparse; `reparsed` gets every tree our statement-level reparse made,
 * settled (not those of TypeScript's incremental parse or a fresh one), with the work it took.
 */
function typeInto(
  source: Source, startAt: (tree: ts.SourceFile, text: string) => number | undefined, keystrokes: ReadonlyArray<{ insert: string | undefined }>,
  reparsed: (tree: ts.SourceFile, text: string, at: number, work: WorkCounts) => void,
): void {
  const parse = parseOf(source);
  let text = source.text;
  let tree: ts.SourceFile = parse(text);
  let at = startAt(tree, text);
  if (at === undefined) return;
  for (const { insert } of keystrokes) {
    if (insert === undefined) {
      if (at === 0) continue;
      text = text.slice(0, at - 1) + text.slice(at);
      at--;
    } else {
      text = text.slice(0, at) + insert + text.slice(at);
      at += insert.length;
    }
    const before = snapshotWorkCounters();
    tree = nextTree(tree, text, parse) ?? parse(text);
    const work = workSince(before);
    settleTree(tree);
    if (work.statementReparses > 0) reparsed(tree, text, at, work);
  }
}

/** Where each statement of a block in a function body ends (after its `;`), before the line break to the next. */
function statementEndsInBodies(tree: ts.SourceFile): number[] {
  const ends: number[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isBlock(node) && node.parent && ts.isFunctionLike(node.parent)) {
      for (const statement of node.statements.slice(0, -1)) ends.push(statement.end);
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return ends;
}
