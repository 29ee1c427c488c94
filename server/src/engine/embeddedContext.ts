import type { FindingDraft } from './finding';
import type { EngineSettings } from './types';

/**
 * What a detector for embedded code (a Markdown fence, an inline code span) needs: settings and a sink for
 * findings whose ranges are offsets into the text it was given. What `scanValue` reports through.
 */
export interface EmbeddedContext {
  readonly settings: EngineSettings;
  report(draft: FindingDraft): void;
}
