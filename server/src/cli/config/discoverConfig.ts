import * as l10n from '@vscode/l10n';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, parse as parsePath, relative, resolve } from 'node:path';
import { type ParseError, parse, printParseErrorCode } from '../../engine/jsonc';
import { CONFIG_FILE_NAME, SETTINGS_SECTION, isCliSettingKey, isEditorOnlySettingKey } from '../../settingsSchema';
import { describeIoError } from '../../workspace/ioErrors';
import { CliError } from '../cliError';

export { CONFIG_FILE_NAME };
const VSCODE_SETTINGS = join('.vscode', 'settings.json');

/** Where the CLI's settings come from: an explicit `--config`, or discovery upwards from the scanned paths. */
export interface ConfigRequest {
  explicit?: string;
  searchFrom: readonly string[];
}

/** One configuration layer: the keys it sets (without the section prefix) and where it was read. */
export interface ConfigLayer {
  /** Path as given (`--config`) or relative to the current folder (discovered files). */
  source: string;
  values: Record<string, unknown>;
}

/**
 * The layers to apply, lowest precedence first. With `--config`, that file alone (a CI run then does not depend on
 * what else lies around). Otherwise the workspace's `.vscode/settings.json` (its `bedrockToSagemaker.*` keys), then
 * a `bedrock-to-sagemaker.config.json`: each the nearest one found from the first scanned path upwards, stopping at
 * the repository root (the folder with `.git`). Files are JSONC (comments and trailing commas), like VS Code's.
 */
export function configLayers(request: ConfigRequest, cwd: string): { layers: ConfigLayer[]; warnings: string[] } {
  const warnings: string[] = [];
  if (request.explicit !== undefined) {
    const values = readJsonc(resolve(cwd, request.explicit), request.explicit);
    return { layers: [{ source: request.explicit, values: cliKeys(values, request.explicit, false, warnings) }], warnings };
  }
  const start = searchStart(request.searchFrom, cwd);
  const layers: ConfigLayer[] = [];
  const vscode = findUpwards(start, VSCODE_SETTINGS);
  if (vscode) {
    const shown = shownPath(vscode, cwd);
    layers.push({ source: shown, values: cliKeys(unprefixed(readJsonc(vscode, shown)), shown, true, warnings) });
  }
  const config = findUpwards(start, CONFIG_FILE_NAME);
  if (config) {
    const shown = shownPath(config, cwd);
    layers.push({ source: shown, values: cliKeys(readJsonc(config, shown), shown, false, warnings) });
  }
  return { layers, warnings };
}

/** The folder discovery starts from: the first scanned path (its folder when it is a file). */
function searchStart(paths: readonly string[], cwd: string): string {
  const first = resolve(cwd, paths[0] ?? '.');
  try {
    return statSync(first).isDirectory() ? first : dirname(first);
  } catch {
    return cwd;
  }
}

/** The nearest `name` in `from` or a parent folder, not above the repository root (or the file system root). */
export function findUpwards(from: string, name: string): string | undefined {
  let folder = from;
  for (;;) {
    const candidate = join(folder, name);
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    if (existsSync(join(folder, '.git'))) return undefined;
    const parent = dirname(folder);
    if (parent === folder || folder === parsePath(folder).root) return undefined;
    folder = parent;
  }
}

function shownPath(path: string, cwd: string): string {
  const shown = relative(cwd, path);
  return shown === '' || shown.startsWith('..') ? path : shown;
}

/** `bedrockToSagemaker.targetRegion` → `targetRegion`; other extensions' settings are dropped. */
function unprefixed(values: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  const prefix = `${SETTINGS_SECTION}.`;
  for (const [key, value] of Object.entries(values)) if (key.startsWith(prefix)) result[key.slice(prefix.length)] = value;
  // VS Code also accepts the nested form: "bedrockToSagemaker": { "targetRegion": ... }.
  const nested = values[SETTINGS_SECTION];
  if (nested && typeof nested === 'object' && !Array.isArray(nested)) {
    for (const [key, value] of Object.entries(nested as Record<string, unknown>)) if (!(key in result)) result[key] = value;
  }
  return result;
}

/** The keys the CLI reads; a key no setting has is warned about (editor-only settings are skipped quietly). */
function cliKeys(values: Record<string, unknown>, shown: string, prefixed: boolean, warnings: string[]): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (isCliSettingKey(key)) result[key] = value;
    else if (!isEditorOnlySettingKey(key)) warnings.push(l10n.t('Ignoring unknown setting "{0}" in {1}.', prefixed ? `${SETTINGS_SECTION}.${key}` : key, shown));
  }
  return result;
}

function readJsonc(path: string, shown: string): Record<string, unknown> {
  let content: string;
  try {
    content = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CliError(l10n.t('Cannot read the config file {0} ({1}).', shown, describeIoError(error)));
  }
  const errors: ParseError[] = [];
  const parsed: unknown = parse(content.replace(/^\uFEFF/, ''), errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0) {
    const position = lineAndColumn(content, errors[0].offset);
    throw new CliError(l10n.t('The config file {0} is not valid JSON: {1}', shown, `${position} (${printParseErrorCode(errors[0].error)})`));
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new CliError(l10n.t('The config file {0} must contain a JSON object.', shown));
  }
  return parsed as Record<string, unknown>;
}

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${before[before.length - 1].length + 1}`;
}
