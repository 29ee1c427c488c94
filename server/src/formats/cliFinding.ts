import type { Category, RuleId, Severity } from '../engine/types';
import type { ScannedFile } from '../workspace';

/**
 * One finding as the CLI prints it (the `findings[]` items of `--format json`). Lines and columns are
 * 1-based and count UTF-16 code units like VS Code; `endColumn` is exclusive (the column after the end).
 */
export interface CliFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  ruleId: RuleId;
  category: Category;
  severity: Severity;
  message: string;
  equivalent: string;
  fixable: boolean;
}

/** Converts a file's offset ranges with the same TextDocument code the language server uses. */
export function locateFindings(file: ScannedFile): CliFinding[] {
  return file.findings.map((finding) => {
    const start = file.document.positionAt(finding.range.start);
    const end = file.document.positionAt(finding.range.end);
    return {
      file: file.relativePath,
      line: start.line + 1,
      column: start.character + 1,
      endLine: end.line + 1,
      endColumn: end.character + 1,
      ruleId: finding.ruleId,
      category: finding.category,
      severity: finding.severity,
      message: finding.message,
      equivalent: finding.equivalent,
      fixable: finding.fixable,
    };
  });
}
