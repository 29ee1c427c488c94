import { relative, sep } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { refineFixability } from '../engine/fixes';
import { type GroupCandidate, heldBackFiles, holdBack } from '../engine/project/migrationGroups';
import { isScriptLanguage } from '../engine/analyze';
import type { EngineSettings } from '../engine/types';
import type { FileScanResult, ScannedFile } from '../workspace';
import type { PackageContexts } from '../workspace/packageContexts';

/**
 * Makes `fixable` exact before anything is reported or fixed: each file's findings as fix-all will treat them
 * (refined for the file, in its package), then files that share Bedrock clients or types with a file that cannot
 * be migrated held back with it. Files without findings drop their text: nothing reads it again.
 */
export function prepareForFix(results: readonly FileScanResult[], settings: EngineSettings, workspaceRoot: string, packages: PackageContexts): FileScanResult[] {
  const refined = results.map((result) => {
    if (result.kind !== 'scanned') return result;
    if (result.findings.length === 0) return { ...result, document: TextDocument.create(result.document.uri, result.document.languageId, result.document.version, '') };
    if (!result.findings.some((finding) => finding.fixable)) return result;
    return { ...result, findings: refineFixability(fixInputOf(result, settings, workspaceRoot, packages), result.findings) };
  });
  const candidates: GroupCandidate[] = refined
    .filter((result): result is ScannedFile => result.kind === 'scanned' && isScriptLanguage(result.languageId) && result.findings.length > 0)
    .map((result) => ({ path: workspacePath(result, workspaceRoot), text: result.document.getText(), findings: result.findings }));
  const held = heldBackFiles(candidates);
  if (held.size === 0) return refined;
  return refined.map((result) => {
    const reason = result.kind === 'scanned' ? held.get(workspacePath(result, workspaceRoot)) : undefined;
    return reason === undefined || result.kind !== 'scanned' ? result : { ...result, findings: holdBack(result.findings, reason) };
  });
}

export function fixInputOf(file: ScannedFile, settings: EngineSettings, workspaceRoot: string, packages: PackageContexts) {
  return {
    text: file.document.getText(), languageId: file.languageId, settings, fileName: file.absolutePath,
    workspaceRelativePath: workspacePath(file, workspaceRoot), packageContext: packages.contextOf(file.absolutePath),
  };
}

function workspacePath(file: ScannedFile, workspaceRoot: string): string {
  return relative(workspaceRoot, file.absolutePath).split(sep).join('/');
}
