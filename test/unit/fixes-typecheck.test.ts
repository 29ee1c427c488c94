import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import ts from 'typescript';
import { analyze } from '../../server/src/engine/analyze';
import { applyEdits, fixAll } from '../../server/src/engine/fixes';
import { ADAPTER_TEMPLATE } from '../../server/src/engine/fixes/templates/adapterTemplate.generated';
import { AI_SDK_PROVIDER_TEMPLATE } from '../../server/src/engine/fixes/templates/aiSdkProviderTemplate.generated';
import { CHAT_MODEL_TEMPLATE } from '../../server/src/engine/fixes/templates/chatModelTemplate.generated';
import { normalizeSettings } from '../../server/src/engine/settings';
import { FIXTURES, loadCases, runCase } from './fixes-cases';

// Every rewritten program (and the adapter it creates) must compile with --strict --noEmit against the real
// @aws-sdk/client-sagemaker-runtime. Files are virtual, placed under test/fixtures/fixes/.typecheck/<case>/ so
// module resolution finds the repository's node_modules.

const BASE_OPTIONS: ts.CompilerOptions = {
  strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext, types: ['node'], skipLibCheck: true, lib: ['lib.es2022.d.ts'],
  allowJs: true, checkJs: false,
};

/** Compiles virtual files (absolute path → text) and returns the diagnostics of those files, formatted. */
function compile(files: Map<string, string>, options: ts.CompilerOptions = BASE_OPTIONS): string[] {
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.readFile = (name) => files.get(name) ?? readFile(name);
  host.fileExists = (name) => files.has(name) || fileExists(name);
  const directoryExists = host.directoryExists?.bind(host);
  host.directoryExists = (name) => [...files.keys()].some((file) => file.startsWith(name + '/')) || (directoryExists?.(name) ?? true);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language, onError, create) => {
    const text = files.get(name);
    return text !== undefined ? ts.createSourceFile(name, text, language) : getSourceFile(name, language, onError, create);
  };
  const program = ts.createProgram([...files.keys()], options, host);
  return ts.getPreEmitDiagnostics(program)
    .filter((diagnostic) => !diagnostic.file || files.has(diagnostic.file.fileName))
    .map((diagnostic) => {
      const where = diagnostic.file && diagnostic.start !== undefined
        ? `${diagnostic.file.fileName}:${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line + 1}: ` : '';
      return where + ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    });
}

const TEMPLATES = join(__dirname, '..', '..', 'server', 'src', 'engine', 'fixes', 'templates');

/** What embed-adapter-template.mjs makes of a template file now (its shared fragments inlined). */
async function embeddedFrom(template: string): Promise<string> {
  const embed = await import(join(TEMPLATES, 'embed-adapter-template.mjs')) as { moduleSource(source: string): string };
  return embed.moduleSource(readFileSync(join(TEMPLATES, template), 'utf8'));
}

describe('fix rewrites: every output type-checks', () => {
  it('compiles all rewritten fixtures and their adapters, and the original inputs, with --strict', () => {
    // One program for both (each in its own folder): loading the SDK's types is most of the cost.
    const files = new Map<string, string>();
    for (const fixture of loadCases()) {
      if (fixture.typecheck !== true || fixture.extension !== 'ts') continue;
      const root = join(FIXTURES, '.typecheck', fixture.name);
      const path = fixture.fixInput.workspaceRelativePath!;
      const { proposal, output } = runCase(fixture);
      files.set(join(root, path), fixture.expected ?? output);
      for (const created of proposal?.createFiles ?? []) files.set(join(root, created.path), created.content);
      if (fixture.inputTypechecks === true) files.set(join(root, 'original', path), fixture.input);
    }
    assert.ok(files.size > 20);
    assert.deepEqual(compile(files), []);
  });
});

describe('the adapter template', () => {
  const adapterPath = join(FIXTURES, '.typecheck', 'adapter', 'src', 'sagemaker-converse.ts');

  it('compiles under the strictest options users turn on', () => {
    const strictest: ts.CompilerOptions = {
      ...BASE_OPTIONS, exactOptionalPropertyTypes: true, noUncheckedIndexedAccess: true, noImplicitOverride: true,
      noPropertyAccessFromIndexSignature: true, noUnusedLocals: true, noUnusedParameters: true, noImplicitReturns: true,
      verbatimModuleSyntax: false, isolatedModules: true,
    };
    assert.deepEqual(compile(new Map([[adapterPath, ADAPTER_TEMPLATE]]), strictest), []);
  });

  it('compiles as an ES module (.mts) with verbatimModuleSyntax', () => {
    const mts = adapterPath.replace(/\.ts$/, '.mts');
    assert.deepEqual(compile(new Map([[mts, ADAPTER_TEMPLATE]]), { ...BASE_OPTIONS, verbatimModuleSyntax: true }), []);
  });

  it('is embedded from the template file (run embed-adapter-template.mjs after editing it)', async () => {
    assert.equal(ADAPTER_TEMPLATE, await embeddedFrom('sagemaker-converse.ts'));
    assert.ok(!ADAPTER_TEMPLATE.includes('./sharedChat'), 'the shared fragment is inlined');
    assert.ok(existsSync(adapterPath) === false, 'virtual files must not be written to disk');
  });
});

describe('the AI SDK provider template', () => {
  const providerPath = join(FIXTURES, '.typecheck', 'ai-sdk-provider', 'src', 'sagemaker-ai-sdk-provider.ts');
  const strictest: ts.CompilerOptions = {
    ...BASE_OPTIONS, exactOptionalPropertyTypes: true, noUncheckedIndexedAccess: true, noImplicitOverride: true,
    noPropertyAccessFromIndexSignature: true, noUnusedLocals: true, noUnusedParameters: true, noImplicitReturns: true, isolatedModules: true,
  };

  it('compiles under the strictest options users turn on, as CommonJS and as an ES module', () => {
    assert.deepEqual(compile(new Map([[providerPath, AI_SDK_PROVIDER_TEMPLATE]]), strictest), []);
    assert.deepEqual(compile(new Map([[providerPath.replace(/\.ts$/, '.mts'), AI_SDK_PROVIDER_TEMPLATE]]), { ...strictest, verbatimModuleSyntax: true }), []);
  });

  it('is embedded from the template file (run embed-adapter-template.mjs after editing it)', async () => {
    assert.equal(AI_SDK_PROVIDER_TEMPLATE, await embeddedFrom('sagemaker-ai-sdk-provider.ts'));
  });
});

describe('the LangChain chat model module (issue #16)', () => {
  const root = join(FIXTURES, '.typecheck', 'langchain');

  it('compiles under the strictest options users turn on, and as an ES module with verbatimModuleSyntax', () => {
    const strictest: ts.CompilerOptions = {
      ...BASE_OPTIONS, exactOptionalPropertyTypes: true, noUncheckedIndexedAccess: true, noImplicitOverride: true,
      noPropertyAccessFromIndexSignature: true, noUnusedLocals: true, noUnusedParameters: true, noImplicitReturns: true, isolatedModules: true,
    };
    assert.deepEqual(compile(new Map([[join(root, 'src', 'sagemaker-chat-model.ts'), CHAT_MODEL_TEMPLATE]]), strictest), []);
    assert.deepEqual(compile(new Map([[join(root, 'src', 'sagemaker-chat-model.mts'), CHAT_MODEL_TEMPLATE]]), { ...BASE_OPTIONS, verbatimModuleSyntax: true }), []);
  });

  // JavaScript packages get the module as JavaScript with a .d.ts beside it: checkJs projects type-check their calls against it.
  for (const [name, fileName, packageType] of [['ES module', 'src/chat.js', 'module'], ['CommonJS', 'src/chat.cjs', 'commonjs']] as const) {
    it(`a migrated ${name} file and the JavaScript module with its declarations type-check with checkJs`, () => {
      const text = fileName.endsWith('.cjs')
        ? 'const { ChatBedrockConverse } = require("@langchain/aws");\nconst model = new ChatBedrockConverse({ model: "meta.llama3-1-8b-instruct-v1:0", region: "us-east-1" });\nmodule.exports = { ask: (/** @type {string} */ q) => model.invoke(q) };\n'
        : 'import { ChatBedrockConverse } from "@langchain/aws";\nconst model = new ChatBedrockConverse({ model: "meta.llama3-1-8b-instruct-v1:0", region: "us-east-1" });\nexport const ask = (/** @type {string} */ q) => model.invoke(q);\n';
      const input = {
        text, languageId: 'javascript' as const, settings: normalizeSettings({}), fileName, workspaceRelativePath: fileName,
        packageContext: { root: '', type: packageType, sourceRoot: 'src', compilerOptions: { module: 'nodenext' } },
      };
      const proposal = fixAll(input, analyze(input).findings);
      assert.ok(proposal, 'the file is migrated');
      assert.ok(proposal.createFiles?.some((file) => /\.d\.[cm]?ts$/.test(file.path)), 'the JavaScript module comes with its declarations');
      const files = new Map<string, string>([[join(root, name, fileName), applyEdits(text, proposal.edits)], [join(root, name, 'package.json'), `{ "type": "${packageType}" }`]]);
      for (const created of proposal.createFiles ?? []) files.set(join(root, name, created.path), created.content);
      assert.deepEqual(compile(files, { ...BASE_OPTIONS, checkJs: true }), []);
    });
  }
});
