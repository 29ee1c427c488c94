import * as l10n from '@vscode/l10n';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CancellationToken, WorkDoneProgressParams, WorkDoneProgressReporter } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, isScriptLanguage } from '../engine/analyze';
import { heldBackFiles, holdBack } from '../engine/project/migrationGroups';
import { documentFixAll } from '../engine/documentFixes';
import { refineFixability, type FixInput } from '../engine/fixes';
import { EventLoopTurns, walkReportFolder } from '../report/io';
import { Limiter, mapInOrder, readSourceFile } from '../workspace';
import { PackageContexts } from '../workspace/packageContexts';
import type { SourceFile, WalkEntry } from '../workspace/types';
import type { MigrateWorkspaceParams, MigrateWorkspaceResult } from '../../../shared/reportProtocol';
import { engineLanguageOf } from './documentLanguage';
import type { DocumentStore } from './documentStore';
import { cancelledError } from './errors';
import { MigrationEditBuilder, type MigrationFile } from './reportMigrationEdit';
import { ScanProgress } from './reportProgress';
import { type FolderConfiguration, type LocalReportFolder, reportScanFolders } from './reportScanFolders';
import type { Session } from './session';
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
        const files: ReadFile[] = [];
        for await (const file of mapInOrder(walkReportFolder(folder.root, folder, token), limiter, READ_CONCURRENCY * 2, read)) {
          await turns.maybeYield();
          if (token.isCancellationRequested) throw cancelledError();
          progress.filesDone(++filesDone);
          if (file) files.push(file);
        }
        // Files that exchange Bedrock clients or types migrate together or not at all.
        for (const file of holdBackGroups(files)) {
          await turns.maybeYield();
          if (token.isCancellationRequested) throw cancelledError();
          builder.add(file.migration, documentFixAll(file.input, file.migration.findings));
        }
      }
      if (token.isCancellationRequested) throw cancelledError();
      return builder.result();
    } finally {
      progress.done();
    }
  };
}

function holdBackGroups(files: readonly ReadFile[]): ReadFile[] {
  const candidates = files
    .filter((file) => isScriptLanguage(file.input.languageId))
    .map((file) => ({ path: file.input.workspaceRelativePath ?? '', text: file.input.text, findings: file.migration.findings }));
  const held = heldBackFiles(candidates);
  return files.map((file) => {
    const reason = held.get(file.input.workspaceRelativePath ?? '');
    return reason === undefined ? file : { ...file, migration: { ...file.migration, findings: holdBack(file.migration.findings, reason) } };
  });
}

interface ReadFile {
  migration: MigrationFile;
  input: FixInput;
}

async function readMigrationFile(
  entry: WalkEntry, folder: LocalReportFolder, documents: DocumentStore, multiRoot: boolean, packages: PackageContexts | undefined,
): Promise<ReadFile | undefined> {
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
  if (analysis.skipped || analysis.findings.length === 0) return undefined;
  return {
    input,
    migration: {
      folder: { uri: folder.uri, name: folder.name },
      label: multiRoot ? `${folder.name}/${entry.relativePath}` : entry.relativePath,
      document,
      version: open ? open.version : null,
      findings: isScriptLanguage(languageId) ? refineFixability(input, analysis.findings) : analysis.findings,
    },
  };
}
