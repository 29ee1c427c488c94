import * as l10n from '@vscode/l10n';
import {
  type CancellationToken, type CodeAction, CodeActionKind, type CodeActionParams, type Diagnostic, type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FixProposal } from '../engine/fixTypes';
import { ruleDocUrl } from '../engine/rules';
import type { AnalyzeInput, EngineSettings, Finding, RuleId } from '../engine/types';
import type { GroupDecision } from './packageGroup';
import type { HeldBackDocuments } from './heldBackDocuments';
import { holdBack } from '../engine/project/migrationGroups';
import { CodeActionKinds, Commands, type DiagnosticData } from '../../../shared/protocol';
import { isKindRequested } from './codeActionKinds';
import type { DocumentAnalyzer } from './documentAnalyzer';
import type { DocumentSettingsCache } from './documentSettings';
import { cancelledError, type ErrorLog, guarded } from './errors';
import type { DocumentStore } from './documentStore';
import { findingFromDiagnostic, isFindingDiagnostic } from './findingFromDiagnostic';
import { mergeDuplicateActions } from './mergeDuplicateActions';
import type { Session } from './session';
import { type FileCreationContext, toWorkspaceEdit } from './workspaceEdit';
import { restrictedModeReason } from './restrictedMode';
import { saveCreatedFilesCommand } from './saveCreatedFilesCommand';
import type { MigratedImports } from '../engine/project/dependencyMigration';
import type { PackageContext } from '../engine/project/packageContext';
import type { TextDocumentEdit } from 'vscode-languageserver';
import { validateCodeActionParams } from './validateParams';

/**
 * What fixes receive: the analysis input plus where the document sits in its workspace folder (needed to
 * import the shared adapter module with a correct relative path).
 */
export type FixInput = AnalyzeInput & { workspaceRelativePath?: string; packageContext?: PackageContext };

/** The fix engine, injected so the LSP glue can be tested with fake proposals. */
export interface FixEngine {
  fixesForFinding(input: FixInput, finding: Finding): FixProposal[];
  fixAll(input: FixInput, findings: readonly Finding[]): FixProposal | undefined;
}

export interface CodeActionDependencies {
  documents: DocumentStore;
  settings: DocumentSettingsCache;
  analyzer: DocumentAnalyzer;
  fixes: FixEngine;
  session: Session;
  log: ErrorLog;
  fileCreation(document: TextDocument): FileCreationContext;
  /** The document's path inside its workspace folder (`/` separators), undefined outside every folder. */
  workspaceRelativePath(uri: string): string | undefined;
  /** The document's package (module system, source root), read from disk; undefined outside every folder. */
  packageContext?(uri: string): PackageContext | undefined;
  /**
   * Whether the document, on its own, may migrate: read on the explicit resolve of "Migrate this file" / fix-all,
   * from the other script files of its package (see packageGroup.ts). Without it, the document is taken alone.
   */
  packageGroup?(document: TextDocument, input: FixInput, findings: readonly Finding[], settings: EngineSettings): Promise<GroupDecision>;
  /** What the group checks found, so diagnostics and quick fixes say it too; `changed` re-pulls the diagnostics. */
  heldBack?: { documents: HeldBackDocuments; changed(): void };
  /** The package.json edit that goes with migrating the document (the SageMaker Runtime client added), if any. */
  /** `langChain`: the file's LangChain chat model moves to the written module, which needs its own packages. */
  packageJsonEdit?(documentUri: string, packageContext: PackageContext | undefined, langChain?: boolean): TextDocumentEdit | undefined;
  /** Without that edit: what a package.json above the workspace folder lacks once the document is migrated, to tell the user. */
  packageJsonNote?(documentUri: string, imports: MigratedImports): string | undefined;
}

/** Carried by the lazy file-level actions to `codeAction/resolve`. */
export interface FileActionData {
  fileAction: 'fixAll' | 'migrateFile';
  uri: string;
  version: number;
}

/** `textDocument/codeAction`: per finding a preferred fix and "Explain"; per file "Migrate" and fix-all (resolved lazily). */
export function createCodeActionHandler(deps: CodeActionDependencies) {
  return async (params: CodeActionParams, token: CancellationToken): Promise<CodeAction[]> => {
    validateCodeActionParams(params);
    return guarded(deps.log, `code actions for ${params.textDocument.uri}`, () => [], () => provide(deps, params, token));
  };
}

async function provide(deps: CodeActionDependencies, params: CodeActionParams, token: CancellationToken): Promise<CodeAction[]> {
  const uri = params.textDocument.uri;
  if (!deps.documents.get(uri)) return [];
  const settings = await deps.settings.get(uri);
  const document = deps.documents.get(uri);
  if (token.isCancellationRequested) throw cancelledError();
  if (!document) return [];
  const fresh = deps.analyzer.analyze(document, settings);
  if (!fresh) return [];
  const held = deps.heldBack?.documents.reasonFor(uri, document.version);
  const analysis = held === undefined ? fresh : { ...fresh, result: { ...fresh.result, findings: holdBack(fresh.result.findings, held) } };
  const only = params.context.only;
  const actions: CodeAction[] = [];
  if (isKindRequested(only, CodeActionKind.QuickFix)) {
    const perDiagnostic: CodeAction[] = [];
    // Once per request: the package context is read from disk.
    const input = fixInput(deps, analysis.input, document);
    for (const diagnostic of params.context.diagnostics.filter(isFindingDiagnostic)) {
      if (token.isCancellationRequested) throw cancelledError();
      perDiagnostic.push(...quickFixes(deps, diagnostic, analysis.result.findings, document, input), explainAction(diagnostic));
    }
    actions.push(...mergeDuplicateActions(perDiagnostic));
  }
  // Offered while the file has fixable findings of its own: the resolve checks its group again (the other file may be fixed by now).
  if (fresh.result.findings.some((finding) => finding.fixable)) {
    if (isKindRequested(only, CodeActionKinds.migrateFile)) pushFileAction(deps, actions, 'migrateFile', document);
    if (isKindRequested(only, CodeActionKinds.fixAll)) pushFileAction(deps, actions, 'fixAll', document);
  }
  return actions;
}

export function fixInput(deps: CodeActionDependencies, input: AnalyzeInput, document: TextDocument): FixInput {
  const packageContext = deps.packageContext?.(document.uri);
  return { ...input, workspaceRelativePath: deps.workspaceRelativePath(document.uri), ...(packageContext ? { packageContext } : {}) };
}

function quickFixes(
  deps: CodeActionDependencies, diagnostic: Diagnostic & { data: DiagnosticData }, findings: readonly Finding[], document: TextDocument, input: FixInput,
): CodeAction[] {
  if (!diagnostic.data.fixable) return [];
  const finding = findingFromDiagnostic(diagnostic, findings, document);
  if (!finding) return []; // not what the current text has there: wait for fresh diagnostics
  const actions: CodeAction[] = [];
  for (const proposal of deps.fixes.fixesForFinding(input, finding)) {
    const result = toWorkspaceEdit(proposal, document, deps.fileCreation(document));
    const action: CodeAction = { title: proposal.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: proposal.isPreferred === true };
    if ('edit' in result) actions.push(withEdit(action, result.edit));
    else if (deps.session.disabledActions) actions.push({ ...action, isPreferred: false, disabled: { reason: result.refused } });
  }
  return actions;
}

/** The action with its edit, and the command that saves the files the edit creates (if it creates any). */
export function withEdit(action: CodeAction, edit: WorkspaceEdit, note?: string): CodeAction {
  const command = saveCreatedFilesCommand(edit, note);
  return command ? { ...action, edit, command } : { ...action, edit };
}

function explainAction(diagnostic: Diagnostic & { data: DiagnosticData }): CodeAction {
  const ruleId = diagnostic.data.ruleId as RuleId;
  const title = l10n.t('Explain this finding ({0})', ruleId);
  return {
    title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic],
    command: { title, command: Commands.explainRule, arguments: [ruleId, ruleDocUrl(ruleId)] },
  };
}

/**
 * File-level actions carry only uri + version; the fix itself is computed in `codeAction/resolve`. In
 * Restricted Mode they are shown disabled: a migration may add the adapter file, and we never write files there.
 */
function pushFileAction(deps: CodeActionDependencies, actions: CodeAction[], fileAction: FileActionData['fileAction'], document: TextDocument): void {
  const title = fileAction === 'migrateFile' ? l10n.t('Migrate this file to SageMaker Runtime') : l10n.t('Fix all auto-fixable Bedrock findings');
  const kind = fileAction === 'migrateFile' ? CodeActionKinds.migrateFile : CodeActionKinds.fixAll;
  if (!deps.session.isTrusted) {
    if (deps.session.disabledActions) {
      actions.push({ title, kind, disabled: { reason: restrictedModeReason() } });
    }
    return;
  }
  const data: FileActionData = { fileAction, uri: document.uri, version: document.version };
  actions.push({ title, kind, data });
}
