import * as l10n from '@vscode/l10n';
import {
  type AnnotatedTextEdit, type ChangeAnnotation, CreateFile, type Range, TextDocumentEdit, type WorkspaceEdit, type WorkspaceFolder,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FixProposal } from '../engine/fixTypes';
import type { Finding } from '../engine/types';
import type { MigratedFile, MigrateWorkspaceResult, RemainingFinding } from '../../../shared/reportProtocol';
import { toLspRange } from './offsets';
import { WorkspaceFolders } from './workspaceFolders';

export interface MigrationFile {
  folder: WorkspaceFolder;
  /** Path in its folder; the refactor preview shows it (with the folder name in multi-root workspaces). */
  label: string;
  /** The analysed text: the open document's (versioned edit) or the file on disk (`version` null). */
  document: TextDocument;
  version: number | null;
  findings: readonly Finding[];
}

export interface CreationPolicy {
  /** Why files cannot be created here (Restricted Mode, client without create support), if they cannot. */
  refusal?: string;
  exists(uri: string): boolean;
}

/**
 * Collects every file's fix-all into one WorkspaceEdit. Each file gets its own change annotation with
 * `needsConfirmation`, so VS Code opens its refactor preview and the user can untick files; the whole edit
 * is still one undo step. Each changed file is also listed with the created files it needs, so the client can
 * apply a subset without guessing. Findings the edit does not resolve are kept apart, to be listed, never touched.
 */
export class MigrationEditBuilder {
  private readonly creations: NonNullable<WorkspaceEdit['documentChanges']> = [];
  private readonly fileEdits: TextDocumentEdit[] = [];
  private readonly files: MigratedFile[] = [];
  private readonly annotations: Record<string, ChangeAnnotation> = {};
  private readonly created = new Set<string>();
  private readonly remaining: RemainingFinding[] = [];
  private fixed = 0;
  private readonly notes: string[] = [];

  constructor(private readonly creation: CreationPolicy) {}

  /** `refusal`: why the file's fixes may not be written (outside the folder, not UTF-8); its findings stay listed with it. */
  add(file: MigrationFile, proposal: FixProposal | undefined, refusal?: string): void {
    const { document } = file;
    const requires = proposal && proposal.edits.length > 0 && refusal === undefined ? this.acceptCreations(file, proposal) : undefined;
    const accepted = proposal !== undefined && requires !== undefined;
    const note = refusal !== undefined && proposal && proposal.edits.length > 0 ? ` ${l10n.t('Not migrated: {0}.', refusal)}` : '';
    let fixedHere = 0;
    for (const finding of file.findings) {
      if (accepted && finding.fixable) fixedHere++;
      else {
        const message = finding.fixable ? finding.message + note : finding.message;
        this.remaining.push({ uri: document.uri, range: toLspRange(document, finding.range), ruleId: finding.ruleId, message });
      }
    }
    if (!accepted) return;
    this.fixed += fixedHere;
    this.files.push({ uri: document.uri, label: file.label, fixedFindings: fixedHere, requires });
    const annotationId = document.uri;
    this.annotations[annotationId] = { label: file.label, needsConfirmation: true, description: proposal.title };
    const edits = proposal.edits.map((edit): AnnotatedTextEdit => ({ range: toLspRange(document, edit.range), newText: edit.newText, annotationId }));
    this.fileEdits.push(TextDocumentEdit.create({ uri: document.uri, version: file.version }, edits));
  }

  /** A sentence for the summary (the install command after a package.json change), once each. */
  addNote(note: string): void {
    if (!this.notes.includes(note)) this.notes.push(note);
  }

  result(): MigrateWorkspaceResult {
    const documentChanges = [...this.creations, ...this.fileEdits];
    return {
      edit: { documentChanges, changeAnnotations: this.annotations },
      filesChanged: this.fileEdits.length,
      filesCreated: [...this.created],
      fixedFindings: this.fixed,
      files: this.files,
      remaining: this.remaining,
      notes: this.notes,
    };
  }

  /**
   * Adds the files the proposal creates (once each across the workspace). Returns the URIs of the created files
   * this file needs, whichever file added them first (none when they exist already); undefined when they
   * cannot be created.
   */
  private acceptCreations(file: MigrationFile, proposal: FixProposal): string[] | undefined {
    const wanted = (proposal.createFiles ?? []).map((created) => ({ ...created, uri: WorkspaceFolders.resolve(file.folder, created.path) }));
    if (wanted.length === 0) return [];
    if (this.creation.refusal || wanted.some((created) => !created.uri)) return undefined;
    const requires: string[] = [];
    for (const created of wanted) {
      const uri = created.uri!;
      if (this.created.has(uri)) requires.push(uri);
      if (this.created.has(uri) || (created.ifMissing && this.creation.exists(uri))) continue;
      this.created.add(uri);
      requires.push(uri);
      this.annotations[uri] = { label: created.path, needsConfirmation: true, description: l10n.t('New file') };
      const start: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      this.creations.push(
        { ...CreateFile.create(uri, { ignoreIfExists: true }), annotationId: uri },
        TextDocumentEdit.create({ uri, version: null }, [{ range: start, newText: created.content, annotationId: uri }]),
      );
    }
    return requires;
  }
}
