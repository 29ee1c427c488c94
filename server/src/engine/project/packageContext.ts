import { posix } from 'node:path';

/**
 * What the engine must know about the package a document belongs to, so that the modules a fix creates and the
 * imports it writes work under that package's module system. The adapters (CLI, language server) read it from
 * the nearest package.json and tsconfig/jsconfig; the engine never touches the disk.
 */
export interface PackageContext {
  /** Workspace-relative folder of the nearest package.json ('' = the workspace folder itself). */
  root: string;
  /** package.json `type`: how Node loads `.js` files of this package. */
  type: 'module' | 'commonjs';
  /** Workspace-relative folder created modules go into by default (tsconfig `rootDir`, else `src/` when it exists, else the root). */
  sourceRoot: string;
  /** The compiler options (of the nearest tsconfig.json/jsconfig.json) that decide how relative imports are written. */
  compilerOptions: ModuleCompilerOptions;
}

export interface ModuleCompilerOptions {
  /** Lower-case, as written: `commonjs`, `esnext`, `node16`, `nodenext`, ... */
  module?: string;
  /** Lower-case: `node10`, `node16`, `nodenext`, `bundler`, `classic`. */
  moduleResolution?: string;
  allowImportingTsExtensions?: boolean;
}

export type ModuleKind = 'esm' | 'cjs';
export type ExtensionStyle = 'none' | 'js' | 'ts';

/** A CommonJS package at the workspace root with a `src/` folder: what the fixes assume when nobody told them more. */
export function defaultPackageContext(): PackageContext {
  return { root: '', type: 'commonjs', sourceRoot: 'src', compilerOptions: {} };
}

/** How Node (and TypeScript's node16/nodenext modes) load a file: by its extension, else by the package type. */
export function moduleKindOf(fileName: string, context: PackageContext): ModuleKind {
  if (/\.m[jt]sx?$/i.test(fileName)) return 'esm';
  if (/\.c[jt]sx?$/i.test(fileName)) return 'cjs';
  return context.type === 'module' ? 'esm' : 'cjs';
}

const NODE_RESOLUTIONS = new Set(['node16', 'nodenext']);
const NODE_MODULES = new Set(['node16', 'node18', 'node20', 'nodenext']);

function resolvesLikeNode(options: ModuleCompilerOptions): boolean {
  if (options.moduleResolution) return NODE_RESOLUTIONS.has(options.moduleResolution);
  return options.module !== undefined && NODE_MODULES.has(options.module);
}

/**
 * How a new relative import from `fileName` must end. An ES module run by Node (JavaScript, or TypeScript under
 * node16/nodenext) needs the extension, `.js` for a TypeScript target; elsewhere the file's own style wins,
 * and with no style of its own TypeScript in an ES-module package gets `.js` (valid under every resolution mode).
 */
export function extensionStyleFor(fileName: string, context: PackageContext, ownStyle: ExtensionStyle | undefined): ExtensionStyle {
  const javascript = /\.[cm]?jsx?$/i.test(fileName);
  const allowTs = context.compilerOptions.allowImportingTsExtensions === true;
  const needsExtension = moduleKindOf(fileName, context) === 'esm' && (javascript || resolvesLikeNode(context.compilerOptions));
  if (needsExtension) return ownStyle === 'ts' && allowTs && !javascript ? 'ts' : 'js';
  if (ownStyle === 'ts') return allowTs && !javascript ? 'ts' : 'none';
  if (ownStyle !== undefined) return ownStyle;
  if (javascript) return 'none';
  return context.type === 'module' && context.compilerOptions.moduleResolution !== 'bundler' ? 'js' : 'none';
}

/**
 * Where a created module goes: the configured path relative to the package root, or, for the default setting,
 * the file name in the package's source root. Undefined when the path would leave the package.
 */
export function placeInPackage(context: PackageContext, adapterPath: string, isDefaultPath: boolean): string | undefined {
  const configured = adapterPath.replace(/\\/g, '/');
  if (posix.isAbsolute(configured) || /^[a-zA-Z]:/.test(configured)) return undefined;
  const path = isDefaultPath ? posix.join(context.sourceRoot, posix.basename(configured)) : posix.join(context.root, configured);
  const normalized = posix.normalize(path);
  const insideRoot = context.root === '' ? !normalized.startsWith('../') && normalized !== '..' : normalized.startsWith(`${posix.normalize(context.root)}/`);
  return insideRoot ? normalized : undefined;
}
