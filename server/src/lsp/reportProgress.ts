import * as l10n from '@vscode/l10n';
import type { WorkDoneProgressReporter } from 'vscode-languageserver';

// Often enough to look live, rare enough not to flood the connection during a 10,000-file scan.
const MIN_INTERVAL_MS = 100;

/** Work-done progress with file counts ("1,234 files scanned"), at most every 100 ms. */
export class ScanProgress {
  private lastReport = 0;

  constructor(private readonly reporter: WorkDoneProgressReporter, title: string) {
    reporter.begin(title, undefined, l10n.t('Looking for files…'), true);
  }

  filesDone(count: number): void {
    const now = Date.now();
    if (now - this.lastReport < MIN_INTERVAL_MS) return;
    this.lastReport = now;
    this.reporter.report(l10n.t('{0} files scanned', count.toLocaleString('en-US')));
  }

  done(): void {
    this.reporter.done();
  }
}
