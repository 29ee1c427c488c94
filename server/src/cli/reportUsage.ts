import * as l10n from '@vscode/l10n';
import { DEFAULT_SETTINGS } from '../engine/settings';
import { DEFAULT_MAX_FILE_SIZE_BYTES } from '../workspace';
import { TOOL_NAME } from '../formats/toolInfo';

export function reportUsageText(): string {
  return [
    l10n.t('Usage: {0} report [paths...] [options]', TOOL_NAME),
    '',
    l10n.t('Writes the migration report of the given files and folders (default: the current folder): feasibility,'),
    l10n.t('Bedrock services used, what can be fixed automatically, manual steps, risks. See docs/report.md.'),
    '',
    l10n.t('Options:'),
    `  -f, --format markdown|json|sarif  ${l10n.t('report format (default: markdown)')}`,
    `  -o, --out <file>                  ${l10n.t('write the report to a file (atomically) instead of standard output')}`,
    `  --force                           ${l10n.t('let --out replace an existing file that is not a report (never a scanned file)')}`,
    `  --no-fail-on-skipped              ${l10n.t('do not fail (exit 3) when files were skipped as too large, too deep, binary or unreadable')}`,
    `  --lang en|zh-cn                   ${l10n.t('report language (default: from LC_ALL / LANG)')}`,
    `  --exit-zero                       ${l10n.t('exit with 0 even when there are findings (errors still exit with 2)')}`,
    `  --region cn-north-1|cn-northwest-1  ${l10n.t('target China region (default: {0})', DEFAULT_SETTINGS.targetRegion)}`,
    `  --config <file.json>              ${l10n.t('settings: {"targetRegion", "endpoints", "rules", "adapterPath"}')}`,
    `  --max-file-size <kb>              ${l10n.t('skip larger files (default: {0})', DEFAULT_MAX_FILE_SIZE_BYTES / 1024)}`,
    `  -h, --help                        ${l10n.t('show this help')}`,
    '',
    l10n.t('Exit codes: 0 no findings, 1 findings, 2 usage or I/O error, 3 files skipped.'),
    l10n.t('Ctrl+C cancels with exit code 130 and "cancelled" on stderr; --out is then not written.'),
    '',
  ].join('\n');
}
