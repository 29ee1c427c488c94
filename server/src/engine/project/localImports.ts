import { posix } from 'node:path';
import ts from '../typescript';

/** The relative module specifiers a script imports, re-exports, requires or loads dynamically (TypeScript's pre-processor: no parse). */
export function relativeImportsOf(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((file) => file.fileName).filter((name) => name.startsWith('.'));
}

const SCRIPT_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.d.ts', '.js', '.jsx', '.mjs', '.cjs'];
/** `./x.js` may name `x.ts` (TypeScript maps output extensions back to sources). */
const SOURCE_FOR_OUTPUT: Readonly<Record<string, readonly string[]>> = {
  '.js': ['.ts', '.tsx', '.d.ts'], '.jsx': ['.tsx'], '.mjs': ['.mts', '.d.mts'], '.cjs': ['.cts', '.d.cts'],
};

/**
 * The file among `known` (workspace-relative paths, `/` separators) that `specifier`, written in `fromPath`,
 * loads: the exact path, a TypeScript source for a `.js` specifier, an extensionless path with any script
 * extension, or a folder's index. Undefined when it is none of them.
 */
export function resolveLocalImport(fromPath: string, specifier: string, known: ReadonlySet<string>): string | undefined {
  const target = posix.normalize(posix.join(posix.dirname(fromPath), specifier));
  const extension = posix.extname(target);
  const candidates = [target];
  const sources = SOURCE_FOR_OUTPUT[extension];
  if (sources) candidates.push(...sources.map((source) => target.slice(0, -extension.length) + source));
  candidates.push(...SCRIPT_EXTENSIONS.map((ext) => target + ext), ...SCRIPT_EXTENSIONS.map((ext) => `${target}/index${ext}`));
  return candidates.find((candidate) => known.has(candidate));
}

/** The package specifiers (not relative, not `node:`) a script imports, re-exports, requires or loads dynamically. */
export function packageImportsOf(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((file) => file.fileName)
    .filter((name) => !name.startsWith('.') && !name.startsWith('/') && !name.startsWith('node:'));
}

/** Text that can import a package the migration's dependency step looks at (Bedrock packages, SageMaker Runtime). */
const MIGRATION_PACKAGE_MARKERS = /bedrock|@aws-sdk\/client-sagemaker-runtime|@langchain\/aws|@llamaindex\/aws/;

/**
 * False when a script without findings cannot import anything the migration plan reads (a cheap text search, no
 * parse): such a script adds nothing to its package's plan, so neither its imports nor its package are looked up.
 */
export function mayImportMigrationPackages(text: string): boolean {
  return MIGRATION_PACKAGE_MARKERS.test(text);
}
