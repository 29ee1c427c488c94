// One file of the report's scan analysed in the report's language, with what its folder's migration plan needs of it.
import { analyzeKeepingTree } from '../../engine/fixes/analyzeWithFixability';
import { isScriptLanguage } from '../../engine/languages';
import { withLocale, type Locale } from '../../engine/l10n';
import { mayImportMigrationPackages, packageImportsOf } from '../../engine/project/localImports';
import { initPythonParser } from '../../engine/python/pythonParser';
import type { AnalyzeLimits, CancellationToken } from '../../engine/types';
import type { PackageContexts } from '../../workspace/packageContexts';
import type { SkippedFile, SourceFile } from '../../workspace/types';
import type { FileAnalysis } from './reportCache';
import type { ReportScanFolder } from './reportScanFolder';
import { mayRefine, refineForReport } from './reportRefinement';

/** What the analysis reads of a file: a file read from disk, or a document as it is open in the editor. */
export type ReportSource = Pick<SourceFile, 'kind' | 'relativePath' | 'absolutePath' | 'languageId' | 'text' | 'notices'>;

/**
 * The file's analysis. A script with a fixable finding is also refined (reportRefinement.ts) on the analysis's own
 * parse, kept for the folder's plan: refined later it would be parsed and analysed again. `limits`: the engine's
 * length limit, for a text the reader did not check against the folder's size limit (an open document's).
 */
export async function analyzeReportFile(
  file: ReportSource | SkippedFile, folder: ReportScanFolder, options: { locale: Locale; token?: CancellationToken; limits?: AnalyzeLimits },
  packages: PackageContexts,
): Promise<FileAnalysis> {
  if (file.kind === 'skipped') return { findings: [], skipped: { reason: file.reason, message: file.message } };
  // Python fences in Markdown need the tree-sitter grammar, loaded once, on the first Markdown file.
  if (file.languageId === 'markdown') await initPythonParser();
  const input = { text: file.text, languageId: file.languageId, settings: folder.settings, fileName: file.relativePath, token: options.token };
  const { result: analysis, tree } = withLocale(options.locale, () => analyzeKeepingTree(input, options.limits));
  if (analysis.skipped) return { languageId: file.languageId, findings: [], skipped: { reason: analysis.skipped.reason, message: analysis.skipped.message } };
  if (analysis.findings.length > 0) {
    if (tree && mayRefine(analysis.findings)) {
      const place = { path: file.relativePath, languageId: file.languageId, packageContext: packages.contextOf(file.absolutePath), settings: folder.settings, locale: options.locale };
      refineForReport(file.text, analysis.findings, place, tree);
    }
    const notUtf8 = file.notices.some((notice) => notice.reason === 'invalid-utf8');
    return { languageId: file.languageId, findings: analysis.findings, text: file.text, ...(notUtf8 ? { notUtf8 } : {}) };
  }
  // A quiet script matters to the migration plan only through imports of the packages it reads (as in the CLI).
  const matters = isScriptLanguage(file.languageId) && mayImportMigrationPackages(file.text);
  return { languageId: file.languageId, findings: [], ...(matters ? { imports: packageImportsOf(file.text) } : {}) };
}
