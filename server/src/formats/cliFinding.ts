import type { Category, RuleId, Severity } from '../engine/types';
import type { ScannedFile } from '../workspace';
import { type LocatedFinding, locateFinding } from './locatedFinding';

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

/** A file's findings as the CLI prints them, positions converted with the same TextDocument code the language server uses. */
export function cliFindingsOf(file: ScannedFile): CliFinding[] {
  return file.findings.map((finding) => toCliFinding(file.relativePath, locateFinding(finding, (offset) => file.document.positionAt(offset))));
}

/** The one field-by-field copy of a located finding into the CLI's shape (1-based lines and columns). */
export function toCliFinding(file: string, finding: LocatedFinding): CliFinding {
  return {
    file,
    line: finding.start.line + 1,
    column: finding.start.character + 1,
    endLine: finding.end.line + 1,
    endColumn: finding.end.character + 1,
    ruleId: finding.ruleId,
    category: finding.category,
    severity: finding.severity,
    message: finding.message,
    equivalent: finding.equivalent,
    fixable: finding.fixable,
  };
}
