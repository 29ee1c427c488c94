import type { FixProposal } from '../../fixTypes';
import type { AnalyzeInput, Finding } from '../../types';
import { fenceKindOf } from '../fenceLanguage';
import type { LocatedBlock } from './locateBlock';

/** The TypeScript fix engine's entry point (`fixesForFinding` in engine/fixes), passed in to avoid an import cycle. */
export type ScriptFixer = (input: AnalyzeInput, finding: Finding) => FixProposal[];

/** TS/JS fence fixes: the finding is moved into fence offsets, fixed as a script, and the edits mapped back. */
export function scriptFenceFixes(located: LocatedBlock, input: AnalyzeInput, finding: Finding, fixer: ScriptFixer): FixProposal[] {
  const kind = fenceKindOf(located.block.info, located.block.text);
  if (kind?.kind !== 'script') return [];
  const fenceInput: AnalyzeInput = { text: located.block.text, languageId: kind.languageId, settings: input.settings, fileName: kind.fileName };
  const localFinding: Finding = { ...finding, range: located.local };
  return fixer(fenceInput, localFinding).map((proposal) => ({
    ...proposal,
    edits: proposal.edits.map((edit) => located.map.toDocumentEdit(edit)),
  }));
}
