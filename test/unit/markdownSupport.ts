// Shared by the Markdown, Python and shell tests: golden-file helpers over the engine's public entry points.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { analyze } from '../../server/src/engine/analyze';
import type { TextEdit } from '../../server/src/engine/fixTypes';
import { LineIndex } from '../../server/src/engine/markdown/lineIndex';
import { normalizeSettings } from '../../server/src/engine/settings';
import type { AnalyzeResult, EngineSettings, Finding } from '../../server/src/engine/types';

/** A finding as the golden files record it: 1-based lines and UTF-16 columns, and the exact text covered. */
export interface GoldenFinding {
  ruleId: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  text: string;
}

export function toGolden(text: string, findings: readonly Finding[]): GoldenFinding[] {
  const index = new LineIndex(text);
  return findings.map((finding) => {
    const start = index.positionOf(finding.range.start);
    const end = index.positionOf(finding.range.end);
    return {
      ruleId: finding.ruleId, line: start.line + 1, column: start.column + 1, endLine: end.line + 1, endColumn: end.column + 1,
      text: text.slice(finding.range.start, finding.range.end),
    };
  });
}

export function analyzeMarkdownText(text: string, settings: EngineSettings = normalizeSettings({}), fileName = 'doc.md'): AnalyzeResult {
  return analyze({ text, languageId: 'markdown', settings, fileName });
}

/** Applies non-overlapping edits like an LSP client: insertions at one position appear in array order. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let result = text;
  const ordered = edits.map((edit, index) => ({ edit, index })).sort((a, b) => b.edit.range.start - a.edit.range.start || b.index - a.index);
  for (const { edit } of ordered) {
    result = result.slice(0, edit.range.start) + edit.newText + result.slice(edit.range.end);
  }
  return result;
}

/**
 * Reads an expected file, or writes it when UPDATE_GOLDEN=1 (then review the diff by eye before committing).
 */
export function expectedFile(path: string, actual: string): string | undefined {
  if (process.env.UPDATE_GOLDEN === '1') {
    writeFileSync(path, actual);
    return actual;
  }
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}
