// The incremental script analysis must give, for every version of a document, exactly what a fresh analysis of
// that text gives. Oracle test: every script fixture goes through a seeded sequence of random edits (typing,
// deleting, moving lines, pasting Bedrock code, undoing to an older version, changing settings), and after each
// edit both analyses are compared finding by finding. The editor's refined fixability (the refinement reused while
// an edit cannot change it) is compared the same way with a fresh analysis and refinement.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../../server/src/engine/analyze';
import { compareFindings } from '../../server/src/engine/finding';
import { forgetFixResults, refineFixability } from '../../server/src/engine/fixes';
import { analyzeScript } from '../../server/src/engine/script/analyzeScript';
import { IncrementalScriptAnalysis } from '../../server/src/engine/script/incremental/incrementalScript';
import { DEFAULT_SETTINGS } from '../../server/src/engine/settings';
import { isReference } from '../../server/src/engine/script/references';
import ts from '../../server/src/engine/typescript';
import type { EngineSettings, Finding, ScriptLanguage } from '../../server/src/engine/types';
import { snapshotWorkCounters, workSince } from '../../server/src/engine/workCounters';
import { DocumentAnalyzer } from '../../server/src/lsp/documentAnalyzer';
import { fromRaw } from '../../server/src/lsp/documentSettings';
import { generateMigratableFile } from '../helpers/migratableFile';
import { seededRandom as random } from '../helpers/seededRandom';

const ROOT = join(__dirname, '..', '..');
const EDITS_PER_FILE = 40;

const PASTES = [
  'const extra = new BedrockRuntimeClient({ region: "us-west-2" });\n',
  'await client.send(new ConverseCommand({ modelId: "meta.llama3-8b-instruct-v1:0", messages: [] }));\n',
  'import { InvokeModelCommand, BedrockRuntimeClient as BR } from "@aws-sdk/client-bedrock-runtime";\n',
  'let client;\nclient = new BedrockRuntimeClient({});\n',
  'const config = { region: "eu-west-1" };\nconst second = new BedrockRuntimeClient(config);\n',
  'const first = new BedrockRuntimeClient(config);\n', 'const third = new BedrockRuntime(config);\n',
  'function makeClient() { return new BedrockRuntimeClient({ region: "us-east-1" }); }\n',
  '// bedrock-to-sagemaker-ignore-next-line\n',
  '/* bedrock-to-sagemaker-disable */\n',
  'const arn = `arn:aws:bedrock:${region}:123456789012:foundation-model/x`;\n',
  'class Chat { client = makeClient(); ask() { return this.client.send(new InvokeModelCommand({})); } }\n',
  '"bedrock:InvokeModel"', 'BedrockRuntimeClient', 'client', 'config', 'const ', '{', '}', '(', ')', ';', '`', '"', '/*', '*/', '//',
];

function scriptFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir).sort()) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) {
        if (entry !== 'node_modules') walk(path);
      } else if (/\.[cm]?[jt]sx?$/.test(entry) && !entry.endsWith('.d.ts')) files.push(path);
    }
  };
  walk(join(ROOT, 'test', 'fixtures', 'rules'));
  walk(join(ROOT, 'test', 'fixtures', 'fixes'));
  walk(join(ROOT, 'examples'));
  return files;
}

function languageOf(path: string): ScriptLanguage {
  if (path.endsWith('.tsx')) return 'typescriptreact';
  if (path.endsWith('.jsx')) return 'javascriptreact';
  return /\.[cm]?js$/.test(path) ? 'javascript' : 'typescript';
}

function edit(text: string, next: () => number, history: string[]): string {
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
  const at = Math.floor(next() * (text.length + 1));
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const lineEnd = text.indexOf('\n', at) === -1 ? text.length : text.indexOf('\n', at) + 1;
  switch (Math.floor(next() * 7)) {
    case 0: return text.slice(0, at) + pick([' ', 'a', '\n', ';', '.', ',', '\t']) + text.slice(at);
    case 1: return text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 20));
    case 2: return text.slice(0, lineStart) + text.slice(lineEnd);
    case 3: return text.slice(0, lineEnd) + text.slice(lineStart, lineEnd) + text.slice(lineEnd);
    case 4: {
      const line = text.slice(lineStart, lineEnd);
      const rest = text.slice(0, lineStart) + text.slice(lineEnd);
      const to = rest.lastIndexOf('\n', Math.floor(next() * rest.length)) + 1;
      return rest.slice(0, to) + line + rest.slice(to);
    }
    case 5: return text.slice(0, at) + pick(PASTES) + text.slice(at);
    default: return history.length > 0 ? pick(history) : text;
  }
}

function sorted(findings: Finding[]): Finding[] {
  return [...findings].sort(compareFindings);
}

/** The end of a quiet `wrap` and a caller, `ask`, whose Converse call is reported only if `wrap` returns a client. */
const QUIET_WRAP_TAIL = [
  '  return ready && true;',
  '}',
  'export async function ask() {',
  '  const client = wrap(true);',
  '  return client.converse({ modelId: "meta.llama3-8b-instruct-v1:0", messages: [] });',
  '}',
  '',
].join('\n');

describe('incremental script analysis', () => {
  const files = scriptFiles();

  test('covers the script fixtures and the example workspace', () => {
    assert.ok(files.length > 100, `found ${files.length} script files`);
  });

  test('a config object shared by two clients: editing away the client that reported its region makes the other one report it', () => {
    const lines = [
      'import { BedrockRuntimeClient } from "@aws-sdk/client-bedrock-runtime";',
      'const config = { region: "us-east-1" };',
      'export function unrelated(a: number) { return a + 1; }',
      'const first = new BedrockRuntimeClient(config);',
      'export function alsoUnrelated(b: string) { return b.trim(); }',
      'const second = new BedrockRuntimeClient(config);',
      '',
    ];
    const incremental = new IncrementalScriptAnalysis();
    const versions = [lines.join('\n'), lines.filter((line) => !line.startsWith('const first')).join('\n'), lines.join('\n')];
    for (const text of versions) {
      const input = { text, languageId: 'typescript' as const, settings: DEFAULT_SETTINGS, fileName: 'shared.ts' };
      const expected = sorted(analyzeScript(input));
      assert.ok(expected.some((finding) => finding.ruleId === 'bedrock/client-region'), 'the region is reported');
      assert.deepStrictEqual(sorted(incremental.analyze(input)), expected);
    }
  });

  test('typing in a function whose calls denote nothing tracked does not run its callers again, unless its returns change that', () => {
    // `wrap` is called by `ask`: what the call denotes is what `wrap` returns. While `wrap` returns only untracked
    // values (returnsNothingTracked) before and after a keystroke in its body, `ask` keeps its results; once it
    // returns a Bedrock client, `ask` runs again (its aggregated `converse` call is reported only on a client).
    const head = [
      'import { BedrockRuntime } from "@aws-sdk/client-bedrock-runtime";',
      'export function wrap(ready: boolean): boolean {',
    ].join('\n');
    const tail = QUIET_WRAP_TAIL;
    const incremental = new IncrementalScriptAnalysis();
    const check = (text: string, what: string) => {
      const input = { text, languageId: 'typescript' as const, settings: DEFAULT_SETTINGS, fileName: 'wrap.ts' };
      const before = snapshotWorkCounters();
      assert.deepStrictEqual(sorted(incremental.analyze(input)), sorted(analyzeScript(input)), `${what}; text:\n${text}`);
      return workSince(before).statementsReanalysed;
    };
    check(`${head}\n${tail}`, 'as opened');
    let quiet = 0;
    const typed = '  const total = 2 * 3;\n';
    for (let length = 1; length <= typed.length; length++) {
      if (check(`${head}\n${typed.slice(0, length)}${tail}`, `typed ${JSON.stringify(typed.slice(0, length))}`) === 1) quiet++;
    }
    assert.ok(quiet > typed.length / 2, `${quiet} of ${typed.length} keystrokes ran only the edited function`);
    // A return that can denote something: the caller runs again, before and after.
    const client = '  if (!ready) return new BedrockRuntime({ region: "us-east-1" });\n';
    const input = { text: `${head}\n${client}${tail}`, languageId: 'typescript' as const, settings: DEFAULT_SETTINGS, fileName: 'wrap.ts' };
    assert.ok(analyzeScript(input).some((finding) => finding.ruleId === 'bedrock/converse' && finding.range.start > input.text.indexOf('async function ask')), 'the call is reported on the client');
    assert.equal(check(`${head}\n${client}${tail}`, 'returns a client'), 2);
    assert.equal(check(`${head}\n${client.replace('us-east-1', 'us-west-2')}${tail}`, 'another region'), 2);
    assert.equal(check(`${head}\n${tail}`, 'the client return removed'), 2);
    // An assignment to its own name in its body: the caller runs again.
    assert.equal(check(`${head}\n  wrap = undefined;\n${tail}`, 'assigns to its name'), 2);
  });

  test('a quiet function typed in keeps its quietness only while what is typed returns and assigns nothing tracked', () => {
    // The quietness of a function an inner reparse made is taken from the one before when the typed run returns
    // nothing tracked and assigns nothing to the function's name (quietFunction.ts: inheritQuietness). Typed one
    // character at a time, a run that returns a client or assigns the name must make `ask` run again, as a fresh
    // analysis of each version says.
    const head = [
      'import { BedrockRuntime } from "@aws-sdk/client-bedrock-runtime";',
      'export function wrap(ready: boolean): boolean {',
      '  const before = 1;',
    ].join('\n');
    const tail = QUIET_WRAP_TAIL;
    const before = snapshotWorkCounters();
    for (const typed of ['  const total = 2 * 3;\n  if (!ready) return new BedrockRuntime({ region: "us-east-1" });\n', '  const total = 2 * 3;\n  if (ready) wrap = undefined;\n']) {
      const incremental = new IncrementalScriptAnalysis();
      let reanalysed = 0;
      for (let length = 0; length <= typed.length; length++) {
        const text = `${head}\n${typed.slice(0, length)}${tail}`;
        const input = { text, languageId: 'typescript' as const, settings: DEFAULT_SETTINGS, fileName: 'wrap.ts' };
        const keystroke = snapshotWorkCounters();
        assert.deepStrictEqual(sorted(incremental.analyze(input)), sorted(analyzeScript(input)), `typed ${JSON.stringify(typed.slice(0, length))}`);
        reanalysed = workSince(keystroke).statementsReanalysed;
      }
      // The last keystroke (a line break after the run) in a function that is not quiet: its caller runs again.
      assert.equal(reanalysed, 2, typed);
    }
    assert.ok(workSince(before).quietnessInherited > 10, JSON.stringify(workSince(before)));
  });

  test('a function that is not quiet stays so without a walk while lines are typed beside its tracked return, and turns quiet once that return is cut', () => {
    // inheritQuietness also carries "not quiet" when the run taken out returned nothing tracked and assigned nothing
    // to the name: what made the function not quiet lies outside the run. Cutting the line that returns a client
    // takes it out: from then on the function is quiet again and its caller is left alone.
    const head = [
      'import { BedrockRuntime } from "@aws-sdk/client-bedrock-runtime";',
      'export function wrap(ready: boolean): boolean {',
    ].join('\n');
    const client = '  if (!ready) return new BedrockRuntime({ region: "us-east-1" });\n';
    const typed = '  const total = 2 * 3;\n';
    const incremental = new IncrementalScriptAnalysis();
    const check = (text: string, what: string) => {
      const input = { text, languageId: 'typescript' as const, settings: DEFAULT_SETTINGS, fileName: 'wrap.ts' };
      const before = snapshotWorkCounters();
      assert.deepStrictEqual(sorted(incremental.analyze(input)), sorted(analyzeScript(input)), `${what}; text:\n${text}`);
      return workSince(before);
    };
    check(`${head}\n${client}${QUIET_WRAP_TAIL}`, 'as opened');
    let inherited = 0;
    for (let length = 1; length <= typed.length; length++) {
      const work = check(`${head}\n${client}${typed.slice(0, length)}${QUIET_WRAP_TAIL}`, `typed ${JSON.stringify(typed.slice(0, length))}`);
      assert.equal(work.statementsReanalysed, 2, 'a function returning a client: its caller runs again');
      inherited += work.quietnessInherited;
    }
    assert.ok(inherited > typed.length / 2, `${inherited} of ${typed.length} keystrokes knew the function was not quiet without a walk`);
    // The line cut in one edit: the run taken out holds the return.
    const work = check(`${head}\n${typed}${QUIET_WRAP_TAIL}`, 'the return of a client cut');
    assert.equal(work.innerStatementReparses, 1, 'cut from the function by an inner reparse');
    // The return gone, a plain keystroke in the function runs only the function (it would run its caller too were
    // "not quiet" carried over the cut).
    assert.equal(check(`${head}\n${typed.replace('3', '4')}${QUIET_WRAP_TAIL}`, 'typed after the cut').statementsReanalysed, 1);
  });

  test('a name pasted into a function makes it run again when the statement declaring the name changes', () => {
    // The name index lists a statement an inner reparse made under the old statement's names and the typed run's
    // (NameIndex.handOver): `runtime`, pasted into `ask`, must list `ask` among its users, so that `ask` runs again
    // when `runtime` becomes a Bedrock client (its aggregated `converse` call is then reported).
    const plain = 'const runtime = { converse: (input: unknown) => input };';
    const client = 'const runtime = new BedrockRuntime({ region: "us-east-1" });';
    const head = ['import { BedrockRuntime } from "@aws-sdk/client-bedrock-runtime";', plain, 'export function ask() {', '  const before = 1;'].join('\n');
    const tail = ['  return before;', '}', ''].join('\n');
    const typed = '  runtime.converse({ modelId: "meta.llama3-8b-instruct-v1:0", messages: [] });\n';
    const incremental = new IncrementalScriptAnalysis();
    const check = (text: string, what: string) => {
      const input = { text, languageId: 'typescript' as const, settings: DEFAULT_SETTINGS, fileName: 'ask.ts' };
      assert.deepStrictEqual(sorted(incremental.analyze(input)), sorted(analyzeScript(input)), `${what}; text:\n${text}`);
    };
    check(`${head}\n${tail}`, 'as opened');
    // The line pasted at once: only the inner reparse's derived scan brings `runtime` to `ask`'s names (typed one
    // character at a time, the half-typed versions with errors parse otherwise, and a whole scan would list it).
    const before = snapshotWorkCounters();
    check(`${head}\n${typed}${tail}`, 'pasted');
    assert.equal(workSince(before).scansDerived, 1, JSON.stringify(workSince(before)));
    const text = `${head.replace(plain, client)}\n${typed}${tail}`;
    assert.ok(analyzeScript({ text, languageId: 'typescript', settings: DEFAULT_SETTINGS, fileName: 'ask.ts' }).some((finding) => finding.ruleId === 'bedrock/converse'), 'the call is reported on the client');
    check(text, 'runtime made a client');
  });

  test('gives what a fresh analysis gives, after every one of a random sequence of edits', () => {
    const settingsChoices: EngineSettings[] = [DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, targetRegion: 'cn-north-1' }];
    let compared = 0;
    let withFindings = 0;
    files.forEach((path, fileIndex) => {
      const languageId = languageOf(path);
      const fileName = relative(ROOT, path);
      const next = random(0x5eed + fileIndex);
      const incremental = new IncrementalScriptAnalysis();
      let text = readFileSync(path, 'utf8');
      const history: string[] = [];
      let settings = DEFAULT_SETTINGS;
      for (let step = 0; step <= EDITS_PER_FILE; step++) {
        if (step > 0) {
          history.push(text);
          text = edit(text, next, history);
          if (next() < 0.05) settings = settingsChoices[Math.floor(next() * settingsChoices.length)];
        }
        const input = { text, languageId, settings, fileName };
        const expected = sorted(analyzeScript(input));
        const actual = sorted(incremental.analyze(input));
        assert.deepStrictEqual(actual, expected, `${fileName}, edit ${step} (seed ${0x5eed + fileIndex}); text:\n${text}`);
        compared++;
        if (expected.length > 0) withFindings++;
      }
    });
    // The sequences must mostly exercise files with findings, or the comparison proves little.
    assert.ok(withFindings > compared / 2, `${withFindings} of ${compared} versions had findings`);
  });

  test('refined fixability as the editor keeps it equals a fresh analysis and refinement, after every edit', () => {
    const sources: Array<{ name: string; text: string }> = [
      ...files.filter((path) => path.includes(join('fixtures', 'fixes')) && path.includes('.input.'))
        .map((path) => ({ name: relative(ROOT, path), text: readFileSync(path, 'utf8') })),
      { name: 'generated-300.ts', text: generateMigratableFile(300) },
      { name: 'generated-1000.ts', text: generateMigratableFile(1000, 150) },
    ];
    const settingsChoices = [fromRaw({}), fromRaw({ targetRegion: 'cn-north-1', endpoints: { 'meta.llama3-8b-instruct-v1:0': { endpointName: 'llama-8b' } } })];
    let compared = 0;
    let reused = 0;
    sources.forEach(({ name, text: original }, sourceIndex) => {
      const languageId = languageOf(name);
      const fileName = name.replace('.input.', '.');
      const workspaceRelativePath = `src/${fileName.split(/[\\/]/).pop()}`;
      const uri = `file:///workspace/${workspaceRelativePath}`;
      const analyzer = new DocumentAnalyzer({ fileNameOf: () => fileName, workspaceRelativePathOf: () => workspaceRelativePath, refineFindings: refineFixability });
      const next = random(0xf1a + sourceIndex);
      let text = original;
      const history: string[] = [];
      let settings = settingsChoices[0];
      for (let step = 0; step <= EDITS_PER_FILE; step++) {
        if (step > 0) {
          history.push(text);
          text = edit(text, next, history);
          if (next() < 0.05) settings = settingsChoices[Math.floor(next() * settingsChoices.length)];
        }
        const before = snapshotWorkCounters();
        const actual = analyzer.analyze(TextDocument.create(uri, languageId, step, text), settings)!.result.findings;
        const refinedNow = workSince(before).findingsRefined;
        const input = { text, languageId, settings: settings.engine, fileName, workspaceRelativePath };
        // Not the fix memo the editor's refinement of this text just filled: a fresh refinement.
        forgetFixResults();
        const expected = refineFixability(input, analyze(input).findings);
        assert.deepStrictEqual(actual, expected, `${name}, edit ${step} (seed ${0xf1a + sourceIndex}); text:\n${text}`);
        compared++;
        if (refinedNow === 0 && expected.length > 0) reused++;
      }
    });
    // The reuse path must be exercised, or the comparison proves little about it.
    assert.ok(reused > compared / 10, `${reused} of ${compared} versions reused the refinement`);
  });

  test('the references it gives each statement are those a walk of the statement finds (what the refinement indexes by and the checks count)', () => {
    const original = generateMigratableFile(300);
    const at = original.indexOf('{', original.indexOf('export function validTicket')) + 1;
    const analysis = new IncrementalScriptAnalysis();
    const input = { languageId: 'typescript' as const, settings: DEFAULT_SETTINGS, fileName: '/w/src/service.ts' };
    let compared = 0;
    // The text as opened, then an edit re-parsed statement by statement.
    for (const text of [original, `${original.slice(0, at)}\n  const total = ticket.tags.length;${original.slice(at)}`]) {
      analysis.analyze({ ...input, text });
      const lazy = analysis.lazyTree!;
      for (const statement of lazy.tree.statements) {
        const walked = new Map<string, ts.Identifier[]>();
        const visit = (node: ts.Node): void => {
          if (ts.isIdentifier(node) && isReference(node)) walked.set(node.text, [...(walked.get(node.text) ?? []), node]);
          ts.forEachChild(node, visit);
        };
        visit(statement);
        // The same identifier nodes, in document order (the checks count and read them: statementReferencesTo).
        const known = lazy.referencesOf(statement)!;
        assert.deepStrictEqual([...known.keys()].sort(), [...walked.keys()].sort(), statement.getText(lazy.tree).slice(0, 80));
        for (const [name, identifiers] of walked) assert.ok(known.get(name)!.every((identifier, i) => identifier === identifiers[i]) && known.get(name)!.length === identifiers.length, name);
        compared++;
      }
    }
    assert.ok(compared > 100, `${compared} statements compared`);
  });
});
