import { TextDocument } from 'vscode-languageserver-textdocument';
import { isScriptLanguage } from '../engine/languages';
import { mayImportMigrationPackages } from '../engine/project/localImports';
import type { FileScanResult, ScannedFile } from '../workspace';

/**
 * A scan result as the CLI keeps it until every file is read: a file without findings that cannot import a package
 * the dependency step cares about drops its text at once, so a large tree is not held in memory. Only a script
 * imports anything (prepareForFix drops the text of every other file without findings).
 */
export function compactScanResult(result: FileScanResult): FileScanResult {
  if (result.kind !== 'scanned' || result.findings.length > 0) return result;
  if (!isScriptLanguage(result.languageId)) return withoutText(result);
  const text = result.document.getText();
  if (text.length === 0 || mayImportMigrationPackages(text)) return result;
  return withoutText(result);
}

/** The result with an empty document: nothing reads the text of a file without findings again. */
export function withoutText(result: ScannedFile): ScannedFile {
  if (result.document.getText() === '') return result;
  return { ...result, document: TextDocument.create(result.document.uri, result.document.languageId, result.document.version, '') };
}
