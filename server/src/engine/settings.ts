import type { EndpointMapping, EngineSettings, RuleId, Severity, TargetRegion } from './types';

export const TARGET_REGIONS: readonly TargetRegion[] = ['cn-north-1', 'cn-northwest-1'];

export const DEFAULT_SETTINGS: EngineSettings = Object.freeze({
  targetRegion: 'cn-northwest-1',
  endpoints: {},
  rules: {},
  adapterPath: 'src/sagemaker-converse.ts',
}) as EngineSettings;

const SEVERITIES = new Set<string>(['error', 'warning', 'information', 'hint', 'off']);

/**
 * Normalises an untrusted settings object (from VS Code, a CLI flag or JSON) over the defaults, so a
 * `null` reply or a half-filled object still gives complete, valid settings.
 */
export function normalizeSettings(raw: unknown): EngineSettings {
  const input = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const targetRegion = TARGET_REGIONS.includes(input.targetRegion as TargetRegion)
    ? (input.targetRegion as TargetRegion)
    : DEFAULT_SETTINGS.targetRegion;
  return {
    targetRegion,
    endpoints: normalizeEndpoints(input.endpoints),
    rules: normalizeRules(input.rules),
    adapterPath: typeof input.adapterPath === 'string' && input.adapterPath.trim() !== ''
      ? input.adapterPath.trim()
      : DEFAULT_SETTINGS.adapterPath,
  };
}

function normalizeEndpoints(raw: unknown): Record<string, EndpointMapping> {
  const result: Record<string, EndpointMapping> = {};
  if (!raw || typeof raw !== 'object') return result;
  for (const [modelId, value] of Object.entries(raw as Record<string, unknown>)) {
    const entry = typeof value === 'string' ? { endpointName: value } : (value as Record<string, unknown> | null);
    if (!entry || typeof entry.endpointName !== 'string' || entry.endpointName === '') continue;
    result[modelId] = {
      endpointName: entry.endpointName,
      ...(typeof entry.inferenceComponentName === 'string' && entry.inferenceComponentName !== ''
        ? { inferenceComponentName: entry.inferenceComponentName }
        : {}),
      container: entry.container === 'tgi' ? 'tgi' : 'lmi',
    };
  }
  return result;
}

function normalizeRules(raw: unknown): Partial<Record<RuleId, Severity | 'off'>> {
  const result: Partial<Record<RuleId, Severity | 'off'>> = {};
  if (!raw || typeof raw !== 'object') return result;
  for (const [id, level] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof level === 'string' && SEVERITIES.has(level)) result[id as RuleId] = level as Severity | 'off';
  }
  return result;
}
