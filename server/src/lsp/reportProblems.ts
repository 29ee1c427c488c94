import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import { ruleDocUrl } from '../engine/rules';
import type { Severity } from '../engine/types';
import type { ReportModel } from '../report';
import type { FileProblems, ReportFolderParams } from '../../../shared/reportProtocol';
import { DIAGNOSTIC_SOURCE } from '../../../shared/protocol';
import { WorkspaceFolders } from './workspaceFolders';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * The report's findings as diagnostics per file, for the Problems view. Same source, code and link as the live
 * diagnostics, so the two look alike; no fix data, because they describe the files as they were on disk.
 */
export function reportProblems(model: ReportModel, folders: readonly ReportFolderParams[]): FileProblems[] {
  const byName = new Map(folders.map((folder) => [folder.name, folder]));
  return model.files.flatMap((file) => {
    const folder = byName.get(file.folder);
    const uri = folder && WorkspaceFolders.resolve(folder, file.path);
    if (!uri) return [];
    const diagnostics = file.findings.map((finding): Diagnostic => ({
      range: { start: finding.start, end: finding.end },
      severity: SEVERITY[finding.severity],
      source: DIAGNOSTIC_SOURCE,
      code: finding.ruleId,
      codeDescription: { href: ruleDocUrl(finding.ruleId) },
      message: finding.message,
    }));
    return [{ uri, diagnostics }];
  });
}
