import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { parse as parseJsonc } from '../engine/jsonc';
import type { ModuleCompilerOptions, PackageContext } from '../engine/project/packageContext';

/**
 * Reads, for a source file, the package it belongs to (nearest package.json) and the compiler options that
 * decide its module system (nearest tsconfig.json, or jsconfig.json for JavaScript, following `extends`).
 * One instance per run or request: it caches what it read and never sees later changes.
 */
export class PackageContexts {
  private readonly packageJsons = new Map<string, PackageJsonFacts | null>();
  private readonly configs = new Map<string, ModuleConfig | null>();
  private readonly folders = new Map<string, boolean>();
  /** By folder and kind of file: every file of a folder has the same context (a scan asks once per file). */
  private readonly contexts = new Map<string, PackageContext>();

  /** @param workspaceRoot absolute folder the workspace-relative paths are relative to; created files never leave it. */
  constructor(private readonly workspaceRoot: string) {}

  /** The context of `absolutePath` (a file inside or below the workspace root). */
  contextOf(absolutePath: string): PackageContext {
    const fileDir = dirname(resolve(absolutePath));
    const javascript = /\.[cm]?jsx?$/i.test(absolutePath);
    const key = `${javascript ? 'js' : 'ts'}:${fileDir}`;
    let context = this.contexts.get(key);
    if (!context) {
      context = this.folderContext(fileDir, javascript);
      this.contexts.set(key, context);
    }
    return context;
  }

  /** The package.json files above `absolutePath`, nearest first (inside the workspace root or not): where Node looks for its packages. */
  enclosingPackageJsons(absolutePath: string): string[] {
    const found: string[] = [];
    for (let dir = dirname(resolve(absolutePath)); ; dir = dirname(dir)) {
      if (this.packageJson(dir) !== null) found.push(join(dir, 'package.json'));
      if (dirname(dir) === dir) return found;
    }
  }

  private folderContext(fileDir: string, javascript: boolean): PackageContext {
    const packageDir = this.nearest(fileDir, (dir) => this.packageJson(dir) !== null);
    const packageFacts = packageDir === undefined ? undefined : this.packageJson(packageDir) ?? undefined;
    // The package decides where created modules may go; above the workspace root, the workspace root does.
    const rootDir = packageDir !== undefined && this.isInsideWorkspace(packageDir) ? packageDir : this.workspaceRoot;
    const configNames = javascript ? ['jsconfig.json', 'tsconfig.json'] : ['tsconfig.json'];
    const configDir = this.nearest(fileDir, (dir) => configNames.some((name) => this.config(join(dir, name)) !== null), this.workspaceRoot);
    const config = configDir === undefined ? undefined
      : configNames.map((name) => this.config(join(configDir, name))).find((found) => found != null) ?? undefined;
    return {
      root: this.workspaceRelative(rootDir),
      type: packageFacts?.type ?? 'commonjs',
      sourceRoot: this.workspaceRelative(this.sourceRootOf(rootDir, config)),
      compilerOptions: config?.options ?? {},
    };
  }

  private sourceRootOf(packageDir: string, config: ModuleConfig | undefined): string {
    if (config?.rootDir && isInside(packageDir, config.rootDir)) return config.rootDir;
    const src = join(packageDir, 'src');
    return this.isFolder(src) ? src : packageDir;
  }

  /** The first folder from `start` upwards (to `stop`, inclusive, or the file-system root) that satisfies `test`. */
  private nearest(start: string, test: (dir: string) => boolean, stop?: string): string | undefined {
    for (let dir = start; ; dir = dirname(dir)) {
      if (test(dir)) return dir;
      if (dir === stop || dirname(dir) === dir) return undefined;
    }
  }

  private packageJson(dir: string): PackageJsonFacts | null {
    let facts = this.packageJsons.get(dir);
    if (facts === undefined) {
      const parsed = readJson(join(dir, 'package.json'));
      facts = parsed === undefined ? null : { type: (parsed as { type?: unknown }).type === 'module' ? 'module' : 'commonjs' };
      this.packageJsons.set(dir, facts);
    }
    return facts;
  }

  private config(path: string, depth = 0): ModuleConfig | null {
    let config = this.configs.get(path);
    if (config !== undefined) return config;
    config = null;
    const parsed = depth > 8 ? undefined : readJson(path) as { extends?: unknown; compilerOptions?: Record<string, unknown> } | undefined;
    if (parsed) {
      const bases = (Array.isArray(parsed.extends) ? parsed.extends : [parsed.extends]).filter((base): base is string => typeof base === 'string');
      config = { options: {} };
      for (const base of bases) {
        const basePath = resolveExtends(base, dirname(path));
        const inherited = basePath === undefined ? null : this.config(basePath, depth + 1);
        if (inherited) config = { options: { ...config.options, ...inherited.options }, rootDir: inherited.rootDir ?? config.rootDir };
      }
      const own = parsed.compilerOptions ?? {};
      const lower = (value: unknown) => (typeof value === 'string' ? value.toLowerCase() : undefined);
      const options: ModuleCompilerOptions = { ...config.options };
      if (lower(own.module)) options.module = lower(own.module);
      if (lower(own.moduleResolution)) options.moduleResolution = lower(own.moduleResolution);
      if (typeof own.allowImportingTsExtensions === 'boolean') options.allowImportingTsExtensions = own.allowImportingTsExtensions;
      const rootDir = typeof own.rootDir === 'string' ? resolve(dirname(path), own.rootDir) : config.rootDir;
      config = { options, ...(rootDir ? { rootDir } : {}) };
    }
    this.configs.set(path, config);
    return config;
  }

  private isFolder(path: string): boolean {
    let folder = this.folders.get(path);
    if (folder === undefined) {
      try {
        folder = statSync(path).isDirectory();
      } catch {
        folder = false;
      }
      this.folders.set(path, folder);
    }
    return folder;
  }

  private isInsideWorkspace(dir: string): boolean {
    return isInside(this.workspaceRoot, dir);
  }

  private workspaceRelative(dir: string): string {
    return relative(this.workspaceRoot, dir).split(sep).join('/');
  }
}

interface PackageJsonFacts {
  type: 'module' | 'commonjs';
}

interface ModuleConfig {
  options: ModuleCompilerOptions;
  /** Absolute. */
  rootDir?: string;
}

function isInside(parent: string, child: string): boolean {
  const path = relative(parent, child);
  return path === '' || (!path.startsWith('..') && !isAbsolute(path));
}

/** JSON with comments and trailing commas (tsconfig allows both); undefined when missing or not an object. */
function readJson(path: string): Record<string, unknown> | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  const value: unknown = parseJsonc(text.replace(/^\uFEFF/, ''), [], { allowTrailingComma: true });
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** A tsconfig `extends`: a relative path, or a package (`@tsconfig/node20/tsconfig.json`) resolved from the config's folder. */
function resolveExtends(base: string, fromDir: string): string | undefined {
  if (base.startsWith('.') || isAbsolute(base)) {
    const path = resolve(fromDir, base);
    return path.endsWith('.json') ? path : `${path}.json`;
  }
  try {
    return createRequire(join(fromDir, 'tsconfig.json')).resolve(base);
  } catch {
    try {
      return createRequire(join(fromDir, 'tsconfig.json')).resolve(`${base}/tsconfig.json`);
    } catch {
      return undefined;
    }
  }
}
