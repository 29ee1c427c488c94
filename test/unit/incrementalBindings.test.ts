// The incremental analysis keeps its symbol tracker between versions (bindings.ts: each top-level statement's
// declarations and assignments recorded when it comes, forgotten when it goes, a kept statement's inner ones only
// once a resolution enters it). Oracle test: after every edit of a seeded random sequence (typing, deleting lines,
// duplicating and moving them, pasting declarations that shadow, redeclare, overload or assign the names the file
// uses, going back to an older version), what the kept tracker says each expression of a few statements denotes
// must equal what a tracker made fresh from a fresh parse of the same text says.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Bindings, type Meaning } from '../../server/src/engine/script/bindings';
import { IncrementalScriptAnalysis } from '../../server/src/engine/script/incremental/incrementalScript';
import { parseScript } from '../../server/src/engine/script/parse';
import { scanNodes } from '../../server/src/engine/script/scanNodes';
import { DEFAULT_SETTINGS } from '../../server/src/engine/settings';
import ts from '../../server/src/engine/typescript';
import { generateMigratableFile } from '../helpers/migratableFile';
import { seededRandom } from '../helpers/seededRandom';

const EDITS = 150;
/** Statements whose expressions are resolved after each edit: few, so that most kept statements stay recorded in part. */
const STATEMENTS_ASKED = 4;

const PASTES = [
  'let client;\nclient = new BedrockRuntimeClient({});\n',
  'var client = new BedrockRuntime({});\n',
  'client = makeClient();\n',
  'function makeClient(): BedrockRuntimeClient;\nfunction makeClient() { return new BedrockRuntimeClient({ region: "us-east-1" }); }\n',
  'const BedrockRuntimeClient = class {};\n',
  'import { BedrockRuntimeClient as Shadow, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";\n',
  'import * as br from "@aws-sdk/client-bedrock-runtime";\nconst viaNamespace = new br.BedrockRuntimeClient({});\n',
  'const { ConverseCommand: Renamed } = require("@aws-sdk/client-bedrock-runtime");\n',
  'const deps = { runtime: new BedrockRuntimeClient({}) };\nconst fromDeps = deps.runtime;\n',
  'class Chat { client; constructor() { this.client = makeClient(); } ask() { return this.client.send(new ConverseCommand({})); } }\n',
  'if (ready) { var client = new Shadow({}); }\n',
  'export async function ask(client = new BedrockRuntimeClient({})) { let r; r = client; return r.send(new ConverseCommand({})); }\n',
  'client', 'makeClient', 'const ', 'var ', '{', '}', '(', ')', ';', '=',
];

function edit(text: string, next: () => number, history: readonly string[]): string {
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
  const at = Math.floor(next() * (text.length + 1));
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const lineEnd = text.indexOf('\n', at) === -1 ? text.length : text.indexOf('\n', at) + 1;
  switch (Math.floor(next() * 6)) {
    case 0: return text.slice(0, at) + pick([' ', 'a', '\n', ';', '.', '=']) + text.slice(at);
    case 1: return text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 10));
    case 2: return text.slice(0, lineStart) + text.slice(lineEnd);
    case 3: return text.slice(0, lineEnd) + text.slice(lineStart, lineEnd) + text.slice(lineEnd);
    case 4: return text.slice(0, lineStart) + pick(PASTES) + text.slice(lineStart);
    default: return history.length > 0 && next() < 0.3 ? pick(history) : text.slice(0, at) + pick(PASTES) + text.slice(at);
  }
}

const RESOLVED_KINDS = new Set([
  ts.SyntaxKind.Identifier, ts.SyntaxKind.PropertyAccessExpression, ts.SyntaxKind.ElementAccessExpression,
  ts.SyntaxKind.CallExpression, ts.SyntaxKind.NewExpression, ts.SyntaxKind.ThisKeyword,
]);

/** The expressions of a statement the tracker is asked about, in walk order. */
function expressionsOf(statement: ts.Statement): ts.Expression[] {
  const found: ts.Expression[] = [];
  const visit = (node: ts.Node) => {
    if (RESOLVED_KINDS.has(node.kind)) found.push(node as ts.Expression);
    ts.forEachChild(node, visit);
  };
  visit(statement);
  return found;
}

/** A meaning as text; a local function or object by its node's kind and place (read after the tree is settled). */
function describe_(meaning: Meaning | undefined): string {
  if (!meaning) return '-';
  if (meaning.kind === 'function' || meaning.kind === 'object') return `${meaning.kind} ${meaning.node.kind}@${meaning.node.pos}-${meaning.node.end}`;
  return `${meaning.kind} ${meaning.module} ${'name' in meaning ? meaning.name : ''}`;
}

function freshTracker(text: string): { tree: ts.SourceFile; bindings: Bindings } {
  const tree = parseScript(text, 'typescript', '/w/src/service.ts', false);
  const bindings = new Bindings();
  for (const node of scanNodes(tree).bindingNodes) bindings.collect(node);
  return { tree, bindings };
}

describe('incremental symbol tracker', () => {
  test('says what a fresh tracker says of every expression, after every one of a random sequence of edits', () => {
    const next = seededRandom(0xb1d5);
    const analysis = new IncrementalScriptAnalysis();
    let text = generateMigratableFile(300);
    const history: string[] = [];
    let compared = 0;
    let tracked = 0;
    for (let step = 0; step <= EDITS; step++) {
      if (step > 0) {
        history.push(text);
        text = edit(text, next, history);
      }
      analysis.analyze({ text, languageId: 'typescript', settings: DEFAULT_SETTINGS, fileName: '/w/src/service.ts' });
      const lazy = analysis.lazyTree!;
      const kept = analysis.symbolTracker!;
      const fresh = freshTracker(text);
      assert.equal(lazy.tree.statements.length, fresh.tree.statements.length, `edit ${step}`);
      const asked = Array.from({ length: STATEMENTS_ASKED }, () => Math.floor(next() * fresh.tree.statements.length));
      const keptMeanings: Array<Meaning | undefined> = [];
      const freshMeanings: Array<Meaning | undefined> = [];
      const places: string[] = [];
      for (const index of new Set(asked)) {
        const statement = lazy.tree.statements[index];
        lazy.settle([statement]);
        const keptExpressions = expressionsOf(statement);
        const freshExpressions = expressionsOf(fresh.tree.statements[index]);
        assert.equal(keptExpressions.length, freshExpressions.length, `edit ${step}, statement ${index}`);
        keptExpressions.forEach((expression, i) => {
          keptMeanings.push(kept.meaningOf(expression));
          freshMeanings.push(fresh.bindings.meaningOf(freshExpressions[i]));
          places.push(`${expression.pos}: ${freshExpressions[i].getText(fresh.tree)}`);
        });
      }
      lazy.settle(); // the local functions and objects meant are described by their places
      keptMeanings.forEach((meaning, i) => {
        assert.equal(describe_(meaning), describe_(freshMeanings[i]), `edit ${step} (seed 0xb1d5), at ${places[i]}; text:\n${text}`);
        compared++;
        if (meaning) tracked++;
      });
    }
    // Most expressions denote nothing tracked: the comparison must still meet many that do.
    assert.ok(compared > 5000 && tracked > 500, `${tracked} of ${compared} expressions denote something tracked`);
  });
});
