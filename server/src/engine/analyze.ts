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

/**
 * Finds the Bedrock uses in a TypeScript/JavaScript text: `analyzeScript`, or an incremental analysis of one document.
 * The array returned is the caller's (a fresh one each call): the result keeps it, sorted in place if out of order.
 */
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
      ? scriptFindings(scriptAnalyzer(input), migrationTodos ? detectMigrationTodos(input.text, input.languageId, input.settings, (needle) => textIncludes(input, needle)) : [])
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
  return { findings: inOrder(findings) ? findings : findings.sort(compareFindings) };
}

/**
 * The script's findings and the migration TODOs, in one array of the result's own. Usually there are no TODOs and the
 * script's findings come in order, fresh from the analyzer: taken as they are, not copied and sorted again (issue #13:
 * per keystroke).
 */
function scriptFindings(script: Finding[], todos: Finding[]): Finding[] {
  return todos.length === 0 ? script : [...script, ...todos];
}

function inOrder(findings: readonly Finding[]): boolean {
  for (let i = 1; i < findings.length; i++) if (compareFindings(findings[i - 1], findings[i]) > 0) return false;
  return true;
}

/** JSON is analysed only as a package.json (its dependencies); other JSON files have nothing the engine reads. */
export function isPackageJson(input: Pick<AnalyzeInput, 'languageId' | 'fileName'>): boolean {
  return input.languageId === 'json' && isPackageJsonFileName(input.fileName);
}

function skipped(reason: NonNullable<AnalyzeResult['skipped']>['reason'], message: string): AnalyzeResult {
  return { findings: [], skipped: { reason, message } };
}
