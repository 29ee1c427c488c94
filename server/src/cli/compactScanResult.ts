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

/**
 * A compacted result nothing after the scan changes or prints but its count: scanned, without findings, notices or
 * text (so neither the migration plan, nor `--fix`, nor a report format reads it again). Reporting it before the
 * files kept for the plan leaves every output as it was: such a file only adds to `filesScanned`.
 */
export function isSettled(result: FileScanResult): boolean {
  return result.kind === 'scanned' && result.findings.length === 0 && result.notices.length === 0 && result.document.getText() === '';
}
