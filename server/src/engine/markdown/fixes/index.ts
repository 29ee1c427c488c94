import * as l10n from '@vscode/l10n';
import type { FixProposal, TextEdit } from '../../fixTypes';
import type { AnalyzeInput, Finding } from '../../types';
import { documentTarget } from '../documentTarget';
import { fenceKindOf } from '../fenceLanguage';
import { type MarkdownDocument, parseMarkdown } from '../parseMarkdown';
import { cliInvokeModelFix } from './cliInvokeModelFix';
import { assessmentFix } from './frontMatterFixes';
import { type LocatedBlock, locateCodeBlock } from './locateBlock';
import { pythonClientFix } from './python/pythonClientFix';
import { pythonConverseFix } from './python/pythonConverseFix';
import { pythonInvokeModelFix } from './python/pythonInvokeModelFix';
import { type ScriptFixer, scriptFenceFixes } from './scriptFenceFixes';

export type { ScriptFixer } from './scriptFenceFixes';

/**
 * Fixes for one finding of a Markdown document: Python and CLI rewrites inside fences, front matter and
 * heading corrections, and (through `scriptFixer`, the TypeScript fix engine) rewrites inside TS/JS fences.
 * Edits are document offsets, minimal, and keep the fence's indentation, container prefixes and line breaks.
 * Python fixes need initPythonParser() to have finished; before that they are not offered.
 */
export function markdownFixesForFinding(input: AnalyzeInput, finding: Finding, scriptFixer?: ScriptFixer): FixProposal[] {
  return fixesIn(parseMarkdown(input.text), input, finding, scriptFixer);
}

/** Every preferred fix in the document merged into one proposal; overlapping fixes after the first are left out. */
export function markdownFixAll(input: AnalyzeInput, findings: readonly Finding[], scriptFixer?: ScriptFixer): FixProposal | undefined {
  const document = parseMarkdown(input.text);
  const accepted: TextEdit[] = [];
  for (const finding of findings) {
    if (!finding.fixable) continue;
    const fix = fixesIn(document, input, finding, scriptFixer).find((proposal) => proposal.isPreferred);
    if (!fix || fix.createFiles?.length) continue;
    const fresh = fix.edits.filter((edit) => !accepted.some((other) => sameEdit(edit, other)));
    if (fresh.some((edit) => accepted.some((other) => overlaps(edit, other)))) continue;
    accepted.push(...fresh);
  }
  if (accepted.length === 0) return undefined;
  return { title: 'Fix all Bedrock findings in this document', kind: 'quickfix', edits: accepted.sort((a, b) => a.range.start - b.range.start) };
}

/**
 * Why fix-all cannot change each fixable finding of the document (by finding), for the ones it cannot: no fix applies
 * in its block, or the fix would have to create a module (the Converse adapter, a provider or chat model module),
 * which a code block cannot import. Overlapping fixes are not counted here: the first one fixes the same code.
 */
export function markdownFixAllRefusals(input: AnalyzeInput, findings: readonly Finding[], scriptFixer?: ScriptFixer): Map<Finding, string> {
  const refusals = new Map<Finding, string>();
  if (!findings.some((finding) => finding.fixable)) return refusals;
  const document = parseMarkdown(input.text);
  for (const finding of findings) {
    if (!finding.fixable) continue;
    const fix = fixesIn(document, input, finding, scriptFixer).find((proposal) => proposal.isPreferred);
    if (!fix) refusals.set(finding, l10n.t('no rewrite applies to this code block'));
    else if (fix.createFiles?.length) {
      refusals.set(finding, l10n.t('in a Markdown code block the rewrite would need the {0} module the fix creates; migrate the code in a source file, then copy it back', fix.createFiles[0].path.split('/').pop() ?? ''));
    }
  }
  return refusals;
}

function fixesIn(document: MarkdownDocument, input: AnalyzeInput, finding: Finding, scriptFixer: ScriptFixer | undefined): FixProposal[] {
  if (finding.ruleId.startsWith('assessment/')) {
    const fix = assessmentFix(document, finding);
    return fix ? [fix] : [];
  }
  const located = locateCodeBlock(document, finding.range);
  if (!located) return [];
  const settings = documentTarget(document.frontMatter, input.settings).settings;
  if (finding.data.embedded === 'script') return scriptFixer ? scriptFenceFixes(located, input, finding, scriptFixer) : [];
  const fix = fenceFix(located, finding, settings);
  return fix ? [{ ...fix, edits: fix.edits.map((edit) => located.map.toDocumentEdit(edit)) }] : [];
}

function fenceFix(located: LocatedBlock, finding: Finding, settings: AnalyzeInput['settings']): FixProposal | undefined {
  const { block, local } = located;
  switch (finding.data.fix) {
    case 'python-client':
      return pythonClientFix(block.text, local);
    case 'python-invoke-model':
      return pythonInvokeModelFix(block.text, local, settings);
    case 'python-converse':
      return pythonConverseFix(block.text, local, settings);
    case 'cli-invoke-model': {
      const kind = fenceKindOf(block.info, block.text);
      return kind?.kind === 'shell' ? cliInvokeModelFix(block.text, local, kind.dialect, kind.transcript, settings) : undefined;
    }
    default:
      return undefined;
  }
}

function sameEdit(a: TextEdit, b: TextEdit): boolean {
  return a.range.start === b.range.start && a.range.end === b.range.end && a.newText === b.newText;
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (a.range.start === a.range.end || b.range.start === b.range.end) {
    // Two insertions at one point would interleave; an insertion strictly inside a replacement overlaps it.
    return a.range.start === b.range.start && a.range.end === b.range.end
      ? true
      : a.range.start < b.range.end && b.range.start < a.range.end;
  }
  return a.range.start < b.range.end && b.range.start < a.range.end;
}
