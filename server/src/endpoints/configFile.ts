// Merges a proposed `endpoints` mapping into a JSON settings file (the shape `--config` reads), keeping every other key.
import type { EndpointMapping } from '../engine/types';

export interface MergeOutcome {
  text: string;
  added: string[];
  updated: string[];
  unchanged: string[];
}

/**
 * `existing` is the file's text (undefined: a new file). Entries of the mapping replace entries with the same model id;
 * other entries and keys stay. Throws a SyntaxError/TypeError for a file that is not a JSON object, so nothing is lost.
 */
export function mergeEndpointsConfig(existing: string | undefined, mapping: Readonly<Record<string, EndpointMapping>>): MergeOutcome {
  const parsed: unknown = existing === undefined || existing.trim() === '' ? {} : JSON.parse(existing.replace(/^\uFEFF/, ''));
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new TypeError('not a JSON object');
  const config = parsed as Record<string, unknown>;
  const current = config.endpoints && typeof config.endpoints === 'object' && !Array.isArray(config.endpoints)
    ? { ...(config.endpoints as Record<string, unknown>) } : {};
  const outcome: MergeOutcome = { text: '', added: [], updated: [], unchanged: [] };
  for (const [modelId, entry] of Object.entries(mapping)) {
    const before = current[modelId];
    if (before === undefined) outcome.added.push(modelId);
    else if (JSON.stringify(before) === JSON.stringify(entry)) outcome.unchanged.push(modelId);
    else outcome.updated.push(modelId);
    current[modelId] = entry;
  }
  config.endpoints = current;
  const indent = existing ? /\n([ \t]+)"/.exec(existing)?.[1] ?? 2 : 2;
  const newline = existing?.includes('\r\n') ? '\r\n' : '\n';
  outcome.text = `${JSON.stringify(config, null, indent).replace(/\n/g, newline)}${newline}`;
  return outcome;
}
