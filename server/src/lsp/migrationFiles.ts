// The files of a Migrate Workspace scan: each analysed file as the migration needs it, open documents analysed as
// they are in the editor.
import * as l10n from '@vscode/l10n';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CancellationToken } from 'vscode-languageserver';
import { isScriptLanguage } from '../engine/languages';
import type { FixInput } from '../engine/fixes';
import type { Locale } from '../engine/l10n';
import { analyzeReportFile, type FileAnalysis, mayRefine, refineForReport } from '../report/io';
import type { PackageContexts } from '../workspace/packageContexts';
import type { TextEdit } from '../engine/fixTypes';
import type { WalkEntry } from '../workspace/types';
import { engineLanguageOf } from './documentLanguage';
import type { DocumentStore } from './documentStore';
import type { MigrationFile } from './reportMigrationEdit';
import type { LocalReportFolder } from './reportScanFolders';
import { WorkspaceFolders } from './workspaceFolders';

/** A script file without findings: only its package imports matter (they keep Bedrock packages in its package.json). */
export interface ImportsOnly {
  path: string;
  packageRoot: string;
  imports: string[];
}

export interface ReadFile {
  migration: MigrationFile;
  input: FixInput;
  /** Why this file's fixes are not part of the edit (its findings are listed as remaining, with the reason). */
  refusal?: string;
  absolutePath: string;
  /** A package.json's edits from the migration plan (set once planned). */
  dependencyEdits?: TextEdit[];
}

/**
 * The documents of a folder open in the editor, analysed as they are there (not as on disk), and remembered: the edit
 * is made against the version analysed.
 */
export class OpenDocuments {
  /** By the file's path in the folder. */
  private readonly analysed = new Map<string, TextDocument>();

  constructor(
    private readonly folder: LocalReportFolder, private readonly documents: DocumentStore, private readonly locale: Locale,
    private readonly packages: PackageContexts, private readonly token: CancellationToken,
  ) {}

  /** The analysis of the entry's open document; undefined when it is not open (it is read from disk). */
  readonly analysis = (entry: WalkEntry): Promise<FileAnalysis> | undefined => {
    if (entry.kind !== 'file') return undefined;
    const uri = WorkspaceFolders.resolve(this.folder, entry.relativePath);
    const open = uri ? this.documents.get(uri) : undefined;
    if (!open) return undefined;
    const languageId = engineLanguageOf(open.languageId, open.uri);
    if (!languageId) return Promise.resolve({ findings: [] });
    this.analysed.set(entry.relativePath, open);
    const source = { kind: 'source' as const, relativePath: entry.relativePath, absolutePath: entry.absolutePath, languageId, text: open.getText(), notices: [] };
    // The reader checks a file's size on disk; an open document's text is checked by the engine against the same limit.
    const options = { locale: this.locale, token: this.token, limits: { maxLength: this.folder.maxFileSizeBytes } };
    return analyzeReportFile(source, this.folder, options, this.packages);
  };

  /** The open document analysed for the file at `path` in the folder, if it was. */
  documentAt(path: string): TextDocument | undefined {
    return this.analysed.get(path);
  }
}

export interface MigrationFolder {
  folder: LocalReportFolder;
  opened: OpenDocuments;
  packages: PackageContexts;
  locale: Locale;
  multiRoot: boolean;
}

/** What the migration needs of an analysed file: its fix input and refined findings, or a quiet script's package imports. */
export function migrationFile(entry: WalkEntry, analysis: FileAnalysis, { folder, opened, packages, locale, multiRoot }: MigrationFolder): ReadFile | ImportsOnly | undefined {
  const languageId = analysis.languageId;
  if (entry.kind !== 'file' || analysis.skipped || !languageId) return undefined;
  if (analysis.findings.length === 0) {
    if (!analysis.imports) return undefined;
    return { path: entry.relativePath, packageRoot: packages.contextOf(entry.absolutePath).root, imports: [...analysis.imports] };
  }
  const uri = WorkspaceFolders.resolve(folder, entry.relativePath);
  if (!uri) return undefined;
  const packageContext = packages.contextOf(entry.absolutePath);
  const text = analysis.text!; // kept with any finding
  const open = opened.documentAt(entry.relativePath);
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
