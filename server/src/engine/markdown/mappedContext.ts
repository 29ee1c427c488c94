import type { EmbeddedContext } from '../embeddedContext';
import { createFinding } from '../finding';
import type { EngineSettings, Finding } from '../types';
import type { FenceMap } from './fenceMap';

/** Where a finding in a Markdown document came from; fixes and the assessment checks read it. */
export type EmbeddedKind = 'script' | 'python' | 'shell' | 'data' | 'inline';

/** A context whose findings are created with `settings` and mapped from block offsets to document offsets. */
export function mappedContext(map: FenceMap, settings: EngineSettings, embedded: EmbeddedKind, sink: Finding[]): EmbeddedContext {
  return {
    settings,
    report(draft) {
      const finding = createFinding(draft, settings);
      if (finding) sink.push(toDocument(finding, map, embedded));
    },
  };
}

export function toDocument(finding: Finding, map: FenceMap, embedded: EmbeddedKind): Finding {
  const range = map.toDocumentRange(finding.range);
  // Inline code is a mention in running text: there is no command or statement to rewrite.
  if (embedded === 'inline') return { ...finding, range, fixable: false, data: { ...finding.data, fix: undefined, embedded } };
  return { ...finding, range, data: { ...finding.data, embedded } };
}

/** Code that runs (as opposed to data and inline mentions): the assessment's feasibility check counts these. */
export function isRunnableCodeFinding(finding: Finding): boolean {
  const embedded = finding.data.embedded;
  return embedded === 'script' || embedded === 'python' || embedded === 'shell';
}
