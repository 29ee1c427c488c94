// The editor keeps each fix check's verdict across edits while nothing the check read changed (refinementReuse.ts,
// checkReads.ts). Oracle test: statements that change what checks read (names they look up, imports, requires,
// exports, file-wide properties, the findings) are typed into the functions that call Bedrock and at the top level
// of every fix fixture and of a generated file, and removed again; after each edit the editor's refined findings
// must equal a fresh analysis and refinement of the same text. Deterministic: no randomness, every position and
// snippet is listed.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../../server/src/engine/analyze';
import { forgetFixResults, refineFixability } from '../../server/src/engine/fixes';
import { TRANSFORMS } from '../../server/src/engine/fixes/registry';
import { checkTypeUses } from '../../server/src/engine/fixes/transforms/checkTypeUses';
import { rewriteClientRegion } from '../../server/src/engine/fixes/transforms/rewriteClientRegion';
import type { FixTransform } from '../../server/src/engine/fixes/transform';
import type { Finding } from '../../server/src/engine/types';
import { snapshotWorkCounters, workSince } from '../../server/src/engine/workCounters';
import { DocumentAnalyzer } from '../../server/src/lsp/documentAnalyzer';
import { fromRaw } from '../../server/src/lsp/documentSettings';
import { fixFixtureSources, type FixFixtureSource } from '../helpers/fixFixtureSources';
import { generateMigratableFile } from '../helpers/migratableFile';


/** Statements for a function body: each mentions names some check looks up, or what a check reads file-wide. */
const IN_FUNCTION = [
  'const total = question.length * 2;',
  'client.send(command);',
  'response = undefined;',
  'modelId = "anthropic.claude-3-haiku-20240307-v1:0";',
  'MODEL_ID = "x";',
  'void [ConverseCommand, InvokeModelCommand, BedrockRuntimeClient, ConverseStreamCommand];',
  'const structured = model.withStructuredOutput(schema);',
  'const options = { providerOptions: { bedrock: { guardrailConfig: {} } } };',
  'const bedrock = createAmazonBedrock;',
  'var prompt = "shadowed";',
  'const body = JSON.stringify({ prompt });',
];

/** Statements for the top level, before a statement that holds a fixable finding. */
const TOP_LEVEL = [
  'const modelId = "meta.llama3-8b-instruct-v1:0";',
  'let response;',
  'export const MODEL_ID = "meta.llama3-8b-instruct-v1:0";',
  'import { ConverseCommand as Renamed } from "@aws-sdk/client-bedrock-runtime";',
  'const { BedrockRuntimeClient: Other } = require("@aws-sdk/client-bedrock-runtime");',
  'function client() { return undefined; }',
  'export { client as exported };',
  'const command = new ConverseCommand({ modelId: "meta.llama3-8b-instruct-v1:0", messages: [] });',
];




/** The editor's refinement of one document, checked against a fresh one after every version. */
class Oracle {
  private readonly analyzer: DocumentAnalyzer;
  private version = 0;
  compared = 0;
  /** Versions whose refinement re-ran some checks but not all of them, and those that re-ran them all. */
  partlyReused = 0;
  fullyRefined = 0;
  /** Versions whose fixable flags differ from the previous version's. */
  flips = 0;
  /** Checks the editor's refinement ran, and its refinements carried over from the last one without running. */
  editorChecks = 0;
  carried = 0;
  private lastFixable: string | undefined;
  private readonly settings = fromRaw({});
  private readonly workspaceRelativePath: string;

  constructor(private readonly source: FixFixtureSource) {
    this.workspaceRelativePath = `src/${source.name.replace('.input.', '.')}`;
    this.analyzer = new DocumentAnalyzer({ fileNameOf: () => this.workspaceRelativePath, workspaceRelativePathOf: () => this.workspaceRelativePath, refineFindings: refineFixability });
  }

  check(text: string, what: string): void {
    const before = snapshotWorkCounters();
    const document = TextDocument.create(`file:///workspace/${this.workspaceRelativePath}`, this.source.languageId, ++this.version, text);
    editorRefining = true;
    const actual = this.analyzer.analyze(document, this.settings)!.result.findings;
    editorRefining = false;
    const { checks, refinementsCarried } = workSince(before);
    this.editorChecks += checks;
    this.carried += refinementsCarried;
    const input = { text, languageId: this.source.languageId, settings: this.settings.engine, fileName: this.workspaceRelativePath, workspaceRelativePath: this.workspaceRelativePath };
    const findings = analyze(input).findings;
    forgetFixResults();
    const expected = refineFixability(input, findings);
    assert.deepStrictEqual(actual, expected, `${this.source.name}: ${what}; text:\n${text}`);
    this.compared++;
    if (checks > 0 && checks < checksOf(findings)) this.partlyReused++;
    if (checks > 0 && checks >= checksOf(findings)) this.fullyRefined++;
    const fixable = expected.map((finding) => finding.fixable).join();
    if (this.lastFixable !== undefined && fixable !== this.lastFixable) this.flips++;
    this.lastFixable = fixable;
  }

  /** Types `snippet` at `at` one character at a time, then deletes it one at a time, checking every version; returns how many. */
  typeAndDelete(text: string, at: number, snippet: string): number {
    let versions = 0;
    for (let typed = 1; typed <= snippet.length; typed++, versions++) {
      this.check(text.slice(0, at) + snippet.slice(0, typed) + text.slice(at), `typed ${JSON.stringify(snippet.slice(0, typed))}`);
    }
    for (let left = snippet.length - 1; left >= 0; left--, versions++) {
      this.check(text.slice(0, at) + snippet.slice(0, left) + text.slice(at), `deleted down to ${JSON.stringify(snippet.slice(0, left))}`);
    }
    return versions;
  }
}

/** True while the Oracle runs the editor's analysis (not the fresh one it compares it with). */
let editorRefining = false;

/** How many times `transform`'s check runs in the editor's refinement during `run`. */
function rechecked(transform: FixTransform, run: () => void): number {
  const original = transform.check!;
  let count = 0;
  transform.check = (...args) => {
    if (editorRefining) count++;
    return original(...args);
  };
  try {
    run();
  } finally {
    transform.check = original;
  }
  return count;
}

/** How many checks refining these findings from scratch runs (see assess). */
function checksOf(findings: readonly Finding[]): number {
  return TRANSFORMS.filter((transform) => transform.check)
    .reduce((sum, transform) => sum + findings.filter((finding) => transform.rules.includes(finding.ruleId)).length, 0);
}

/** Where to type: the start of the line after each fixable finding's line (mostly inside its function), and of its statement's first line. */
function places(text: string, findings: readonly Finding[]): { inFunction: number[]; topLevel: number[] } {
  const inFunction = new Set<number>();
  const topLevel = new Set<number>();
  for (const finding of findings.filter((candidate) => candidate.fixable).slice(0, 3)) {
    const nextLine = text.indexOf('\n', finding.range.end);
    if (nextLine >= 0) inFunction.add(nextLine + 1);
    topLevel.add(topLevelLineStart(text, finding.range.start));
  }
  return { inFunction: [...inFunction], topLevel: [...topLevel] };
}

/** The start of the first line, going up from `offset`, that is not indented (a top-level statement starts there). */
function topLevelLineStart(text: string, offset: number): number {
  let start = text.lastIndexOf('\n', offset - 1) + 1;
  while (start > 0 && /^[ \t}\])]/.test(text.slice(start, start + 1))) start = text.lastIndexOf('\n', start - 2) + 1;
  return start;
}

describe('refinement reuse across edits', () => {
  test('statements typed into Bedrock functions and at the top level, then removed: the editor refines as a fresh analysis does', () => {
    let compared = 0;
    let partlyReused = 0;
    for (const source of fixFixtureSources(300)) {
      const oracle = new Oracle(source);
      oracle.check(source.text, 'as opened');
      const input = { text: source.text, languageId: source.languageId, settings: fromRaw({}).engine, fileName: source.name };
      const { inFunction, topLevel } = places(source.text, analyze(input).findings);
      const edits = [...inFunction.flatMap((at) => IN_FUNCTION.map((snippet) => ({ at, snippet: `${snippet}\n` }))),
        ...topLevel.flatMap((at) => TOP_LEVEL.map((snippet) => ({ at, snippet: `${snippet}\n` })))];
      for (const { at, snippet } of edits) {
        oracle.check(source.text.slice(0, at) + snippet + source.text.slice(at), `inserted ${JSON.stringify(snippet)} at ${at}`);
        oracle.check(source.text, `removed ${JSON.stringify(snippet)} again`);
      }
      compared += oracle.compared;
      partlyReused += oracle.partlyReused;
    }
    // The fixtures must exercise the partial reuse (some checks kept, some run again), or the comparison proves little.
    assert.ok(partlyReused > compared / 10, `${partlyReused} of ${compared} versions re-ran only some checks`);
  });

  test('typing one character at a time inside a Bedrock function of a large file', () => {
    const text = generateMigratableFile(1_000);
    const oracle = new Oracle({ name: 'generated-1000.ts', text, languageId: 'typescript' });
    oracle.check(text, 'as opened');
    const at = text.indexOf('const response', text.indexOf('export async function chat', text.length / 2));
    for (const snippet of ['const total = question.length * 2;\n  ', 'void ConverseCommand;\n  ', 'client.send(command);\n  ']) {
      for (let typed = 1; typed <= snippet.length; typed++) {
        oracle.check(text.slice(0, at) + snippet.slice(0, typed) + text.slice(at), `typed ${JSON.stringify(snippet.slice(0, typed))}`);
      }
      oracle.check(text, `removed ${JSON.stringify(snippet)}`);
    }
    // Half-typed statements mostly do not parse (their findings wait); every version that parses re-runs only the
    // checks of the edited function and of what reads it, or none (every verdict kept), never all of them (but when opened).
    assert.ok(oracle.partlyReused + oracle.carried > 10, `${oracle.partlyReused} of ${oracle.compared} versions re-ran only some checks, ${oracle.carried} none`);
    assert.equal(oracle.fullyRefined, 1, 'only the first version runs every check');
  });

  test('typing in plain code before the Bedrock functions carries the last refinement over, moved with the findings', () => {
    // Nothing the checks read changes and every finding keeps its place: the refinement is not run at all, its
    // result moves with the findings after the edit (their refined messages and fixability kept, see carriedOver).
    const text = generateMigratableFile(300);
    const input = { text, languageId: 'typescript' as const, settings: fromRaw({}).engine, fileName: 'src/generated-300.ts', workspaceRelativePath: 'src/generated-300.ts' };
    const findings = analyze(input).findings;
    const refined = refineFixability(input, findings);
    forgetFixResults();
    assert.ok(refined.some((finding, i) => finding !== findings[i] && finding.message !== findings[i].message), 'some findings are changed by the refinement');
    const oracle = new Oracle({ name: 'generated-300.ts', text, languageId: 'typescript' });
    oracle.check(text, 'as opened');
    const at = text.indexOf('{', text.indexOf('export function validTicket0')) + 1;
    assert.ok(findings.some((finding) => finding.range.start > at), 'findings after the edit move');
    const snippet = '\n  const total = ticket.tags.length * 2;';
    const checksBefore = oracle.editorChecks;
    const versions = oracle.typeAndDelete(text, at, snippet);
    assert.equal(oracle.editorChecks, checksBefore, 'no check runs again');
    // The half-typed versions that do not parse wait for the syntax (not carried); every other one is.
    assert.ok(oracle.carried > versions / 2, `${oracle.carried} of ${versions} refinements carried over`);
  });

  test('a use typed in another function refuses a call whose check looks up that name, and deleting it restores the fix', () => {
    // The Converse command and the InvokeModel body live in top-level consts: their checks count every use of them.
    const text = [
      'import { BedrockRuntimeClient, ConverseCommand, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";',
      'const client = new BedrockRuntimeClient({ region: "us-east-1" });',
      'const command = new ConverseCommand({ modelId: "meta.llama3-8b-instruct-v1:0", messages: [] });',
      'export async function ask() {',
      '  return client.send(command);',
      '}',
      'const body = JSON.stringify({ prompt: "hi", max_gen_len: 10 });',
      'export async function complete() {',
      '  const response = await client.send(new InvokeModelCommand({ modelId: "meta.llama3-8b-instruct-v1:0", body }));',
      '  return JSON.parse(new TextDecoder().decode(response.body)).generation;',
      '}',
      'export function other() {',
      '  return 1;',
      '}',
      '',
    ].join('\n');
    const oracle = new Oracle({ name: 'lookups.ts', text, languageId: 'typescript' });
    oracle.check(text, 'as opened');
    const at = text.indexOf('  return 1;');
    for (const snippet of ['void command;\n', 'void body;\n']) oracle.typeAndDelete(text, at, snippet);
    assert.ok(oracle.flips >= 4, `fixability changed ${oracle.flips} times (a second use refuses, its deletion restores)`);
  });

  test('typing next to a use of a Bedrock type keeps the type-use verdict; a use it refuses, or a first use, does not', () => {
    // check-type-uses reads the uses of every imported name: by their count, apart from namespace uses and picked-apart
    // config types. `ConverseMetrics` is imported but unused; `Message` is used in the edited function.
    const text = [
      'import { BedrockRuntimeClient, ConverseCommand, ConverseMetrics, GuardrailTrace, Message } from "@aws-sdk/client-bedrock-runtime";',
      'const client = new BedrockRuntimeClient({ region: "us-east-1" });',
      'export async function ask(question: string) {',
      '  const messages: Message[] = [{ role: "user", content: [{ text: question }] }];',
      '  return client.send(new ConverseCommand({ modelId: "meta.llama3-8b-instruct-v1:0", messages }));',
      '}',
      '',
    ].join('\n');
    const oracle = new Oracle({ name: 'typeUses.ts', text, languageId: 'typescript' });
    oracle.check(text, 'as opened');
    const at = text.indexOf('  return client.send');
    for (const [snippet, keeps] of [
      ['const total = question.length * 2;\n', true],
      ['let metrics: ConverseMetrics.Latency;\n', false], // a namespace use: refused
      ['let more: Message | undefined;\n', false], // a second use of a used name
      ['let trace: GuardrailTrace;\n', false], // a first use of a name with no counterpart: refused
    ] as const) {
      const typed = (prefix: string) => text.slice(0, at) + prefix + snippet + text.slice(at);
      const inserted = rechecked(checkTypeUses, () => oracle.check(typed(''), `inserted ${JSON.stringify(snippet)}`));
      if (keeps) assert.equal(inserted, 0, `inserting ${JSON.stringify(snippet)} re-ran check-type-uses`);
      else assert.equal(inserted, 1, `inserting ${JSON.stringify(snippet)} kept the verdict`);
      // A keystroke in the same statement that changes no use: only the namespace use is read again.
      const indented = rechecked(checkTypeUses, () => oracle.check(typed(' '), `indented ${JSON.stringify(snippet)}`));
      assert.equal(indented, snippet.includes('.Latency') ? 1 : 0, `indenting ${JSON.stringify(snippet)}`);
      oracle.check(text, `removed ${JSON.stringify(snippet)}`);
    }
    // One edit turns the namespace use into a plain one: as many uses, but the one before was refused.
    oracle.check(text.slice(0, at) + 'let metrics: ConverseMetrics.Latency;\n' + text.slice(at), 'a namespace use');
    oracle.check(text.slice(0, at) + 'let metrics: ConverseMetrics | Latency;\n' + text.slice(at), 'the namespace use made plain');
    assert.ok(oracle.flips >= 6, `fixability changed ${oracle.flips} times (the namespace use and the first use refuse)`);
  });

  test('typing in a function whose findings change keeps a check that reads only the findings of another rule', () => {
    // The region check reads the Runtime client findings (is the client it configures one the migration rewrites?);
    // typing in `ask` changes its Converse finding only.
    const text = [
      'import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";',
      'const client = new BedrockRuntimeClient({ region: "us-east-1" });',
      'export async function ask(question: string) {',
      '  return client.send(new ConverseCommand({ modelId: "meta.llama3-8b-instruct-v1:0", messages: [{ role: "user", content: [{ text: question }] }] }));',
      '}',
      '',
    ].join('\n');
    const oracle = new Oracle({ name: 'region.ts', text, languageId: 'typescript' });
    oracle.check(text, 'as opened');
    const at = text.indexOf('  return client.send');
    const snippet = 'const total = question.length * 2;\n';
    for (let typed = 1; typed <= snippet.length; typed++) {
      const version = text.slice(0, at) + snippet.slice(0, typed) + text.slice(at);
      assert.equal(rechecked(rewriteClientRegion, () => oracle.check(version, `typed ${JSON.stringify(snippet.slice(0, typed))}`)), 0);
    }
    // Typing in the client's own statement runs it again.
    const renamed = text.replace('region: "us-east-1"', 'region: "us-west-2"');
    assert.equal(rechecked(rewriteClientRegion, () => oracle.check(renamed, 'another region')), 1);
  });

  test('deleting the one other use of a LangChain chat model class makes both of its findings fixable again', () => {
    // The LangChain check plans the whole file once per refinement and shares the plan between its findings: each
    // of them depends on what the plan read (the uses of the class), not only the first one checked.
    const text = [
      'import { ChatBedrockConverse } from "@langchain/aws";',
      '',
      'export const model = new ChatBedrockConverse({ model: "meta.llama3-1-8b-instruct-v1:0", region: "us-east-1" });',
      'export const isBedrock = (value: unknown): boolean => value instanceof ChatBedrockConverse;',
      '',
    ].join('\n');
    const oracle = new Oracle({ name: 'chat.ts', text, languageId: 'typescript' });
    oracle.check(text, 'as opened');
    oracle.check(text.replace('value instanceof ChatBedrockConverse', 'vatBedrockConverse'), 'the instanceof use deleted');
    assert.equal(oracle.flips, 1, 'the deletion makes the findings fixable');
  });

  test('other settings drop every kept verdict, whether the text changed or not; the same settings keep them', () => {
    // The verdicts' key is made again only when one of its parts changes (the settings object by identity, then by
    // value): typing with the same settings carries the refinement over, other settings refine as a fresh analysis does.
    const text = generateMigratableFile(100);
    const path = 'src/generated-100.ts';
    const analyzer = new DocumentAnalyzer({ fileNameOf: () => path, workspaceRelativePathOf: () => path, refineFindings: refineFixability });
    const at = text.indexOf('{', text.indexOf('export function validTicket')) + 1;
    const defaults = fromRaw({});
    // An adapter outside the package: the Converse calls are refused, their findings (before refining) the same.
    const outside = fromRaw({ adapterPath: '/outside/sagemaker-converse.ts' });
    const typed = (line: string) => `${text.slice(0, at)}\n  ${line}${text.slice(at)}`;
    const versions = [
      { text, settings: defaults },
      { text: typed('void 0;'), settings: defaults },
      { text: typed('void 0;'), settings: outside },
      { text: typed('void 1;'), settings: outside },
      // Settings equal to the last by value, in a new object: kept too.
      { text: typed('void 2;'), settings: fromRaw({ adapterPath: '/outside/sagemaker-converse.ts' }) },
      { text, settings: fromRaw({}) },
    ];
    let carried = 0;
    versions.forEach(({ text: version, settings }, i) => {
      const before = snapshotWorkCounters();
      const document = TextDocument.create(`file:///workspace/${path}`, 'typescript', i + 1, version);
      const actual = analyzer.analyze(document, settings)!.result.findings;
      carried += workSince(before).refinementsCarried;
      forgetFixResults();
      const input = { text: version, languageId: 'typescript' as const, settings: settings.engine, fileName: path, workspaceRelativePath: path };
      assert.deepStrictEqual(actual, refineFixability(input, analyze(input).findings), `version ${i}`);
      forgetFixResults();
    });
    assert.equal(carried, 3, 'the versions typed under the same settings carry the refinement over, those under other settings do not');
  });
});
