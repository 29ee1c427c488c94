import * as l10n from '@vscode/l10n';
import { DEFAULT_SETTINGS } from '../engine/settings';
import { DEFAULT_MAX_FILE_SIZE_BYTES, SOURCE_FILE_EXTENSIONS, SOURCE_FILE_NAMES } from '../workspace';
import { TOOL_NAME } from '../formats/toolInfo';

export function usageText(): string {
  return [
    l10n.t('Finds Amazon Bedrock usage (unavailable in the AWS China regions) and its SageMaker Runtime equivalent.'),
    '',
    l10n.t('Usage: {0} scan [paths...] [options]', TOOL_NAME),
    '',
    l10n.t('Scans the given files and folders (default: the current folder). Folders are walked recursively,'),
    l10n.t('honouring .gitignore and skipping node_modules, dot-folders, out, dist, build and coverage.'),
    l10n.t('File types: {0}', [...SOURCE_FILE_EXTENSIONS, ...SOURCE_FILE_NAMES].join(' ')),
    '',
    l10n.t('Options:'),
    ...alignColumns([
      ['-f, --format text|json|sarif', l10n.t('output format (default: text)')],
      ['--region cn-north-1|cn-northwest-1', l10n.t('target China region (default: {0})', DEFAULT_SETTINGS.targetRegion)],
      ['--config <file.json>', l10n.t('settings file: {"targetRegion", "endpoints", "rules", "adapterPath"}')],
      ['--max-file-size <kb>', l10n.t('skip larger files (default: {0})', DEFAULT_MAX_FILE_SIZE_BYTES / 1024)],
      ['--lang en|zh-cn', l10n.t('message language (default: from LC_ALL / LANG)')],
      ['--fix', l10n.t('apply every safe fix in place (created files go under the current folder), then report what is left')],
      ['--no-fail-on-skipped', l10n.t('do not fail (exit 3) when files were skipped as too large, too deep, binary or unreadable')],
      ['--exit-zero', l10n.t('exit with 0 even when there are findings (errors still exit with 2)')],
      ['-h, --help', l10n.t('show this help')],
      ['-v, --version', l10n.t('show the version')],
    ]),
    '',
    l10n.t('Exit codes: 0 no findings, 1 findings, 2 usage or I/O error, 3 files skipped, 4 --fix could not write some files.'),
    l10n.t('Ctrl+C cancels with exit code 130 and "cancelled" on stderr; nothing is left half-written (with --fix, the files fixed so far stay fixed: run it again to finish).'),
    '',
    l10n.t('Other commands: "{0} report --help" (migration report), "{0} endpoints --help" (SageMaker endpoints of your China account; the only command that uses the network).', TOOL_NAME),
    '',
  ].join('\n');
}

function alignColumns(rows: ReadonlyArray<readonly [string, string]>): string[] {
  const width = Math.max(...rows.map(([flag]) => flag.length));
  return rows.map(([flag, description]) => `  ${flag.padEnd(width)}  ${description}`);
}
