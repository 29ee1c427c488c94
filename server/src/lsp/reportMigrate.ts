import * as l10n from '@vscode/l10n';
import { existsSync } from 'node:fs';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CancellationToken, WorkDoneProgressParams, WorkDoneProgressReporter } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { isPackageJson } from '../engine/analyze';
import { isScriptLanguage } from '../engine/languages';
import { type PlanPackageJson, type PlanScript, planMigration } from '../engine/project/migrationPlan';
import { installHint } from '../engine/packageJson';
import { documentFixAll } from '../engine/documentFixes';
import type { FixInput } from '../engine/fixes';
import { currentLocale, type Locale } from '../engine/l10n';
import {
  analyzeReportFile, EventLoopTurns, type FileAnalysis, folderAnalyses, mayRefine, type ReportCache, refineForReport, scanWork, scanWorkSince, type WatchedFileLists,
} from '../report/io';
import { ReadBuffer } from '../workspace/readSourceFile';
import { PackageContexts } from '../workspace/packageContexts';
import { checkRelativePath, WriteScope } from '../workspace/safeWrite';
import type { FixProposal, TextEdit } from '../engine/fixTypes';
import { lockfilesFor } from '../workspace/lockfiles';
import type { WalkEntry } from '../workspace/types';
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
          for (const file of planned(files)) {
            await turns.maybeYield();
            if (token.isCancellationRequested) throw cancelledError();
            const proposal = file.dependencyEdits ? dependencyProposal(file.dependencyEdits) : documentFixAll(file.input, file.migration.findings);
            const refusal = file.refusal ?? await writeRefusal(file, proposal, folder, scope);
            builder.add(file.migration, proposal, refusal);
            if (file.dependencyEdits && proposal && refusal === undefined) builder.addNote(installHint(lockfilesFor(file.absolutePath, folder.root)));
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

/**
 * The documents of a folder open in the editor, analysed as they are there (not as on disk), and remembered: the edit
 * is made against the version analysed.
 */
class OpenDocuments {
  private readonly analysed = new Map<string, TextDocument>();

  constructor(
    private readonly folder: LocalReportFolder, private readonly documents: DocumentStore, private readonly locale: Locale,
    private readonly packages: PackageContexts, private readonly token: CancellationToken,
  ) {}

  /** The analysis of the entry's open document; undefined when it is not open (it is read from disk). */
  readonly analysis = async (entry: WalkEntry): Promise<FileAnalysis | undefined> => {
    if (entry.kind !== 'file') return undefined;
    const uri = WorkspaceFolders.resolve(this.folder, entry.relativePath);
    const open = uri ? this.documents.get(uri) : undefined;
    if (!open) return undefined;
    const languageId = engineLanguageOf(open.languageId, open.uri);
    if (!languageId) return { findings: [] };
    this.analysed.set(open.uri, open);
    const source = { kind: 'source' as const, relativePath: entry.relativePath, absolutePath: entry.absolutePath, languageId, text: open.getText(), notices: [] };
    // The reader checks a file's size on disk; an open document's text is checked by the engine against the same limit.
    const options = { locale: this.locale, token: this.token, limits: { maxLength: this.folder.maxFileSizeBytes } };
    return analyzeReportFile(source, this.folder, options, this.packages);
  };

  /** The open document analysed for `uri`, if it was. */
  documentAt(uri: string): TextDocument | undefined {
    return this.analysed.get(uri);
  }
}

interface MigrationFolder {
  folder: LocalReportFolder;
  opened: OpenDocuments;
  packages: PackageContexts;
  locale: Locale;
  multiRoot: boolean;
}

/** What the migration needs of an analysed file: its fix input and refined findings, or a quiet script's package imports. */
function migrationFile(entry: WalkEntry, analysis: FileAnalysis, { folder, opened, packages, locale, multiRoot }: MigrationFolder): ReadFile | ImportsOnly | undefined {
  const languageId = analysis.languageId;
  if (entry.kind !== 'file' || analysis.skipped || !languageId) return undefined;
  const uri = WorkspaceFolders.resolve(folder, entry.relativePath);
  if (!uri) return undefined;
  if (analysis.findings.length === 0) {
    if (!analysis.imports) return undefined;
    return { path: entry.relativePath, packageRoot: packages.contextOf(entry.absolutePath).root, imports: [...analysis.imports] };
  }
  const packageContext = packages.contextOf(entry.absolutePath);
  const text = analysis.text!; // kept with any finding
  const open = opened.documentAt(uri);
  const input: FixInput = { text, languageId, settings: folder.settings, fileName: entry.relativePath, workspaceRelativePath: entry.relativePath, packageContext };
  const place = { path: entry.relativePath, languageId, packageContext, settings: folder.settings, locale };
  // The refinement the analysis made on its own parse, or kept from an earlier one (reportRefinement.ts).
  const findings = isScriptLanguage(languageId) && mayRefine(analysis.findings) ? refineForReport(text, analysis.findings, place) : [...analysis.findings];
  return {
    input,
    absolutePath: entry.absolutePath,
    // VS Code opens a closed file as UTF-8: an edit would save the replacement characters over the original bytes.
    ...(analysis.notUtf8 ? { refusal: l10n.t('the file is not valid UTF-8; open it in the editor with its encoding and use "Migrate this file", or run `scan --fix`, which keeps the encoding') } : {}),
    migration: {
      folder: { uri: folder.uri, name: folder.name },
      label: multiRoot ? `${folder.name}/${entry.relativePath}` : entry.relativePath,
      document: open ?? TextDocument.create(uri, languageId, 0, text),
      version: open ? open.version : null,
      findings,
    },
  };
}
