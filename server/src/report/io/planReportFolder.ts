// One folder of the editor's report through the migration plan that `scan --fix`, the CLI report and Migrate
// Workspace follow, so "auto-fixable" counts what the migration really does: each script's findings refined in its
// package, groups that exchange Bedrock clients or types held back together, package.json findings as the migrated
// package needs them. A package.json the migration changes or must change names its install command.
import { posix } from 'node:path';
import { isPackageJson } from '../../engine/analyze';
import { isScriptLanguage } from '../../engine/languages';
import { withLocale, type Locale } from '../../engine/l10n';
import { packageInstallFor } from '../../engine/packageJson';
import { type PlanPackageJson, type PlanScript, planMigration } from '../../engine/project/migrationPlan';
import type { EngineSettings, Finding, LanguageId } from '../../engine/types';
import type { PackageContexts } from '../../workspace/packageContexts';
import { lockfilesFor } from '../../workspace/lockfiles';
import { locateFindings } from '../locate';
import type { FileResult } from '../types';
import type { EventLoopTurns } from './eventLoopTurns';
import { mayRefine, refineForReport } from './reportRefinement';

/** A file of the folder that has findings, as analysed (fixability not refined yet). */
export interface FileWithFindings {
  path: string;
  absolutePath: string;
  languageId: LanguageId;
  text: string;
  findings: readonly Finding[];
}

/** A script without findings: only the packages it imports matter to the plan. */
export interface QuietScript {
  path: string;
  absolutePath: string;
  imports: readonly string[];
}

export interface ReportFolderContext {
  name: string;
  root: string;
  settings: EngineSettings;
  locale: Locale;
  packages: PackageContexts;
  turns: EventLoopTurns;
}

/** The files with findings as the report shows them, in the given order. */
export async function planReportFolder(files: readonly FileWithFindings[], quiet: readonly QuietScript[], folder: ReportFolderContext): Promise<FileResult[]> {
  const scripts: PlanScript[] = [];
  const packageJsons: PlanPackageJson[] = [];
  for (const file of files) {
    await folder.turns.maybeYield();
    if (isPackageJson({ languageId: file.languageId, fileName: file.absolutePath })) {
      packageJsons.push({ path: file.path, packageRoot: folderOf(file.path), text: file.text, findings: file.findings });
    } else if (isScriptLanguage(file.languageId)) {
      scripts.push({ path: file.path, packageRoot: packageRootOf(file.absolutePath, folder), text: file.text, findings: refine(file, folder) });
    }
  }
  // Quiet scripts only matter to a package.json with findings: their imports keep Bedrock packages listed.
  if (packageJsons.length > 0) {
    for (const script of quiet) {
      scripts.push({ path: script.path, packageRoot: packageRootOf(script.absolutePath, folder), text: '', imports: script.imports, findings: [] });
    }
  }
  const plan = withLocale(folder.locale, () => planMigration(scripts, packageJsons));
  return files.map((file): FileResult => {
    const planned = plan.packageJsons.get(file.path)?.findings ?? plan.scripts.get(file.path) ?? file.findings;
    const packageJson = plan.packageJsons.has(file.path) && planned.some((finding) => finding.ruleId === 'bedrock/dependency');
    return {
      folder: folder.name, path: file.path, languageId: file.languageId, findings: locateFindings(file.text, planned),
      ...(packageJson ? { install: packageInstallFor(lockfilesFor(file.absolutePath, folder.root)) } : {}),
    };
  });
}

/** The file's findings as its own fix-all treats them, in its package (only when fix-all could change one). */
function refine(file: FileWithFindings, folder: ReportFolderContext): Finding[] {
  if (!mayRefine(file.findings)) return [...file.findings];
  const place = { path: file.path, languageId: file.languageId, packageContext: folder.packages.contextOf(file.absolutePath), settings: folder.settings, locale: folder.locale };
  return refineForReport(file.text, file.findings, place);
}

function packageRootOf(absolutePath: string, folder: ReportFolderContext): string {
  return folder.packages.contextOf(absolutePath).root;
}

function folderOf(path: string): string {
  const parent = posix.dirname(path);
  return parent === '.' ? '' : parent;
}
