// A check that reads around its finding's statement only by name keeps its verdict across an inner reparse of its
// function that replaced none of the statements it read (innerEditVerdicts.ts). Oracle test: inside every function of
// the fix fixtures (and of a generated file) that calls Converse, statements are typed one character at a time before
// the call and at the top of the function (some mentioning what the check reads: the command variable, the input,
// the model id's const, the client), properties are typed into the request body, and seeded random edits are made;
// after each version the editor's refined findings, and its fix-all edits when a verdict was kept, equal those of a
// fresh analysis and refinement of the same text.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import ts from 'typescript';
import { analyze } from '../../server/src/engine/analyze';
import { fixAll, forgetFixResults, refineFixability } from '../../server/src/engine/fixes';
import { enclosingStatement, nodeAtRange } from '../../server/src/engine/fixes/support/nodes';
import type { FixInput } from '../../server/src/engine/fixTypes';
import type { Finding } from '../../server/src/engine/types';
import { snapshotWorkCounters, workSince } from '../../server/src/engine/workCounters';
import { DocumentAnalyzer } from '../../server/src/lsp/documentAnalyzer';
import { fromRaw } from '../../server/src/lsp/documentSettings';
import { fixFixtureSources, type FixFixtureSource } from '../helpers/fixFixtureSources';
import { seededRandom } from '../helpers/seededRandom';

const FIX_ALL_EVERY = 4;

/**
 * Typed on a new line before the call (as a person types a line: the line break first): names the check does not
 * read, and names it does (so its verdict must be checked again).
 */
const BEFORE_CALL = [
  '\n  const total = question.length * 2;',
  '\n  const command = 1;',
  '\n  client.send(command);',
  '\n  const MODEL_ID = "anthropic.claude-3-haiku-20240307-v1:0";',
  '\n  const input = { modelId: "anthropic.claude-3-haiku-20240307-v1:0", messages: [] };',
  '\n  let client = other;',
];

/** Typed into the request body, after its `{`. */
const IN_BODY = ['system: [{ text: "x" }], ', 'toolChoice: 1, '];

/** Inserted at random places of the function's body (and single characters, and deletions). */
const RANDOM_PIECES = ['modelId', 'command', 'client', 'input', 'MODEL_ID', 'messages', 'const x = 1;\n', ';', '\n', ' ', '{', '}', '"', '(', ')', '// '];




/** The editor's refinement of one document, compared with a fresh one after every version. */
class Oracle {
  private readonly analyzer: DocumentAnalyzer;
  private version = 0;
  private readonly settings = fromRaw({});
  private readonly path: string;
  /** Versions compared, and those where some verdict was kept across an inner edit (their fix-all edits compared too). */
  compared = 0;
  keptInside = 0;
  /** Versions where a finding in a statement of the runs, only moved, kept its verdict (see unchangedInRuns). */
  keptMovedInRuns = 0;
  /** Versions where some check ran. */
  checked = 0;
  lastFindings: readonly Finding[] = [];

  constructor(private readonly source: FixFixtureSource) {
    this.path = `src/${source.name.replace('.input.', '.')}`;
    this.analyzer = new DocumentAnalyzer({ fileNameOf: () => this.path, workspaceRelativePathOf: () => this.path, refineFindings: refineFixability });
  }

  check(text: string, what: string): void {
    const before = snapshotWorkCounters();
    const document = TextDocument.create(`file:///workspace/${this.path}`, this.source.languageId, ++this.version, text);
    const actual = this.analyzer.analyze(document, this.settings)!.result.findings;
    this.lastFindings = actual;
    const work = workSince(before);
    const kept = work.verdictsKeptInside > 0;
    if (kept && work.statementsMovedInRuns > 0) this.keptMovedInRuns++;
    if (work.checks > 0) this.checked++;
    const input: FixInput = { text, languageId: this.source.languageId, settings: this.settings.engine, fileName: this.path, workspaceRelativePath: this.path };
    // The fixes of this text start from the editor's refinement when it ran (its assessment, with the verdicts it
    // kept), else (carried over from the last one) from their own.
    // Fix-all runs every rewrite: compared on every FIX_ALL_EVERY-th version that kept a verdict.
    const compareFixes = kept && this.keptInside % FIX_ALL_EVERY === 0;
    const editorFix = compareFixes ? fixAll(input, actual) : undefined;
    forgetFixResults();
    const expected = refineFixability(input, analyze(input).findings);
    const message = `${this.source.name}: ${what}; text:\n${text}`;
    assert.deepStrictEqual(actual, expected, message);
    if (compareFixes) assert.deepStrictEqual(editorFix, fixAll(input, expected), `fix-all edits: ${message}`);
    forgetFixResults();
    this.compared++;
    if (kept) this.keptInside++;
  }

  typeAndDelete(text: string, at: number, snippet: string): void {
    for (let typed = 1; typed <= snippet.length; typed++) this.check(text.slice(0, at) + snippet.slice(0, typed) + text.slice(at), `typed ${JSON.stringify(snippet.slice(0, typed))} at ${at}`);
    for (let left = snippet.length - 1; left >= 0; left--) this.check(text.slice(0, at) + snippet.slice(0, left) + text.slice(at), `deleted down to ${JSON.stringify(snippet.slice(0, left))} at ${at}`);
  }
}

/**
 * The Converse calls in functions: the end of the line before their statement, of the line before their function's
 * first statement, the request's `{`, and the function body.
 */
interface CallPlace {
  beforeStatement: number;
  bodyStart: number;
  requestBody?: number;
  body: { start: number; end: number };
}

function converseCalls(source: FixFixtureSource): CallPlace[] {
  const input = { text: source.text, languageId: source.languageId, settings: fromRaw({}).engine, fileName: source.name };
  const tree = ts.createSourceFile(source.name, source.text, ts.ScriptTarget.Latest, true);
  const places: CallPlace[] = [];
  for (const finding of analyze(input).findings) {
    if (finding.ruleId !== 'bedrock/converse' && finding.ruleId !== 'bedrock/converse-stream') continue;
    const node = nodeAtRange(tree, finding.range);
    const statement = node && enclosingStatement(node);
    const block = statement?.parent;
    if (!statement || !block || !ts.isBlock(block) || !ts.isFunctionLike(block.parent)) continue;
    const call = ts.isNewExpression(node.parent) ? node.parent : undefined;
    const request = call?.arguments?.[0];
    places.push({
      beforeStatement: lineStart(source.text, statement.getStart(tree)) - 1,
      bodyStart: lineStart(source.text, block.statements[0].getStart(tree)) - 1,
      requestBody: request && ts.isObjectLiteralExpression(request) ? request.getStart(tree) + 1 : undefined,
      body: { start: block.getStart(tree) + 1, end: block.end - 1 },
    });
  }
  return places;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Each source that calls Converse, its calls, and an oracle that has checked it as opened. */
function* openedWithConverseCalls(): Generator<{ source: FixFixtureSource; calls: CallPlace[]; oracle: Oracle }> {
  for (const source of fixFixtureSources(100)) {
    const calls = converseCalls(source);
    if (calls.length === 0) continue;
    const oracle = new Oracle(source);
    oracle.check(source.text, 'as opened');
    yield { source, calls, oracle };
  }
}

/** A Converse call whose command is a variable the check looks up (a second use of it refuses the fix). */
const ASK_WITH_COMMAND = [
  'import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";',
  'const client = new BedrockRuntimeClient({ region: "us-east-1" });',
  'export async function ask(question: string) {',
  '  const total = question.length;',
  '  const command = new ConverseCommand({ modelId: "meta.llama3-8b-instruct-v1:0", messages: [{ role: "user", content: [{ text: question }] }] });',
  '  const response = await client.send(command);',
  '  return response.output;',
  '}',
  '',
].join('\n');

describe('verdicts kept across an edit inside their function', () => {
  test('typing before a Converse call, at the top of its function and into its request: the editor refines as a fresh analysis does', () => {
    let compared = 0;
    let keptInside = 0;
    for (const { source, calls, oracle } of openedWithConverseCalls()) {
      for (const call of calls.slice(0, 1)) {
        // One character at a time: a name the check does not read, and one it does.
        oracle.typeAndDelete(source.text, call.beforeStatement, BEFORE_CALL[0]);
        oracle.typeAndDelete(source.text, call.beforeStatement, BEFORE_CALL[2]);
        oracle.typeAndDelete(source.text, call.bodyStart, BEFORE_CALL[0]);
        // At the start of the call's own line: what is typed joins its statement until the line is ended.
        oracle.typeAndDelete(source.text, call.beforeStatement + 1, 'void 0;\n  ');
        // Whole statements and properties inserted, then removed.
        const inserts = [
          ...BEFORE_CALL.map((snippet) => ({ at: call.beforeStatement, snippet })),
          ...(call.requestBody === undefined ? [] : IN_BODY.map((snippet) => ({ at: call.requestBody!, snippet }))),
        ];
        for (const { at, snippet } of inserts) {
          oracle.check(source.text.slice(0, at) + snippet + source.text.slice(at), `inserted ${JSON.stringify(snippet)} at ${at}`);
          oracle.check(source.text, `removed ${JSON.stringify(snippet)}`);
        }
      }
      compared += oracle.compared;
      keptInside += oracle.keptInside;
    }
    // The fixtures must exercise the verdicts kept inside a function, or the comparison proves little.
    assert.ok(keptInside > compared / 10, `${keptInside} of ${compared} versions kept a verdict across an edit inside its function`);
  });

  test('a use of the command variable typed beside the call refuses it, a line that names nothing it reads keeps its verdict', () => {
    const text = ASK_WITH_COMMAND;
    const oracle = new Oracle({ name: 'command.ts', text, languageId: 'typescript' });
    oracle.check(text, 'as opened');
    const fixable = () => oracle.lastFindings.find((finding) => finding.ruleId === 'bedrock/converse')?.fixable;
    assert.equal(fixable(), true);
    for (const line of ['  const total = question.length;', '  const response = await client.send(command);']) {
      const at = text.indexOf(line) + line.length;
      const kept = oracle.keptInside;
      oracle.typeAndDelete(text, at, '\n  const other = total + 1;');
      assert.ok(oracle.keptInside > kept, `a line naming nothing the check reads, after ${JSON.stringify(line)}, keeps its verdict`);
      // A second use of the command: the check refuses it (it must run again), until the use is deleted.
      const used = text.slice(0, at) + '\n  void command;' + text.slice(at);
      oracle.check(used, `a second use of the command after ${JSON.stringify(line)}`);
      assert.equal(fixable(), false, `a second use of the command after ${JSON.stringify(line)}`);
      oracle.check(text, 'the use deleted');
      assert.equal(fixable(), true, 'the use deleted');
    }
  });

  test('a half-typed line takes the next statement into the reparsed run: moved unchanged, it keeps the verdicts, until the line names what the check reads', () => {
    const text = ASK_WITH_COMMAND;
    const oracle = new Oracle({ name: 'half-typed.ts', text, languageId: 'typescript' });
    oracle.check(text, 'as opened');
    assert.equal(oracle.lastFindings.find((finding) => finding.ruleId === 'bedrock/converse')?.fixable, true);
    // Before the statement holding the finding, then before the one that uses the command (which the check looks up).
    for (const line of ['  const total = question.length;', '  const command = new ConverseCommand(']) {
      const at = text.indexOf('\n', text.indexOf(line));
      // A member access, then a declaration, typed through versions that do not parse (`other.`; not a lone word
      // alone, nor only an operand missing at the line's end: the inner reparse keeps the next statement out of the
      // run after those, typedEndsAlike).
      for (const typed of ['\n  other.x.y.z', '\n  const other = total + 1;']) {
        const { keptMovedInRuns, checked } = oracle;
        oracle.typeAndDelete(text, at, typed);
        assert.ok(oracle.keptMovedInRuns > keptMovedInRuns + 2, `${JSON.stringify(typed)} after ${JSON.stringify(line)}: the statement after it, only moved, keeps the verdicts`);
        assert.equal(oracle.checked, checked, `${JSON.stringify(typed)} after ${JSON.stringify(line)} runs no check`);
      }
      // The same half-typed line naming the command: the check runs again.
      const checked = oracle.checked;
      oracle.typeAndDelete(text, at, '\n  command');
      assert.ok(oracle.checked > checked, `"command" typed after ${JSON.stringify(line)} runs the check again`);
    }
    // Typed into the request, after a half-typed line before it: the statement changed, not moved.
    const at = text.indexOf('\n', text.indexOf('  const total'));
    const half = `${text.slice(0, at)}\n  other${text.slice(at)}`;
    oracle.check(half, 'a half-typed line before the command');
    const checked = oracle.checked;
    oracle.typeAndDelete(half, half.indexOf('messages:'), 'system: [{ text: "x" }], ');
    assert.ok(oracle.checked > checked, 'an edit of the request runs its check again');
  });

  test('seeded random edits inside the functions that call Converse: the editor refines as a fresh analysis does', () => {
    const random = seededRandom(13);
    let keptInside = 0;
    let keptMovedInRuns = 0;
    for (const { source, calls, oracle } of openedWithConverseCalls()) {
      for (const call of calls.slice(0, 2)) {
        let text = source.text;
        let end = call.body.end;
        for (let step = 0; step < 30; step++) {
          const at = call.body.start + Math.floor(random() * (end - call.body.start));
          if (random() < 0.3 && at < end) {
            const length = Math.min(1 + Math.floor(random() * 3), end - at);
            text = text.slice(0, at) + text.slice(at + length);
            end -= length;
          } else {
            const piece = RANDOM_PIECES[Math.floor(random() * RANDOM_PIECES.length)];
            text = text.slice(0, at) + piece + text.slice(at);
            end += piece.length;
          }
          oracle.check(text, `random edit ${step} at ${at}`);
        }
        oracle.check(source.text, 'back to the original');
      }
      keptInside += oracle.keptInside;
      keptMovedInRuns += oracle.keptMovedInRuns;
    }
    assert.ok(keptInside > 0, 'some random edit kept a verdict inside its function');
    assert.ok(keptMovedInRuns > 0, 'some random edit kept the verdict of a statement its runs only moved');
  });
});
