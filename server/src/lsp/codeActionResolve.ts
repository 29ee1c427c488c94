import type { CodeAction } from 'vscode-languageserver';
import { type CodeActionDependencies, type FileActionData, fixInput } from './codeActions';
import { guarded } from './errors';
import { toWorkspaceEdit } from './workspaceEdit';

/**
 * `codeAction/resolve` for the file-level actions: runs the fix engine over the analysed version. An action
 * whose document changed since it was offered comes back without an edit, so nothing stale is applied.
 */
export function createCodeActionResolveHandler(deps: CodeActionDependencies) {
  return (action: CodeAction): Promise<CodeAction> => guarded(deps.log, 'resolving a code action', () => action, () => resolve(deps, action));
}

async function resolve(deps: CodeActionDependencies, action: CodeAction): Promise<CodeAction> {
  const data = action.data as Partial<FileActionData> | undefined;
  if (!data || typeof data.uri !== 'string' || (data.fileAction !== 'fixAll' && data.fileAction !== 'migrateFile')) return action;
  const settings = await deps.settings.get(data.uri);
  const document = deps.documents.get(data.uri);
  if (!document || document.version !== data.version) {
    deps.log.warn(`[bedrock-to-sagemaker] ${data.fileAction} not applied: ${data.uri} changed since the action was offered`);
    return action;
  }
  if (!deps.session.isTrusted) return action;
  const analysis = deps.analyzer.analyze(document, settings);
  if (!analysis) return action;
  const proposal = deps.fixes.fixAll(fixInput(deps, analysis.input, document), analysis.result.findings);
  if (!proposal) return action;
  const result = toWorkspaceEdit(proposal, document, deps.fileCreation(document));
  if ('refused' in result) {
    deps.log.warn(`[bedrock-to-sagemaker] ${data.fileAction} refused for ${data.uri}: ${result.refused}`);
    return action;
  }
  return { ...action, edit: result.edit };
}
