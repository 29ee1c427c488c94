// How one finding or file counts in the report. The rules are documented in docs/report.md; keep both in step.
import { isScriptLanguage } from '../engine/languages';
import type { Bucket, LocatedFinding, ReportSkipReason, FileResult } from './types';

/**
 * The totals bucket of a finding. "No equivalent" wins over "fixable": an automatic edit cannot make a
 * missing service appear, it can only annotate the code.
 */
export function bucketOf(finding: Pick<LocatedFinding, 'category' | 'fixable'>): Bucket {
  if (finding.category === 'no-equivalent') return 'no-equivalent';
  return finding.fixable ? 'auto-fixable' : 'manual';
}

// Folders and file names that hold tests, mocks and fixtures rather than code that runs in production.
const TEST_FOLDER = /(^|\/)(test|tests|__tests__|__mocks__|spec|specs|e2e|fixtures?)\//i;
const TEST_FILE = /\.(test|spec)\.[cm]?[jt]sx?$/i;

/**
 * Runtime code: a script file outside test folders, or a package.json outside them (what the application
 * installs). A missing service there is a core dependency; in Markdown or tests it only means documents or
 * tests to rewrite.
 */
export function isRuntimeCode(file: Pick<FileResult, 'path' | 'languageId'>): boolean {
  if (file.languageId === 'json') return !TEST_FOLDER.test(file.path);
  return file.languageId !== undefined && isScriptLanguage(file.languageId) && !TEST_FOLDER.test(file.path) && !TEST_FILE.test(file.path);
}

/** A finding of runtime code; a package.json's devDependencies are not installed with the application. */
export function isRuntimeFinding(file: Pick<FileResult, 'path' | 'languageId'>, finding: Pick<LocatedFinding, 'ruleId' | 'data'>): boolean {
  return isRuntimeCode(file) && !(finding.ruleId === 'bedrock/dependency' && finding.data?.section === 'devDependencies');
}

const UNVERIFIED_REASONS = new Set<ReportSkipReason>(['too-large', 'too-complex', 'unreadable']);

/**
 * Skips that may hide Bedrock use: text we would have analysed but could not. Binaries, special files and
 * files in languages we do not analyse cannot hold code the engine reads.
 */
export function isUnverifiedSkip(file: Pick<FileResult, 'skipped'>): boolean {
  return file.skipped !== undefined && UNVERIFIED_REASONS.has(file.skipped.reason);
}
