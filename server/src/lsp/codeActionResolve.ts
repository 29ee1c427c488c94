import * as l10n from '@vscode/l10n';
import type { CodeAction } from 'vscode-languageserver';
import { fixesWaitForSyntax } from '../engine/fixes';
import { migratedImportsOf, migratesDependencies } from '../engine/project/dependencyMigration';
import { langChainWillMigrate } from '../engine/project/langChainMigration';
import { type CodeActionDependencies, type FileActionData, fixInput, withEdit } from './codeActions';
import { guarded } from './errors';
import { toWorkspaceEdit } from './workspaceEdit';
import { restrictedModeReason } from './restrictedMode';
import { validateCodeAction } from './validateParams';

/**
 * `codeAction/resolve` for the file-level actions: runs the fix engine over the analysed version. An action
 * whose document changed since it was offered, or whose fix is refused, comes back without an edit (so
 * nothing stale is applied) and with `disabled.reason` saying why, for callers such as the migrate command.
 */
export function createCodeActionResolveHandler(deps: CodeActionDependencies) {
  return async (action: CodeAction): Promise<CodeAction> => {
    validateCodeAction(action);
    return guarded(deps.log, 'resolving a code action', () => action, () => resolve(deps, action));
  };
}

async function resolve(deps: CodeActionDependencies, action: CodeAction): Promise<CodeAction> {
  const data = action.data as Partial<FileActionData> | undefined;
  if (!data || typeof data.uri !== 'string' || (data.fileAction !== 'fixAll' && data.fileAction !== 'migrateFile')) return action;
  const settings = await deps.settings.get(data.uri);
  const document = deps.documents.get(data.uri);
  if (!document || document.version !== data.version) {
    return refuse(deps, action, l10n.t('The file changed since the action was offered. Try again.'));
  }
  if (!deps.session.isTrusted) return refuse(deps, action, restrictedModeReason());
  const analysis = deps.analyzer.analyze(document, settings);
  if (!analysis) return refuse(deps, action, l10n.t('Nothing in this file can be migrated automatically. The remaining findings explain the manual steps.'));
  // Once: the package context is read from disk.
  const input = fixInput(deps, analysis.input, document);
  // Files that exchange Bedrock clients or types with a file that cannot migrate are not migrated alone.
  const group = deps.packageGroup ? await deps.packageGroup(document, input, analysis.result.findings, settings.engine) : undefined;
  if (deps.documents.get(data.uri)?.version !== data.version) {
    return refuse(deps, action, l10n.t('The file changed since the action was offered. Try again.'));
  }
  if (group && deps.heldBack?.documents.record(data.uri, data.version, group.kind === 'heldBack' ? group.reason : undefined)) deps.heldBack.changed();
  if (group?.kind === 'heldBack' || group?.kind === 'unchecked') return refuse(deps, action, l10n.t('Not migrated: {0}.', group.reason));
  const proposal = deps.fixes.fixAll(input, analysis.result.findings);
  if (!proposal) {
    if (fixesWaitForSyntax(input)) {
      return refuse(deps, action, l10n.t('This file has syntax errors; fixes wait until it parses. Correct them and try again.'));
    }
    return refuse(deps, action, l10n.t('Nothing in this file can be migrated automatically. The remaining findings explain the manual steps.'));
  }
  const result = toWorkspaceEdit(proposal, document, deps.fileCreation(document));
  if ('refused' in result) return refuse(deps, action, result.refused);
  // A file that moves to SageMaker Runtime needs the SageMaker client in its package.json to install.
  const langChain = langChainWillMigrate(analysis.result.findings);
  const migrates = migratesDependencies(analysis.result.findings);
  const packageJson = migrates ? deps.packageJsonEdit?.(document.uri, input.packageContext, langChain) : undefined;
  if (packageJson) result.edit.documentChanges = [...(result.edit.documentChanges ?? []), packageJson];
  const note = migrates && !packageJson ? deps.packageJsonNote?.(document.uri, migratedImportsOf(input.text, analysis.result.findings)) : undefined;
  return withEdit(action, result.edit, note);
}

function refuse(deps: CodeActionDependencies, action: CodeAction, reason: string): CodeAction {
  const { uri, fileAction } = action.data as FileActionData;
  deps.log.warn(`[bedrock-to-sagemaker] ${fileAction} not applied to ${uri}: ${reason}`);
  return { ...action, disabled: { reason } };
}

