import * as l10n from '@vscode/l10n';
import { normalizeSettings, TARGET_REGIONS } from '../engine/settings';
import type { EngineSettings, TargetRegion } from '../engine/types';
import { type ConfigLayer, type ConfigRequest, configLayers } from './config/discoverConfig';

export interface LoadedSettings {
  settings: EngineSettings;
  /** Things worth a line on stderr that do not stop the scan (e.g. a misspelt key). */
  warnings: string[];
  /** Where each setting came from: a file path, `--region` or `default`. */
  sources: Record<string, string>;
}

/**
 * Settings from `--config` (a path), or, given a `ConfigRequest` without one, from the scanned workspace's
 * `.vscode/settings.json` and a `bedrock-to-sagemaker.config.json` found upwards (see configLayers); then `--region`
 * on top. A config that cannot be read or parsed is an error, not a silent fallback to defaults: CI would otherwise
 * pass with the wrong endpoints.
 */
export async function loadSettings(config: string | ConfigRequest | undefined, region: TargetRegion | undefined, cwd: string): Promise<LoadedSettings> {
  const request: ConfigRequest = typeof config === 'object' ? config : { explicit: config, searchFrom: [] };
  const { layers, warnings } = request.explicit === undefined && request.searchFrom.length === 0
    ? { layers: [] as ConfigLayer[], warnings: [] as string[] }
    : configLayers(request, cwd);
  const raw: Record<string, unknown> = {};
  const sources: Record<string, string> = {};
  for (const layer of layers) {
    if (layer.values.targetRegion !== undefined && !TARGET_REGIONS.includes(layer.values.targetRegion as TargetRegion)) {
      warnings.push(l10n.t('Ignoring targetRegion {0} in {1}: expected one of {2}.', JSON.stringify(layer.values.targetRegion), layer.source, TARGET_REGIONS.join(', ')));
    }
    for (const [key, value] of Object.entries(layer.values)) {
      if (key === 'targetRegion' && !TARGET_REGIONS.includes(value as TargetRegion)) continue;
      raw[key] = value;
      sources[key] = layer.source;
    }
  }
  if (region) {
    raw.targetRegion = region;
    sources.targetRegion = '--region';
  }
  const settings = normalizeSettings(raw);
  for (const key of Object.keys(settings)) sources[key] ??= 'default';
  return { settings, warnings, sources };
}
