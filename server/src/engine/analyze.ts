import * as l10n from '@vscode/l10n';
import { compareFindings } from './finding';
import { analyzeMarkdown } from './markdown/analyzeMarkdown';
import { analyzePackageJson } from './packageJson/analyzePackageJson';
import { isPackageJsonFileName } from './packageJson/fileName';
import { analyzeScript } from './script/analyzeScript';
import { detectMigrationTodos } from './script/detectMigrationTodos';
import { isScriptLanguage } from './languages';
import { textIncludes } from './textPresence';
import type { AnalyzeInput, AnalyzeLimits, AnalyzeResult, Finding } from './types';

export const DEFAULT_LIMITS: AnalyzeLimits = { maxLength: 8 * 1024 * 1024 };

/** Finds the Bedrock uses in a TypeScript/JavaScript text: `analyzeScript`, or an incremental analysis of one document. */
export type ScriptAnalyzer = (input: AnalyzeInput) => Finding[];

/**
 * The engine's single entry point: text in, findings out, sorted by position. Never throws for bad
 * input: binary, oversized or pathologically nested text comes back as `skipped` with a reason.
 * `migrationTodos: false` leaves out the TODO comments the fixes wrote (a rewrite pass never reads them, and on a
 * large migrated file finding them is a scan of the whole text).
 */
export function analyze(
  input: AnalyzeInput, limits: AnalyzeLimits = DEFAULT_LIMITS, scriptAnalyzer: ScriptAnalyzer = analyzeScript, { migrationTodos = true } = {},
): AnalyzeResult {
  if (input.text.length > limits.maxLength) {
    return skipped('too-large', l10n.t('File skipped: {0} characters is over the {1} limit.', input.text.length, limits.maxLength));
  }
  if (textIncludes(input, '\u0000')) {
    return skipped('binary', l10n.t('File skipped: it looks binary (it contains NUL characters).'));
  }
  let findings: Finding[];
  try {
    findings = isScriptLanguage(input.languageId)
      ? [...scriptAnalyzer(input), ...(migrationTodos ? detectMigrationTodos(input.text, input.languageId, input.settings, (needle) => textIncludes(input, needle)) : [])]
      : input.languageId === 'markdown' ? analyzeMarkdown(input)
      : isPackageJson(input) ? analyzePackageJson(input.text, input.settings)
      : [];
  } catch (error) {
    // The TypeScript parser recurses; absurdly nested input can exhaust the stack. Report, don't crash.
    if (error instanceof RangeError) {
      return skipped('too-complex', l10n.t('File skipped: it is nested too deeply to analyse.'));
    }
    throw error;
  }
  if (input.token?.isCancellationRequested) return skipped('cancelled', l10n.t('Analysis cancelled.'));
  return { findings: findings.sort(compareFindings) };
}

/** JSON is analysed only as a package.json (its dependencies); other JSON files have nothing the engine reads. */
export function isPackageJson(input: Pick<AnalyzeInput, 'languageId' | 'fileName'>): boolean {
  return input.languageId === 'json' && isPackageJsonFileName(input.fileName);
}

function skipped(reason: NonNullable<AnalyzeResult['skipped']>['reason'], message: string): AnalyzeResult {
  return { findings: [], skipped: { reason, message } };
}
