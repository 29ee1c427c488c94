import { posix } from 'node:path';
import ts from '../../../typescript';
import { ADAPTER_TEMPLATE } from '../templates/adapterTemplate.generated';
import type { CodeStyle } from '../style';
import type { CreatedFile } from '../types';

/** Where the shared Converse adapter lives and how the edited document imports it. */
export interface AdapterModule {
  file: CreatedFile;
  /** Module specifier from the edited document, e.g. `./sagemaker-converse` or `../sagemaker-converse.js`. */
  specifier: string;
}

export interface AdapterRequest {
  adapterPath: string;
  workspaceRelativePath: string;
  /** The document is JavaScript: the adapter is written as JavaScript next to the configured path. */
  javascript: boolean;
  /** The document loads modules with `require`: a JavaScript adapter must be CommonJS. */
  commonJs: boolean;
  style: CodeStyle;
  sourceFile: ts.SourceFile;
}

export function adapterModule(request: AdapterRequest): AdapterModule {
  const documentExtension = /\.([cm])js$/.exec(request.workspaceRelativePath)?.[0];
  // A setting that names a .js/.mjs/.cjs file asks for JavaScript even from TypeScript documents.
  const javascript = request.javascript || /\.[cm]?jsx?$/.test(request.adapterPath);
  const commonJs = request.commonJs || request.adapterPath.endsWith('.cjs');
  const path = request.javascript ? request.adapterPath.replace(/\.[cm]?tsx?$/, documentExtension ?? '.js') : request.adapterPath;
  const content = javascript ? transpile(ADAPTER_TEMPLATE, commonJs) : ADAPTER_TEMPLATE;
  // `.mjs`/`.cjs` files must be imported with their extension; Node never guesses those.
  const extension = documentExtension ? 'js' : importExtensionStyle(request.sourceFile);
  return {
    file: { path, content: content.replace(/\r?\n/g, request.style.eol), ifMissing: true },
    specifier: relativeSpecifier(request.workspaceRelativePath, path, extension),
  };
}

const transpiled = new Map<string, string>();

/** The template as JavaScript (computed once per module kind: the template never changes at run time). */
function transpile(source: string, commonJs: boolean): string {
  const key = `${commonJs}:${source.length}`;
  let output = transpiled.get(key);
  if (output === undefined) {
    output = ts.transpileModule(source, {
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: commonJs ? ts.ModuleKind.CommonJS : ts.ModuleKind.ESNext, removeComments: false },
    }).outputText;
    transpiled.set(key, output);
  }
  return output;
}

type ExtensionStyle = 'none' | 'js' | 'ts';

/** How the document's own relative imports end: `./x`, `./x.js` (Node ESM) or `./x.ts`. */
function importExtensionStyle(sourceFile: ts.SourceFile): ExtensionStyle {
  const counts: Record<ExtensionStyle, number> = { none: 0, js: 0, ts: 0 };
  const visit = (node: ts.Node): void => {
    let specifier: string | undefined;
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      specifier = node.moduleSpecifier.text;
    } else if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'require'
      && node.arguments.length === 1 && ts.isStringLiteral(node.arguments[0])) {
      specifier = node.arguments[0].text;
    }
    if (specifier?.startsWith('.')) {
      if (/\.[cm]?js$/.test(specifier)) counts.js++;
      else if (/\.[cm]?tsx?$/.test(specifier)) counts.ts++;
      else counts.none++;
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
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
