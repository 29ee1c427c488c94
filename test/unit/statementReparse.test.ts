// The statement-level reparse must give, after every edit, the tree a fresh parse of the same text gives. Oracle
// test: Bedrock-heavy files and script fixtures go through a seeded sequence of random edits (mostly inside one
// top-level statement, where the reparse applies: typing, deleting, pasting braces, comments, `await`, `export`,
// `@ts-ignore`; sometimes anywhere; sometimes back to an older version), each applied to the previous tree as the
// editor does, and each resulting tree is compared node by node with a fresh parse: kinds, flags, positions of every
// node and node list, parent pointers, parse diagnostics, module indicator and comment directives. Edits the
// statement reparse declines go through TypeScript's incremental parse of the spliced tree, compared the same way.
// The nodes under the statements after a statement reparse move lazily (shiftNodes.ts): the tree is settled before
// a full comparison on a seeded share of the steps only, so that lags pile up over several edits (and into
// TypeScript's incremental parse, which settles first); on the other steps the top-level statements, whose own
// positions are always exact, are compared.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import ts from 'typescript';
import { parseScript } from '../../server/src/engine/script/parse';
import { nextTree } from '../../server/src/engine/script/incremental/nextTree';
import { settleTree } from '../../server/src/engine/script/incremental/shiftNodes';
import { changeBetween } from '../../server/src/engine/textChange';
import type { ScriptLanguage } from '../../server/src/engine/types';
import { snapshotWorkCounters, workSince } from '../../server/src/engine/workCounters';
import { generateMigratableFile } from '../helpers/migratableFile';
import { seededRandom } from '../helpers/seededRandom';
import { difference, type Internal, topLevelDifference } from '../helpers/treeDifference';

const ROOT = join(__dirname, '..', '..');
const EDITS_PER_FILE = 200;

const INSERTS = [
  'a', ' ', '\n', ';', '.', ',', '(', ')', '{', '}', '[', ']', '"', "'", '`', '/*', '*/', '//', '<', '>', '=>', '=', '${',
  'await ', 'await x;', 'export ', 'import ', 'import.meta', 'yield ', 'async ', 'function ', 'class ', 'return ', 'else ',
  '// @ts-ignore\n', '/* @ts-expect-error */', 'const total = ticket.tags.length * 2;', '\n  const y = 1;', 'if (x) { y(); }',
  'export function added() { return 1; }\n', 'import { z } from "z";\n', 'x = {}\n(y)\n', '#!', '<div>{x}</div>',
];

/** An edit mostly inside one top-level statement (after its first token), where the statement reparse applies. */
function edit(text: string, tree: ts.SourceFile, next: () => number, parsed: readonly string[]): string {
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
  let at = Math.floor(next() * (text.length + 1));
  const statements = tree.statements;
  if (statements.length > 0 && next() < 0.8) {
    const statement = pick(statements);
    const start = statement.getStart(tree);
    at = start + 1 + Math.floor(next() * Math.max(1, statement.end - start - 1));
  }
  const roll = next();
  if (roll < 0.35) return text.slice(0, at) + pick(INSERTS) + text.slice(at);
  if (roll < 0.6) return text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * (next() < 0.8 ? 3 : 40)));
  if (roll < 0.7) return text.slice(0, at) + pick(INSERTS) + text.slice(at + 1 + Math.floor(next() * 5));
  // Undo, mostly to one of the last versions that parsed.
  return parsed[Math.max(0, parsed.length - 1 - Math.floor(next() * (next() < 0.8 ? 3 : parsed.length)))];
}

interface Source {
  name: string;
  language: ScriptLanguage;
  text: string;
}

function sources(): Source[] {
  const fixture = (path: string, language: ScriptLanguage): Source => ({ name: path, language, text: readFileSync(join(ROOT, path), 'utf8') });
  return [
    { name: 'generated-300.ts', language: 'typescript', text: generateMigratableFile(300) },
    { name: 'generated-100.ts', language: 'typescript', text: generateMigratableFile(100) },
    fixture('test/fixtures/rules/agent/agents-and-agentcore.ts', 'typescript'),
    fixture('test/fixtures/rules/client-region/sdk-v2-and-wrappers.js', 'javascript'),
    fixture('test/fixtures/rules/converse/dynamic-import-then.mjs', 'javascript'),
    fixture('test/fixtures/rules/no-findings/jsx-text-and-props.tsx', 'typescriptreact'),
  ];
}

describe('statement-level reparse', () => {
  test('every tree equals a fresh parse of the same text, after each of a seeded sequence of random edits', () => {
    let compared = 0;
    let resynced = 0;
    let unsettled = 0;
    const before = snapshotWorkCounters();
    sources().forEach(({ name, language, text: original }, sourceIndex) => {
      const seed = 0x7ee + sourceIndex;
      const next = seededRandom(seed);
      const settleNow = seededRandom(seed ^ 0x5e7);
      const parse = (text: string, setParentNodes?: boolean) => parseScript(text, language, name, setParentNodes);
      let tree = parse(original);
      let text = original;
      const parsed = [original];
      for (let step = 1; step <= EDITS_PER_FILE; step++) {
        const previousText = text;
        text = edit(text, tree, next, parsed);
        const where = `${name}, edit ${step} (seed ${seed})`;
        const splicedBefore = workSince(before).statementReparses;
        tree = nextTree(tree, text, parse) ?? parse(text);
        const fresh = parse(text);
        const spliced = workSince(before).statementReparses > splicedBefore;
        if (spliced && settleNow() < 0.7) {
          // Lagging: only the top-level statements' own positions are exact until settled.
          assert.equal(topLevelDifference(tree, fresh), undefined, `${where} (unsettled)`);
          unsettled++;
          compared++;
          continue;
        }
        settleTree(tree);
        if (spliced) {
          assert.equal(difference(tree, fresh), undefined, where);
        } else {
          // Declined: TypeScript's incremental parse of the spliced tree must do what it does on a freshly parsed one
          // (or be exact where that one is not: which comment directives it keeps depends on the nodes it reuses).
          const reference = ts.updateSourceFile(parse(previousText), text, changeBetween(previousText, text));
          const differs = difference(tree, reference, 'typescript');
          assert.ok(differs === undefined || difference(tree, fresh) === undefined, `${where} (TypeScript's incremental parse): ${differs}`);
        }
        compared++;
        if ((fresh as Internal).parseDiagnostics.length === 0) parsed.push(text);
        // TypeScript's incremental parse is not always exactly a fresh parse (on broken code it can report other parse
        // diagnostics, or keep other comment directives): continue from a fresh tree then, so that every comparison
        // starts from trees that agree.
        if (difference(tree, fresh) !== undefined) {
          tree = fresh;
          resynced++;
        }
      }
    });
    const work = workSince(before);
    // Both paths must be exercised, or the comparison proves little about the one it misses.
    assert.ok(unsettled > compared / 20, `${unsettled} of ${compared} trees compared unsettled`);
    assert.ok(resynced < compared / 4, `${resynced} of ${compared} trees from TypeScript's incremental parse differed from a fresh parse`);
    assert.ok(work.statementReparses > compared / 10 && work.fileReparses > compared / 10, JSON.stringify({ compared, resynced, ...work }));
    // The runs of statements inside function bodies (innerStatementReparse.ts) are a share of the statement reparses.
    assert.ok(work.innerStatementReparses > compared / 20, JSON.stringify({ compared, resynced, ...work }));
  });
});
