import { dirname, relative, sep } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { isPackageJson, isScriptLanguage } from '../engine/analyze';
import { refineFixability } from '../engine/fixes';
import type { FixInput } from '../engine/fixes/types';
import { dependencyFixability, importsAfterMigration, willMigrate } from '../engine/project/dependencyMigration';
import { packageImportsOf } from '../engine/project/localImports';
import { type GroupCandidate, heldBackFiles, holdBack } from '../engine/project/migrationGroups';
import type { EngineSettings } from '../engine/types';
import type { FileScanResult, ScannedFile } from '../workspace';
import type { PackageContexts } from '../workspace/packageContexts';

export interface PreparedScan {
  /** The results in walk order, `fixable` exact for what `scan --fix` does. */
  results: FileScanResult[];
  /** The package specifiers each script file imports now (by absolute path), for the package.json step of `--fix`. */
  imports: Map<string, string[]>;
}

/**
 * Makes `fixable` exact before anything is reported or fixed: each file's findings as fix-all will treat them
 * (refined for the file, in its package), then files that share Bedrock clients or types with a file that cannot
 * be migrated held back with it, then each package.json's dependency findings as the migrated package needs them.
 * Files without findings drop their text: nothing reads it again.
 */
export function prepareForFix(results: readonly FileScanResult[], settings: EngineSettings, workspaceRoot: string, packages: PackageContexts): PreparedScan {
  const dependencyRoots = new Set(results.filter(isPackageJsonWithFindings).map((result) => packageRootOf(result as ScannedFile, workspaceRoot)));
  const imports = new Map<string, string[]>();
  const refined = results.map((result) => {
    if (result.kind !== 'scanned') return result;
    if (isScriptLanguage(result.languageId) && dependencyRoots.has(packages.contextOf(result.absolutePath).root)) {
      imports.set(result.absolutePath, packageImportsOf(result.document.getText()));
    }
    if (result.findings.length === 0) return { ...result, document: TextDocument.create(result.document.uri, result.document.languageId, result.document.version, '') };
    if (!result.findings.some((finding) => finding.fixable) || !isScriptLanguage(result.languageId)) return result;
    return { ...result, findings: refineFixability(fixInputOf(result, settings, workspaceRoot, packages), result.findings) };
  });
  const grouped = holdBackGroups(refined, workspaceRoot);
  if (dependencyRoots.size === 0) return { results: grouped, imports };
  // What each package will import once migrated decides which dependency findings the migration fixes; the
  // package.json of a package whose code does not change is left alone.
  const predicted = new Map<string, Set<string>>();
  const migrating = new Set<string>();
  for (const result of grouped) {
    if (result.kind !== 'scanned' || !imports.has(result.absolutePath)) continue;
    const root = packages.contextOf(result.absolutePath).root;
    if (willMigrate(result.findings)) migrating.add(root);
    const after = result.findings.length === 0 ? imports.get(result.absolutePath)! : importsAfterMigration(result.document.getText(), result.findings);
    const set = predicted.get(root) ?? new Set<string>();
    for (const specifier of after) set.add(specifier);
    predicted.set(root, set);
  }
  return {
    imports,
    results: grouped.map((result) => {
      if (result.kind !== 'scanned' || !isPackageJsonWithFindings(result)) return result;
      const root = packageRootOf(result, workspaceRoot);
      return { ...result, findings: dependencyFixability(result.document.getText(), result.findings, migrating.has(root) ? predicted.get(root) ?? new Set() : undefined) };
    }),
  };
}

function holdBackGroups(results: FileScanResult[], workspaceRoot: string): FileScanResult[] {
  const candidates: GroupCandidate[] = results
    .filter((result): result is ScannedFile => result.kind === 'scanned' && isScriptLanguage(result.languageId) && result.findings.length > 0)
    .map((result) => ({ path: workspacePath(result, workspaceRoot), text: result.document.getText(), findings: result.findings }));
  const held = heldBackFiles(candidates);
  if (held.size === 0) return results;
  return results.map((result) => {
    const reason = result.kind === 'scanned' ? held.get(workspacePath(result, workspaceRoot)) : undefined;
    return reason === undefined || result.kind !== 'scanned' ? result : { ...result, findings: holdBack(result.findings, reason) };
  });
}

export function isPackageJsonWithFindings(result: FileScanResult): boolean {
  return result.kind === 'scanned' && result.findings.length > 0 && isPackageJson({ languageId: result.languageId, fileName: result.absolutePath });
}

/** The workspace-relative folder of a package.json: the `root` its package's files have. */
export function packageRootOf(packageJson: ScannedFile, workspaceRoot: string): string {
  return relative(workspaceRoot, dirname(packageJson.absolutePath)).split(sep).join('/');
}

export function fixInputOf(file: ScannedFile, settings: EngineSettings, workspaceRoot: string, packages: PackageContexts): FixInput {
  return {
    text: file.document.getText(), languageId: file.languageId, settings, fileName: file.absolutePath,
    workspaceRelativePath: workspacePath(file, workspaceRoot), packageContext: packages.contextOf(file.absolutePath),
  };
}

function workspacePath(file: ScannedFile, workspaceRoot: string): string {
  return relative(workspaceRoot, file.absolutePath).split(sep).join('/');
}
