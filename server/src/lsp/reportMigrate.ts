import * as l10n from '@vscode/l10n';
import { existsSync } from 'node:fs';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CancellationToken, WorkDoneProgressParams, WorkDoneProgressReporter } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, isPackageJson } from '../engine/analyze';
import { isScriptLanguage } from '../engine/languages';
import { packageImportsOf } from '../engine/project/localImports';
import { type PlanPackageJson, type PlanScript, planMigration } from '../engine/project/migrationPlan';
import { installHint } from '../engine/packageJson';
import { documentFixAll } from '../engine/documentFixes';
import { refineFixability, type FixInput } from '../engine/fixes';
import { EventLoopTurns, walkReportFolder } from '../report/io';
import { Limiter, mapInOrder, readSourceFile } from '../workspace';
import { PackageContexts } from '../workspace/packageContexts';
import { checkRelativePath, WriteScope } from '../workspace/safeWrite';
import type { FixProposal, TextEdit } from '../engine/fixTypes';
import { lockfilesFor } from '../workspace/lockfiles';
import type { SourceFile, WalkEntry } from '../workspace/types';
import type { MigrateWorkspaceParams, MigrateWorkspaceResult } from '../../../shared/reportProtocol';
import { engineLanguageOf } from './documentLanguage';
import type { DocumentStore } from './documentStore';
import { cancelledError } from './errors';
import { MigrationEditBuilder, type MigrationFile } from './reportMigrationEdit';
import { ScanProgress } from './reportProgress';
import { type FolderConfiguration, type LocalReportFolder, reportScanFolders } from './reportScanFolders';
import type { Session } from './session';
import { validateMigrateWorkspaceParams } from './validateParams';
import { WorkspaceFolders } from './workspaceFolders';

export interface MigrateDependencies {
  /** The reporter for the client's work-done token (a no-op reporter without one). */
  workDone(params: WorkDoneProgressParams): WorkDoneProgressReporter;
  configuration: FolderConfiguration;
  documents: DocumentStore;
  session(): Session;
}

const READ_CONCURRENCY = 16;

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
      const limiter = new Limiter(READ_CONCURRENCY);
      const turns = new EventLoopTurns();
      let filesDone = 0;
      for (const folder of scanFolders) {
        const packages = folder.uri.startsWith('file:') ? new PackageContexts(fileURLToPath(folder.uri)) : undefined;
        const read = (entry: WalkEntry) => readMigrationFile(entry, folder, deps.documents, scanFolders.length > 1, packages);
        const scope = await WriteScope.of([folder.root]);
        const files: Array<ReadFile | ImportsOnly> = [];
        for await (const file of mapInOrder(walkReportFolder(folder.root, folder, { token }), limiter, READ_CONCURRENCY * 2, read)) {
          await turns.maybeYield();
          if (token.isCancellationRequested) throw cancelledError();
          progress.filesDone(++filesDone);
          if (file) files.push(file);
        }
        // The plan scan --fix follows: files that exchange Bedrock clients or types migrate together or not at all,
        // and a package.json changes with its package's code, from the imports the package has once migrated.
        for (const file of planned(files)) {
          await turns.maybeYield();
          if (token.isCancellationRequested) throw cancelledError();
          const proposal = file.dependencyEdits ? dependencyProposal(file.dependencyEdits) : documentFixAll(file.input, file.migration.findings);
          const refusal = file.refusal ?? await writeRefusal(file, proposal, folder, scope);
          builder.add(file.migration, proposal, refusal);
          if (file.dependencyEdits && proposal && refusal === undefined) builder.addNote(installHint(lockfilesFor(file.absolutePath, folder.root)));
        }
      }
      if (token.isCancellationRequested) throw cancelledError();
      return builder.result();
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

/** A script file without findings: only its package imports matter (they keep Bedrock packages in its package.json). */
interface ImportsOnly {
  path: string;
  packageRoot: string;
  imports: string[];
}

interface ReadFile {
  migration: MigrationFile;
  input: FixInput;
  /** Why this file's fixes are not part of the edit (its findings are listed as remaining, with the reason). */
  refusal?: string;
  absolutePath: string;
  /** A package.json's edits from the migration plan (set once planned). */
  dependencyEdits?: TextEdit[];
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

async function readMigrationFile(
  entry: WalkEntry, folder: LocalReportFolder, documents: DocumentStore, multiRoot: boolean, packages: PackageContexts | undefined,
): Promise<ReadFile | ImportsOnly | undefined> {
  if (entry.kind !== 'file') return undefined;
  const uri = WorkspaceFolders.resolve(folder, entry.relativePath);
  if (!uri) return undefined;
  const open = documents.get(uri);
  const source = open ? undefined : await readSourceFile(entry, { maxFileSizeBytes: folder.maxFileSizeBytes });
  if (source && source.kind !== 'source') return undefined;
  const languageId = open ? engineLanguageOf(open.languageId, open.uri) : (source as SourceFile).languageId;
  if (!languageId) return undefined;
  const document = open ?? TextDocument.create(uri, languageId, 0, (source as SourceFile).text);
  const input: FixInput = {
    text: document.getText(), languageId, settings: folder.settings, fileName: entry.relativePath, workspaceRelativePath: entry.relativePath,
    ...(packages ? { packageContext: packages.contextOf(entry.absolutePath) } : {}),
  };
  const analysis = analyze(input, { maxLength: folder.maxFileSizeBytes });
  if (analysis.skipped) return undefined;
  if (analysis.findings.length === 0) {
    if (!isScriptLanguage(languageId) || !input.packageContext) return undefined;
    return { path: entry.relativePath, packageRoot: input.packageContext.root, imports: packageImportsOf(input.text) };
  }
  // VS Code opens a closed file as UTF-8: an edit would save the replacement characters over the original bytes.
  const notUtf8 = source?.notices.some((notice) => notice.reason === 'invalid-utf8') === true;
  return {
    input,
    absolutePath: entry.absolutePath,
    ...(notUtf8 ? { refusal: l10n.t('the file is not valid UTF-8; open it in the editor with its encoding and use "Migrate this file", or run `scan --fix`, which keeps the encoding') } : {}),
    migration: {
      folder: { uri: folder.uri, name: folder.name },
      label: multiRoot ? `${folder.name}/${entry.relativePath}` : entry.relativePath,
      document,
      version: open ? open.version : null,
      findings: isScriptLanguage(languageId) ? refineFixability(input, analysis.findings) : analysis.findings,
    },
  };
}
