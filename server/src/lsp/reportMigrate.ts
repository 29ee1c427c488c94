import * as l10n from '@vscode/l10n';
import { existsSync } from 'node:fs';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CancellationToken, WorkDoneProgressParams, WorkDoneProgressReporter } from 'vscode-languageserver';
import { isPackageJson } from '../engine/analyze';
import { isScriptLanguage } from '../engine/languages';
import { type PlanPackageJson, type PlanScript, planMigration } from '../engine/project/migrationPlan';
import { installHint } from '../engine/packageJson';
import { documentFixAll } from '../engine/documentFixes';
import { currentLocale } from '../engine/l10n';
import { EventLoopTurns, folderAnalyses, type ReportCache, scanWork, scanWorkSince, type WatchedFileLists } from '../report/io';
import { ReadBuffer } from '../workspace/readSourceFile';
import { PackageContexts } from '../workspace/packageContexts';
import { checkRelativePath, isConfinedSync, WriteScope } from '../workspace/safeWrite';
import { unscannedPackageJsons } from '../workspace/unscannedPackageJsons';
import type { MigratedImports } from '../engine/project/dependencyMigration';
import { outsideFolderNote } from './packageJsonCompanion';
import { migratedImportsOf, migratesDependencies } from '../engine/project/dependencyMigration';
import type { FixProposal, TextEdit } from '../engine/fixTypes';
import { lockfilesFor } from '../workspace/lockfiles';
import type { MigrateWorkspaceParams, MigrateWorkspaceResult } from '../../../shared/reportProtocol';
import type { DocumentStore } from './documentStore';
import { cancelledError } from './errors';
import { type ImportsOnly, migrationFile, OpenDocuments, type ReadFile } from './migrationFiles';
import { MigrationEditBuilder } from './reportMigrationEdit';
import { ScanProgress } from './reportProgress';
import { type FolderConfiguration, type LocalReportFolder, reportScanFolders } from './reportScanFolders';
import type { Session } from './session';
import { validateMigrateWorkspaceParams } from './validateParams';

export interface MigrateDependencies {
  /** The reporter for the client's work-done token (a no-op reporter without one). */
  workDone(params: WorkDoneProgressParams): WorkDoneProgressReporter;
  configuration: FolderConfiguration;
  documents: DocumentStore;
  session(): Session;
  /** The workspace report's cache of file analyses, shared: a migration after a report reads only what changed. */
  cache?: ReportCache;
  /** The folders' files as file events keep them. */
  fileLists?: WatchedFileLists;
}

/**
 * `bedrockToSagemaker/migrateWorkspace`: runs the fix engine's fix-all on every file the report would scan
 * (open documents as they are in the editor, other files as on disk) and returns one annotated WorkspaceEdit.
 * The server applies nothing; the client hands the edit to VS Code's refactor preview.
 */
export function createMigrateWorkspaceHandler(deps: MigrateDependencies) {
  return async (params: MigrateWorkspaceParams, token: CancellationToken): Promise<MigrateWorkspaceResult> => {
    validateMigrateWorkspaceParams(params);
    const progress = new ScanProgress(deps.workDone(params), l10n.t('Preparing the workspace migration'));
    try {
      const session = deps.session();
      const builder = new MigrationEditBuilder({
        refusal: !session.isTrusted ? l10n.t('Files are not created in Restricted Mode.')
          : !session.createFiles ? l10n.t('The editor cannot create files through the language server.') : undefined,
        exists: (uri) => deps.documents.get(uri) !== undefined || existsSync(fileURLToPath(uri)),
      });
      const scanFolders = await reportScanFolders(params.folders, deps.configuration);
      const turns = new EventLoopTurns();
      const buffer = new ReadBuffer();
      const locale = currentLocale();
      const workBefore = { ...scanWork };
      let filesDone = 0;
      // A read in flight when a file change is reported is not kept (ReportCache); a partial walk sweeps nothing.
      deps.cache?.beginScan();
      try {
        for (const folder of scanFolders) {
          const scope = await WriteScope.of([folder.root]);
          const packages = new PackageContexts(folder.root);
          const opened = new OpenDocuments(folder, deps.documents, locale, packages, token);
          const options = { locale, cache: deps.cache, fileLists: deps.fileLists, token, ownAnalysis: opened.analysis };
          const files: Array<ReadFile | ImportsOnly> = [];
          for await (const { entry, analysis } of folderAnalyses(folder, options, packages, turns, buffer)) {
            progress.filesDone(++filesDone);
            const file = migrationFile(entry, analysis, { folder, opened, packages, locale, multiRoot: scanFolders.length > 1 });
            if (file) files.push(file);
          }
          if (token.isCancellationRequested) throw cancelledError();
          // The plan scan --fix follows: files that exchange Bedrock clients or types migrate together or not at all,
          // and a package.json changes with its package's code, from the imports the package has once migrated.
          const migratedImports = new Map<string, MigratedImports>();
          for (const file of planned(files)) {
            await turns.maybeYield();
            if (token.isCancellationRequested) throw cancelledError();
            const proposal = file.dependencyEdits ? dependencyProposal(file.dependencyEdits) : documentFixAll(file.input, file.migration.findings);
            const refusal = file.refusal ?? await writeRefusal(file, proposal, folder, scope);
            builder.add(file.migration, proposal, refusal);
            if (file.dependencyEdits && proposal && refusal === undefined) builder.addNote(installHint(lockfilesFor(file.absolutePath, folder.root)));
            if (!file.dependencyEdits && proposal && refusal === undefined && migratesDependencies(file.migration.findings)) {
              migratedImports.set(file.absolutePath, migratedImportsOf(file.input.text, file.migration.findings));
            }
          }
          // A package.json above the folder was not scanned: the edit leaves it, so say what it lacks.
          for (const missing of unscannedPackageJsons(migratedImports, (path) => packages.enclosingPackageJsons(path), (path) => isConfinedSync(folder.root, path))) {
            builder.addNote(outsideFolderNote(missing));
          }
        }
      } finally {
        deps.cache?.resetSweep();
      }
      if (token.isCancellationRequested) throw cancelledError();
      return { ...builder.result(), work: scanWorkSince(workBefore) };
    } finally {
      progress.done();
    }
  };
}

/** Each file with the plan's decision: its findings, and for a package.json the dependency edits (none when its package's code does not change). */
function planned(files: ReadonlyArray<ReadFile | ImportsOnly>): ReadFile[] {
  const read = files.filter((file): file is ReadFile => 'migration' in file);
  const packageJsons: PlanPackageJson[] = read
    .filter((file) => isPackageJson({ languageId: file.input.languageId, fileName: file.absolutePath }))
    .map((file) => ({ path: pathOf(file), packageRoot: folderOf(pathOf(file)), text: file.input.text, findings: file.migration.findings }));
  const scripts: PlanScript[] = files.flatMap((file): PlanScript[] => {
    if (!('migration' in file)) return [{ path: file.path, packageRoot: file.packageRoot, text: '', imports: file.imports, findings: [] }];
    if (!isScriptLanguage(file.input.languageId)) return [];
    return [{ path: pathOf(file), packageRoot: file.input.packageContext?.root ?? '', text: file.input.text, findings: file.migration.findings }];
  });
  const plan = planMigration(scripts, packageJsons);
  return read.map((file) => {
    const packageJson = plan.packageJsons.get(pathOf(file));
    if (packageJson) return { ...file, migration: { ...file.migration, findings: packageJson.findings }, dependencyEdits: packageJson.edits };
    const findings = plan.scripts.get(pathOf(file));
    return findings ? { ...file, migration: { ...file.migration, findings } } : file;
  });
}

function pathOf(file: ReadFile): string {
  return file.input.workspaceRelativePath ?? '';
}

function folderOf(path: string): string {
  const folder = posix.dirname(path);
  return folder === '.' ? '' : folder;
}

function dependencyProposal(edits: TextEdit[]): FixProposal | undefined {
  return edits.length > 0 ? { title: l10n.t('Update the dependencies for SageMaker Runtime'), edits, kind: 'quickfix' } : undefined;
}

/**
 * The safe-write rules (workspace/safeWrite.ts) for an edit the editor applies: the file and the files the fix
 * creates must resolve (symbolic links followed) inside the workspace folder.
 */
async function writeRefusal(file: ReadFile, proposal: FixProposal | undefined, folder: LocalReportFolder, scope: WriteScope): Promise<string | undefined> {
  if (!proposal || proposal.edits.length === 0) return undefined;
  const own = await scope.confine(file.absolutePath);
  if (!own.ok) return own.message;
  for (const created of proposal.createFiles ?? []) {
    const checked = checkRelativePath(created.path);
    if (!checked.ok) return checked.message;
    const confined = await scope.confine(join(folder.root, ...checked.path.split('/')));
    if (!confined.ok) return l10n.t('it needs {0}: {1}', created.path, confined.message);
  }
  return undefined;
}
