import { dirname, relative, sep } from 'node:path';
import { isPackageJson } from '../engine/analyze';
import { isScriptLanguage } from '../engine/languages';
import { refineFixability } from '../engine/fixes';
import type { FixInput } from '../engine/fixTypes';
import { packageImportsOf } from '../engine/project/localImports';
import { type PlanPackageJson, type PlanScript, planMigration } from '../engine/project/migrationPlan';
import type { EngineSettings } from '../engine/types';
import type { FileScanResult, ScannedFile } from '../workspace';
import type { PackageContexts } from '../workspace/packageContexts';
import { withoutText } from './compactScanResult';

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
  const scripts: PlanScript[] = [];
  const packageJsons: PlanPackageJson[] = [];
  const refined = results.map((result) => {
    if (result.kind !== 'scanned') return result;
    const path = workspacePath(result, workspaceRoot);
    if (isPackageJsonWithFindings(result)) {
      packageJsons.push({ path, packageRoot: packageRootOf(result, workspaceRoot), text: result.document.getText(), findings: result.findings });
      return result;
    }
    if (!isScriptLanguage(result.languageId)) return result.findings.length === 0 ? withoutText(result) : result;
    const packageRoot = packages.contextOf(result.absolutePath).root;
    const inPlannedPackage = dependencyRoots.has(packageRoot);
    if (inPlannedPackage) imports.set(result.absolutePath, packageImportsOf(result.document.getText()));
    const findings = result.findings.some((finding) => finding.fixable)
      ? refineFixability(fixInputOf(result, settings, workspaceRoot, packages), result.findings) : result.findings;
    if (inPlannedPackage || findings.length > 0) scripts.push({ path, packageRoot, text: result.document.getText(), findings });
    return result.findings.length === 0 ? withoutText(result) : { ...result, findings };
  });
  // The plan shared with Migrate Workspace: groups held back together, package.json fixability from the
  // imports each package will have once migrated.
  const plan = planMigration(scripts, packageJsons);
  return {
    imports,
    results: refined.map((result) => {
      if (result.kind !== 'scanned') return result;
      const path = workspacePath(result, workspaceRoot);
      const packageJson = plan.packageJsons.get(path);
      if (packageJson) return { ...result, findings: packageJson.findings };
      const findings = result.findings.length > 0 ? plan.scripts.get(path) : undefined;
      return findings ? { ...result, findings } : result;
    }),
  };
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
