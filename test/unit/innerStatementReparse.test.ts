// Typing in a function body re-parses only the run of statements around the edit (innerStatementReparse.ts). Oracle
// test: snippets (whole statements, half-typed code, braces, `await`/`yield`, comments) are typed one character at a
// time, then deleted, at every statement boundary and inside statements of functions of every kind (declarations,
// async and generator ones, methods of objects and classes, arrow functions given to calls, nested blocks, switch
// cases, a `with` in sloppy JavaScript). After each keystroke the tree must equal a fresh parse of the same text, and
// the editor's findings, fixability refined, must equal a fresh analysis's. Deterministic: every place and snippet is
// listed.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import ts from 'typescript';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../../server/src/engine/analyze';
import { forgetFixResults, refineFixability } from '../../server/src/engine/fixes';
import { IncrementalScriptAnalysis } from '../../server/src/engine/script/incremental/incrementalScript';
import { nextTree } from '../../server/src/engine/script/incremental/nextTree';
import { scanNodes } from '../../server/src/engine/script/scanNodes';
import { parseScript } from '../../server/src/engine/script/parse';
import { settleTree } from '../../server/src/engine/script/incremental/shiftNodes';
import type { ScriptLanguage } from '../../server/src/engine/types';
import { snapshotWorkCounters, workSince } from '../../server/src/engine/workCounters';
import { DocumentAnalyzer } from '../../server/src/lsp/documentAnalyzer';
import { fromRaw } from '../../server/src/lsp/documentSettings';
import { difference } from '../helpers/treeDifference';

const TYPESCRIPT = `import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";
const client = new BedrockRuntimeClient({ region: "us-east-1" });

export async function chat(question: string) {
  const modelId = "meta.llama3-1-8b-instruct-v1:0";
  if (question.length > 0) {
    const response = await client.send(new ConverseCommand({ modelId, messages: [{ role: "user", content: [{ text: question }] }] }));
    return response.output?.message?.content?.[0]?.text ?? "";
  }
  return "";
}

export function* numbers(limit: number) {
  for (let i = 0; i < limit; i++) {
    yield i;
  }
}

export const store = {
  items: [] as string[],
  add(item: string) { if (item.length > 0) this.items.push(item); },
};

export class Tickets {
  private count = 0;
  open(title: string): number {
    try {
      this.count += title.length;
    } catch (error) {
      return -1;
    }
    return this.count;
  }
}

export function edges(a: number, y: number) {
  var v = a;
  const w = v;
  throw [w] > (y);
}

export function kinds(value: number) {
  switch (value) {
    case 1:
      return "one";
    default:
      return "many";
  }
}

[1, 2, 3].forEach((n) => {
  const doubled = n * 2;
  void doubled;
});
`;

const JAVASCRIPT = `const { BedrockRuntimeClient } = require("@aws-sdk/client-bedrock-runtime");

function sloppy(scope) {
  with (scope) {
    var found = value;
  }
  return found;
}

async function ask(client, modelId) {
  const answer = await client.send({ modelId });
  return answer;
}
`;

const SNIPPETS = [
  'const total = question.length * 2;\n  ',
  'await client.send(command);',
  'yield* [1];',
  'if (x) { y(); } else {\n}',
  '/* note */ // @ts-ignore\n',
  ').then(',
  '{',
  '`${',
  'x.',
  // Words the parser looks past, before a statement kept as it was (spliceBeforeLast).
  'static ',
  'declare let ',
  'x = a\n  ',
  // Half-typed statements before a kept one (typedEndsAlike): lone words, contextual keywords among them, and
  // operands missing at the next line's first token, after binary operators and where others parse it instead.
  'let ',
  'async ',
  'await ',
  'type ',
  'abstract ',
  'global ',
  'using ',
  'y = a ** b, c ?? d >>> ',
  'z.w += v - ',
  'x = a < b | ',
  'q = a << ',
  'if (v) ',
  'for (x of ',
  'f = () => ',
  'o = { a: ',
  'p.q.',
  'r = s ? ',
  'g(a, ',
  't = await ',
];

/** Offsets inside function bodies: each statement's start, its middle, and its end, in every body of the text. */
function placesIn(text: string, language: ScriptLanguage): number[] {
  const tree = parseScript(text, language);
  const places = new Set<number>();
  const visit = (node: ts.Node): void => {
    if (ts.isBlock(node) && node.parent && node.parent !== tree) {
      for (const statement of node.statements) {
        const start = statement.getStart(tree);
        places.add(start);
        places.add(Math.floor((start + statement.end) / 2));
        places.add(statement.end);
      }
    }
    node.forEachChild(visit);
  };
  visit(tree);
  return [...places].sort((a, b) => a - b);
}

const describeNode = (node: ts.Node) => `${ts.SyntaxKind[node.kind]} ${node.pos}-${node.end}`;

/** Two scans' groups hold the same nodes (the very objects), in the same order. */
function sameGroups<K>(kept: ReadonlyMap<K, readonly ts.Node[]>, fresh: ReadonlyMap<K, readonly ts.Node[]>, where: string): void {
  assert.deepStrictEqual([...kept.keys()].map(String).sort(), [...fresh.keys()].map(String).sort(), where);
  for (const [key, nodes] of fresh) {
    assert.deepStrictEqual(kept.get(key)!.map(describeNode), nodes.map(describeNode), `${where}: ${String(key)}`);
    assert.ok(kept.get(key)!.every((node, i) => node === nodes[i]), `${where}: ${String(key)}`);
  }
}

function typeAndDelete(text: string, at: number, snippet: string, check: (text: string, what: string) => void): void {
  for (let typed = 1; typed <= snippet.length; typed++) check(text.slice(0, at) + snippet.slice(0, typed) + text.slice(at), `typed ${JSON.stringify(snippet.slice(0, typed))} at ${at} of ${JSON.stringify(snippet)}`);
  for (let left = snippet.length - 1; left >= 0; left--) check(text.slice(0, at) + snippet.slice(0, left) + text.slice(at), `deleted down to ${JSON.stringify(snippet.slice(0, left))} at ${at} of ${JSON.stringify(snippet)}`);
}

const SOURCES: Array<{ name: string; language: ScriptLanguage; text: string }> = [
  { name: 'functions.ts', language: 'typescript', text: TYPESCRIPT },
  { name: 'sloppy.js', language: 'javascript', text: JAVASCRIPT },
];

describe('inner statement reparse', () => {
  test('every tree equals a fresh parse after each keystroke typed in a function body', () => {
    const before = snapshotWorkCounters();
    let compared = 0;
    for (const { name, language, text: original } of SOURCES) {
      const parse = (text: string, setParentNodes?: boolean) => parseScript(text, language, name, setParentNodes);
      for (const at of placesIn(original, language)) {
        for (const snippet of SNIPPETS) {
          let tree = parse(original);
          typeAndDelete(original, at, snippet, (text, what) => {
            tree = nextTree(tree, text, parse) ?? parse(text);
            settleTree(tree);
            assert.equal(difference(tree, parse(text)), undefined, `${name}: ${what}`);
            compared++;
          });
        }
      }
    }
    const work = workSince(before);
    // Many keystrokes take the inner path; the others (a `with`, a switch case, errors in an object's method or
    // reaching the end of the run) are declined, to the top-level statement's reparse or TypeScript's.
    assert.ok(work.innerStatementReparses > compared / 4, JSON.stringify({ compared, ...work }));
    // Typing before a statement that starts alone keeps that statement (the rest of the run is parsed).
    assert.ok(work.innerStatementsKept > work.innerStatementReparses / 10, JSON.stringify({ compared, ...work }));
    // Half-typed statements before it (a lone word, an operand missing at the line's end) keep it too.
    assert.ok(work.innerStatementsKeptAfterHalfTyped > work.innerStatementsKept / 10, JSON.stringify({ compared, ...work }));
    assert.ok(work.statementReparses + work.fileReparses > work.innerStatementReparses, JSON.stringify({ compared, ...work }));
  });

  test('the scan kept for each statement equals a fresh scan of it after each keystroke (identifiers: a superset)', () => {
    const before = snapshotWorkCounters();
    let compared = 0;
    for (const { name, language, text: original } of SOURCES.slice(0, 1)) {
      const analysis = new IncrementalScriptAnalysis();
      const settings = fromRaw({}).engine;
      for (const at of placesIn(original, language)) {
        for (const snippet of SNIPPETS.slice(0, 3)) {
          typeAndDelete(original, at, snippet, (text, what) => {
            // A Bedrock word, so that the analysis runs.
            analysis.analyze({ text: `${text}\n// bedrock`, languageId: language, settings, fileName: name });
            const lazy = analysis.lazyTree!;
            lazy.settle();
            for (const statement of lazy.tree.statements) {
              const kept = analysis.scanOf(statement)!;
              const fresh = scanNodes(statement, { identifiers: true });
              const where = `${name}: ${what}, statement at ${statement.pos}`;
              assert.deepStrictEqual(kept.bindingNodes.map(describeNode), fresh.bindingNodes.map(describeNode), where);
              assert.ok(kept.bindingNodes.every((node, i) => node === fresh.bindingNodes[i]), where);
              sameGroups(kept.candidates, fresh.candidates, where);
              sameGroups(kept.references, fresh.references!, where);
              for (const identifier of fresh.identifiers!) assert.ok(kept.identifiers.has(identifier), `${where}: ${identifier}`);
              compared++;
            }
          });
        }
      }
    }
    assert.ok(workSince(before).scansDerived > compared / 40, JSON.stringify({ compared, ...workSince(before) }));
  });

  test("the editor's findings and fixability equal a fresh analysis's after each keystroke in a Bedrock function", () => {
    const settings = fromRaw({});
    const path = 'src/functions.ts';
    const analyzer = new DocumentAnalyzer({ fileNameOf: () => path, workspaceRelativePathOf: () => path, refineFindings: refineFixability });
    let version = 0;
    const check = (text: string, what: string) => {
      const document = TextDocument.create(`file:///workspace/${path}`, 'typescript', ++version, text);
      const actual = analyzer.analyze(document, settings)!.result.findings;
      const input = { text, languageId: 'typescript' as const, settings: settings.engine, fileName: path, workspaceRelativePath: path };
      const findings = analyze(input).findings;
      forgetFixResults();
      assert.deepStrictEqual(actual, refineFixability(input, findings), `${what}; text:\n${text}`);
    };
    check(TYPESCRIPT, 'as opened');
    const before = snapshotWorkCounters();
    const body = TYPESCRIPT.indexOf('  const modelId');
    const inner = TYPESCRIPT.indexOf('    return response');
    for (const at of [body, inner]) {
      for (const snippet of ['const total = question.length * 2;\n  ', 'modelId = "anthropic.claude-3-haiku-20240307-v1:0";\n', 'client.send(command);\n', 'var question = "x";\n']) {
        typeAndDelete(TYPESCRIPT, at, snippet, check);
      }
    }
    assert.ok(workSince(before).innerStatementReparses > 100, JSON.stringify(workSince(before)));
  });
});
