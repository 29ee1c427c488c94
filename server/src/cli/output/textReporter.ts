import * as l10n from '@vscode/l10n';
import { ownTargetRegion } from '../../engine/markdown/documentTarget';
import type { Category, TargetRegion } from '../../engine/types';
import type { FileScanResult } from '../../workspace';
import { createStyle, type Style } from './ansiStyle';
import type { FileMessage } from '../../formats/jsonReport';
import type { Reporter, ReportContext } from './reporter';
import { ScanTally } from './scanTally';
import { escapeControl } from '../../formats/terminalText';

/**
 * Human-readable output, streamed file by file so a large tree shows progress. Each finding is one
 * `path:line:col severity ruleId message` line, the shape terminals and problem matchers link.
 */
export class TextReporter implements Reporter {
  private readonly tally = new ScanTally();
  private readonly style: Style;
  /** Markdown files whose front matter `target_region` (a China region other than the setting) judged their findings. */
  private readonly ownRegions = new Map<TargetRegion, number>();

  constructor(private readonly context: ReportContext) {
    this.style = createStyle(context.stdout, context.env);
  }

  get findingCount(): number {
    return this.tally.findingCount;
  }

  get skipped(): readonly FileMessage[] {
    return this.tally.skipped;
  }

  addFile(result: FileScanResult): void {
    if (result.kind === 'scanned' && result.languageId === 'markdown') {
      const own = ownTargetRegion(result.document.getText(), this.context.settings);
      if (own) this.ownRegions.set(own, (this.ownRegions.get(own) ?? 0) + 1);
    }
    const noticesBefore = this.tally.notices.length;
    const findings = this.tally.add(result);
    const notices = this.tally.notices.slice(noticesBefore);
    if (findings.length === 0 && notices.length === 0) return;
    // Everything from the repository (names, quoted literals) is escaped: it must not drive the terminal.
    const lines = [this.style.underline(escapeControl(result.relativePath))];
    for (const finding of findings) {
      const where = `${escapeControl(finding.file)}:${finding.line}:${finding.column}`;
      lines.push(`  ${where} ${this.style.severity(finding.severity, finding.severity)} ${this.style.dim(finding.ruleId)} ${escapeControl(finding.message)}`);
    }
    for (const notice of notices) lines.push(`  ${this.style.dim(l10n.t('note: {0}', escapeControl(notice.message)))}`);
    this.write(lines);
  }

  finish(): void {
    const { skipped } = this.tally;
    if (skipped.length > 0) {
      this.write([
        this.style.bold(l10n.t('Skipped {0} file(s):', skipped.length)),
        ...skipped.map((file) => `  ${escapeControl(file.file)}: ${escapeControl(file.message)}`),
      ]);
    }
    this.context.stdout.write(`${this.summary()}\n`);
  }

  private summary(): string {
    const { filesScanned, findingCount, filesWithFindings } = this.tally;
    const region = this.regions();
    if (filesScanned === 0 && this.tally.skipped.length === 0) {
      return l10n.t('No TypeScript, JavaScript or Markdown files found in {0}.', this.context.paths.map((path) => escapeControl(JSON.stringify(path))).join(', '));
    }
    if (findingCount === 0) {
      return this.style.bold(l10n.t('No Amazon Bedrock usage found in {0} file(s) (target region {1}).', filesScanned, region));
    }
    return this.style.bold(l10n.t(
      '{0} finding(s) in {1} of {2} scanned file(s), target region {3}: {4}.',
      findingCount, filesWithFindings, filesScanned, region, this.categoryCounts(),
    ));
  }

  /**
   * The region findings were judged with: the setting, then each front-matter region with its file count, in a form
   * that needs no translation (`cn-northwest-1; cn-north-1 × 2 (target_region)`).
   */
  private regions(): string {
    const own = [...this.ownRegions].map(([region, files]) => `${region} × ${files} (target_region)`);
    return [this.context.settings.targetRegion, ...own].join('; ');
  }

  private categoryCounts(): string {
    const labels: Record<Category, string> = {
      'has-equivalent': l10n.t('{0} with a SageMaker equivalent', this.tally.findingsByCategory['has-equivalent']),
      manual: l10n.t('{0} needing manual migration', this.tally.findingsByCategory.manual),
      'no-equivalent': l10n.t('{0} with no equivalent in China', this.tally.findingsByCategory['no-equivalent']),
    };
    return Object.values(labels).join(', ');
  }

  private write(lines: string[]): void {
    this.context.stdout.write(`${lines.join('\n')}\n\n`);
  }
}
