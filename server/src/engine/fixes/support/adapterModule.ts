import { posix } from 'node:path';
import ts from '../../typescript';
import { type ExtensionStyle, type PackageContext, extensionStyleFor, moduleKindOf, placeInPackage } from '../../project/packageContext';
import { ADAPTER_TEMPLATE } from '../templates/adapterTemplate.generated';
import { AI_SDK_PROVIDER_TEMPLATE } from '../templates/aiSdkProviderTemplate.generated';
import { CHAT_MODEL_TEMPLATE } from '../templates/chatModelTemplate.generated';
import type { CodeStyle } from '../style';
import type { CreatedFile } from '../../fixTypes';
import { treeFacts } from './treeFacts';

/** Where the shared Converse adapter lives and how the edited document imports it. */
export interface AdapterModule {
  file: CreatedFile;
  /** The types of a JavaScript adapter (`.d.ts` beside it), so `checkJs` projects type-check their calls. */
  declaration?: CreatedFile;
  /** Module specifier from the edited document, e.g. `./sagemaker-converse` or `../sagemaker-converse.js`. */
  specifier: string;
}

/** A module the fixes write once per package: its TypeScript source and, for all but the Converse adapter, its file name. */
export interface ModuleTemplate {
  source: string;
  /** Placed beside the configured adapter path; undefined for the adapter itself (the configured path). */
  fileName?: string;
}

export const CONVERSE_ADAPTER: ModuleTemplate = { source: ADAPTER_TEMPLATE };
export const AI_SDK_PROVIDER: ModuleTemplate = { source: AI_SDK_PROVIDER_TEMPLATE, fileName: 'sagemaker-ai-sdk-provider.ts' };
export const LANGCHAIN_CHAT_MODEL: ModuleTemplate = { source: CHAT_MODEL_TEMPLATE, fileName: 'sagemaker-chat-model.ts' };

export interface AdapterRequest {
  adapterPath: string;
  /** The setting is the default one: the adapter goes into the package's source root. */
  isDefaultPath: boolean;
  workspaceRelativePath: string;
  packageContext: PackageContext;
  /** The document is JavaScript: the adapter is written as JavaScript next to the configured path. */
  javascript: boolean;
  /** The document loads modules with `require` and has no `import`: a JavaScript adapter must be CommonJS. */
  usesRequire: boolean;
  style: CodeStyle;
  sourceFile: ts.SourceFile;
  /** The module to write; the Converse adapter by default. */
  template?: ModuleTemplate;
}

/**
 * One adapter per package (nearest package.json), in the document's language and module kind, imported with the
 * specifier its module system resolves. Undefined when the configured path would leave the package.
 */
export function adapterModule(request: AdapterRequest): AdapterModule | undefined {
  const template = request.template ?? CONVERSE_ADAPTER;
  const adapterPath = placeInPackage(request.packageContext, request.adapterPath, request.isDefaultPath);
  if (adapterPath === undefined) return undefined;
  const configured = template.fileName ? posix.join(posix.dirname(adapterPath), template.fileName) : adapterPath;
  // A setting that names a .js/.mjs/.cjs file asks for JavaScript even from TypeScript documents.
  const javascript = request.javascript || /\.[cm]?jsx?$/.test(adapterPath);
  const kind = request.usesRequire ? 'cjs' : moduleKindOf(request.workspaceRelativePath, request.packageContext);
  const path = javascript ? javaScriptPath(configured, kind, request.packageContext) : configured;
  const eol = (text: string) => text.replace(/\r?\n/g, request.style.eol);
  const style = extensionStyleFor(request.workspaceRelativePath, request.packageContext, importExtensionStyle(request.sourceFile));
  // Nothing resolves an extensionless specifier to `.mjs`/`.cjs`: those are always imported with their extension.
  const extension = style === 'none' && /\.[cm]js$/.test(path) ? 'js' : style;
  return {
    file: { path, content: eol(javascript ? JS_HEADER + transpile(template.source, kind === 'cjs') : template.source), ifMissing: true },
    ...(javascript ? { declaration: { path: declarationPath(path), content: eol(declarations(template.source)), ifMissing: true } } : {}),
    specifier: relativeSpecifier(request.workspaceRelativePath, path, extension),
  };
}

/** The JavaScript file for a module kind: `.js` when the package's own type gives that kind, else `.mjs`/`.cjs`. */
function javaScriptPath(configured: string, kind: 'esm' | 'cjs', context: PackageContext): string {
  const explicit = /\.([cm])jsx?$/.exec(configured)?.[1];
  if (explicit) return configured;
  const packageKind = context.type === 'module' ? 'esm' : 'cjs';
  const extension = kind === packageKind ? '.js' : kind === 'esm' ? '.mjs' : '.cjs';
  return configured.replace(/\.[cm]?[jt]sx?$/, '') + extension;
}

function declarationPath(javaScriptFile: string): string {
  return javaScriptFile.replace(/\.([cm]?)jsx?$/, (_match, flavour: string) => `.d.${flavour}ts`);
}

// The types live in the `.d.ts` beside the file: `checkJs` projects check their calls against it, not this body.
const JS_HEADER = '// @ts-nocheck: typed by the .d.ts file beside this one.\n';

const transpiled = new Map<string, string>();

/** The template as JavaScript (computed once per template and module kind: templates never change at run time). */
function transpile(source: string, commonJs: boolean): string {
  const key = `${commonJs}:${source}`;
  let output = transpiled.get(key);
  if (output === undefined) {
    output = ts.transpileModule(source, {
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: commonJs ? ts.ModuleKind.CommonJS : ts.ModuleKind.ESNext, removeComments: false },
    }).outputText;
    transpiled.set(key, output);
  }
  return output;
}

const declarationTexts = new Map<string, string>();

/** The template's declarations, for the `.d.ts` beside a JavaScript module. */
function declarations(source: string): string {
  let text = declarationTexts.get(source);
  if (text === undefined) {
    text = ts.transpileDeclaration(source, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } }).outputText;
    declarationTexts.set(source, text);
  }
  return text;
}

/** How the document's own relative imports end: `./x`, `./x.js` (Node ESM) or `./x.ts`; undefined without any. */
function importExtensionStyle(sourceFile: ts.SourceFile): ExtensionStyle | undefined {
  const counts = treeFacts(sourceFile).relativeImports;
  if (counts.js + counts.ts + counts.none === 0) return undefined;
  if (counts.js > counts.none && counts.js >= counts.ts) return 'js';
  if (counts.ts > counts.none) return 'ts';
  return 'none';
}

/** `src/app/x.ts` importing `src/sagemaker-converse.ts` → `../sagemaker-converse`. */
export function relativeSpecifier(fromFile: string, toFile: string, extension: ExtensionStyle): string {
  const from = posix.dirname(normalize(fromFile));
  let relative = posix.relative(from, normalize(toFile));
  if (!relative.startsWith('.')) relative = `./${relative}`;
  const withoutExtension = relative.replace(/\.([cm]?)(?:tsx?|jsx?)$/, '');
  if (extension === 'none') return withoutExtension;
  const flavour = /\.([cm]?)(?:tsx?|jsx?)$/.exec(relative)?.[1] ?? '';
  return `${withoutExtension}.${flavour}${extension}`;
}

function normalize(path: string): string {
  return posix.normalize(path.replace(/\\/g, '/').replace(/^\.\//, ''));
}
