import type { FileScanResult } from '../workspace/types';

/** Where a Bedrock model id was found: `path:line`. */
export type ModelIdLocations = Map<string, string[]>;

/** The model ids of `bedrock/model-id` findings (their `data.modelId`), with the places they appear. */
export function collectModelIds(results: Iterable<FileScanResult>, into: ModelIdLocations = new Map()): ModelIdLocations {
  for (const result of results) {
    if (result.kind !== 'scanned') continue;
    for (const finding of result.findings) {
      if (finding.ruleId !== 'bedrock/model-id' || typeof finding.data.modelId !== 'string') continue;
      const line = result.document.positionAt(finding.range.start).line + 1;
      const places = into.get(finding.data.modelId) ?? [];
      places.push(`${result.relativePath}:${line}`);
      into.set(finding.data.modelId, places);
    }
  }
  return into;
}
