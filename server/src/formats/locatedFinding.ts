import type { Category, Finding, RuleId, Severity } from '../engine/types';

/** Zero-based line and UTF-16 character, like LSP positions. */
export interface LinePosition {
  line: number;
  character: number;
}

/** A finding with its offsets already turned into lines, so the report never needs the file's text. */
export interface LocatedFinding {
  ruleId: RuleId;
  severity: Severity;
  category: Category;
  message: string;
  equivalent: string;
  fixable: boolean;
  start: LinePosition;
  end: LinePosition;
  /** Kept for exports and "migrate workspace"; the Markdown report does not print it. */
  data?: Finding['data'];
}

/** The one field-by-field copy of a finding into its located form; `positionAt` turns an offset into a line position. */
export function locateFinding(finding: Finding, positionAt: (offset: number) => LinePosition): LocatedFinding {
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    category: finding.category,
    message: finding.message,
    equivalent: finding.equivalent,
    fixable: finding.fixable,
    start: positionAt(finding.range.start),
    end: positionAt(finding.range.end),
    data: finding.data,
  };
}
