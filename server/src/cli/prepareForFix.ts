import { dirname, relative, sep } from 'node:path';
import { isPackageJson } from '../engine/analyze';
import { isScriptLanguage } from '../engine/languages';
import type { FixPlace } from '../engine/fixes/analyzeWithFixability';
import { underAny } from '../engine/project/dependencyProviders';
import { packageImportsOf } from '../engine/project/localImports';
import { type PlanPackageJson, type PlanScript, planMigration } from '../engine/project/migrationPlan';
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
 * Where each scanned file sits for its fixes: the scan that feeds `prepareForFix` passes this as its `fixPlace`, so
 * each file's findings come out as fix-all will treat them (refined for the file, in its package).
 */
export function fixPlaceIn(workspaceRoot: string, packages: PackageContexts): (absolutePath: string) => FixPlace {
  return (absolutePath) => ({ workspaceRelativePath: relativeTo(workspaceRoot, absolutePath), packageContext: packages.contextOf(absolutePath) });
}

/**
 * Makes `fixable` exact before anything is reported or fixed, from the results of a scan with `fixPlaceIn` (each
 * file refined on its own): files that share Bedrock clients or types with a file that cannot be migrated held back
 * with it, then each package.json's dependency findings as the migrated package needs them. Files without findings
 * drop their text: nothing reads it again.
 */
export function prepareForFix(results: readonly FileScanResult[], workspaceRoot: string, packages: PackageContexts): PreparedScan {
  const dependencyRoots = new Set(results.filter(isPackageJsonWithFindings).map((result) => packageRootOf(result as ScannedFile, workspaceRoot)));
  const imports = new Map<string, string[]>();
  const scripts: PlanScript[] = [];
  const packageJsons: PlanPackageJson[] = [];
  const refined = results.map((result) => {
    if (result.kind !== 'scanned') return result;
    if (isPackageJsonWithFindings(result)) {
      const path = workspacePath(result, workspaceRoot);
      packageJsons.push({ path, packageRoot: packageRootOf(result, workspaceRoot), text: result.document.getText(), findings: result.findings });
      return result;
    }
    const findings = result.findings;
    // Only a script can be in a migration group; without package.json findings, only one with findings matters.
    // A script without findings whose text is gone (compactScanResult: it imports nothing the dependency step
    // reads) adds nothing to the plan, so its package is not looked up (most files of a large tree are such).
    if (!isScriptLanguage(result.languageId) || (findings.length === 0 && (dependencyRoots.size === 0 || result.document.getText() === ''))) {
      return findings.length === 0 ? withoutText(result) : result;
    }
    const packageRoot = packages.contextOf(result.absolutePath).root;
    // A package.json at or above the file's package may provide what it imports (a monorepo's root).
    const inPlannedPackage = underAny(packageRoot, dependencyRoots);
    if (inPlannedPackage) imports.set(result.absolutePath, packageImportsOf(result.document.getText()));
    if (inPlannedPackage || findings.length > 0) scripts.push({ path: workspacePath(result, workspaceRoot), packageRoot, text: result.document.getText(), findings });
    return findings.length === 0 ? withoutText(result) : result;
  });
  // The plan shared with Migrate Workspace: groups held back together, package.json fixability from the
  // imports each package will have once migrated.
  const plan = planMigration(scripts, packageJsons);
  return {
    imports,
    results: refined.map((result) => {
      if (result.kind !== 'scanned' || result.findings.length === 0) return result;
      const path = workspacePath(result, workspaceRoot);
      const packageJson = plan.packageJsons.get(path);
      if (packageJson) return { ...result, findings: packageJson.findings };
      const findings = plan.scripts.get(path);
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

function workspacePath(file: ScannedFile, workspaceRoot: string): string {
  return relativeTo(workspaceRoot, file.absolutePath);
}

function relativeTo(workspaceRoot: string, absolutePath: string): string {
  return relative(workspaceRoot, absolutePath).split(sep).join('/');
}
