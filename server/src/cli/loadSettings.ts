import * as l10n from '@vscode/l10n';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { normalizeSettings, TARGET_REGIONS } from '../engine/settings';
import type { EngineSettings, TargetRegion } from '../engine/types';
import { describeIoError } from '../workspace/ioErrors';
import { CliError } from './cliError';

const KNOWN_KEYS = new Set(['targetRegion', 'endpoints', 'rules', 'adapterPath']);

export interface LoadedSettings {
  settings: EngineSettings;
  /** Things worth a line on stderr that do not stop the scan (e.g. a misspelt key). */
  warnings: string[];
}

/**
 * Settings from an optional `--config` JSON file (the same shape as the editor settings, without the
 * `bedrockToSagemaker.` prefix), then `--region` on top. A config that cannot be read or parsed is an error,
 * not a silent fallback to defaults: CI would otherwise pass with the wrong endpoints.
 */
export async function loadSettings(configPath: string | undefined, region: TargetRegion | undefined, cwd: string): Promise<LoadedSettings> {
  const raw = configPath === undefined ? {} : await readConfig(resolve(cwd, configPath), configPath);
  const warnings = Object.keys(raw)
    .filter((key) => !KNOWN_KEYS.has(key))
    .map((key) => l10n.t('Ignoring unknown setting "{0}" in {1}.', key, configPath ?? ''));
  if (raw.targetRegion !== undefined && !TARGET_REGIONS.includes(raw.targetRegion as TargetRegion)) {
    warnings.push(l10n.t('Ignoring targetRegion {0} in {1}: expected one of {2}.', JSON.stringify(raw.targetRegion), configPath ?? '', TARGET_REGIONS.join(', ')));
  }
  const settings = normalizeSettings(region ? { ...raw, targetRegion: region } : raw);
  return { settings, warnings };
}

async function readConfig(path: string, shownPath: string): Promise<Record<string, unknown>> {
  let content: string;
  try {
    content = await readFile(path, 'utf8');
  } catch (error) {
    throw new CliError(l10n.t('Cannot read the config file {0} ({1}).', shownPath, describeIoError(error)));
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(content.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new CliError(l10n.t('The config file {0} is not valid JSON: {1}', shownPath, (error as Error).message));
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new CliError(l10n.t('The config file {0} must contain a JSON object.', shownPath));
  }
  return parsed as Record<string, unknown>;
}
