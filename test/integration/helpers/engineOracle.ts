// The expected result of a fix, computed by the engine itself. The editor tests check the plumbing (VS Code
// gets, applies and saves exactly what the engine computes: offsets, versions, the created adapter file),
// not the rewrites: those have golden fixtures in test/fixtures/fixes, and rewording a TODO there must not
// break this suite.
import { analyze } from '../../../server/src/engine/analyze';
import { applyEdits, fixAll } from '../../../server/src/engine/fixes';
import { normalizeSettings } from '../../../server/src/engine/settings';
import type { LanguageId } from '../../../server/src/engine/types';

export interface ExpectedFix {
  text: string;
  /** Files the fix creates, by workspace-relative path. */
  createdFiles: Map<string, string>;
}

/** `text` after every safe fix ("Migrate this file"), with the settings given as in VS Code (no prefix). */
export function engineFixAll(text: string, languageId: LanguageId, settings: Record<string, unknown>, workspaceRelativePath: string): ExpectedFix {
  const input = { text, languageId, settings: normalizeSettings(settings), fileName: workspaceRelativePath, workspaceRelativePath };
  const proposal = fixAll(input, analyze(input).findings);
  if (!proposal) throw new Error(`the engine has no fix for ${workspaceRelativePath}`);
  return {
    text: applyEdits(text, proposal.edits),
    createdFiles: new Map((proposal.createFiles ?? []).map((file) => [file.path, file.content])),
  };
}
