import * as l10n from '@vscode/l10n';
import ts from '../../typescript';
import { ruleMeta, withoutNonePrefix } from '../../rules';
import type { Finding, RuleId } from '../../types';
import type { FixContext } from '../fixContext';
import type { FixProposal } from '../../fixTypes';
import { todoAnchor, todoLine, todosAbove } from './todoComment';
import { nodeContaining } from './nodes';
import { servingRules } from '../../servesRules';

/** Rules whose findings get an optional "Insert migration note" action (there is nothing to rewrite). */
export const NOTE_RULES: ReadonlySet<RuleId> = new Set<RuleId>([
  'bedrock/guardrail', 'bedrock/count-tokens', 'bedrock/async-invoke', 'bedrock/bidirectional-stream', 'bedrock/agent',
  'bedrock/knowledge-base', 'bedrock/control-plane', 'bedrock/data-automation', 'bedrock/langchain', 'bedrock/ai-sdk',
  'bedrock/llamaindex', 'bedrock/openai-compatible', 'bedrock/api-key',
  'bedrock/model-id', 'bedrock/arn', 'bedrock/endpoint-host', 'bedrock/iam-action',
]);

/** Findings inside strings: their diagnostic already says exactly what to change, so the note repeats it. */
const STRING_RULES: ReadonlySet<RuleId> = new Set<RuleId>(['bedrock/model-id', 'bedrock/arn', 'bedrock/endpoint-host', 'bedrock/iam-action']);

/** What the note says: the alternative for a rule with no equivalent, or why a rewrite was not done. */
export function noteText(finding: Finding, region: string, reason?: string): string {
  if (!reason && STRING_RULES.has(finding.ruleId)) return finding.message;
  const title = ruleMeta(finding.ruleId).title();
  const name = finding.data.name ?? finding.data.className;
  const subject = typeof finding.data.operation === 'string' ? finding.data.operation
    : typeof name === 'string' ? `${title} (${name})` : title;
  const alternative = withoutNonePrefix(finding.equivalent);
  if (reason) return l10n.t('{0} was not rewritten to SageMaker Runtime automatically: {1}. Equivalent: {2}.', subject, reason, alternative);
  if (finding.category === 'manual') return l10n.t('manual step: {0} reaches Amazon Bedrock, which is not available in {1}. Alternative: {2}.', subject, region, alternative);
  return l10n.t('{0} has no equivalent in {1}. Alternative: {2}.', subject, region, alternative);
}

/** An optional edit that writes the note as a TODO comment above the statement; none when it is already there. */
export const noteProposal = servingRules([...NOTE_RULES], function noteProposal(context: FixContext, finding: Finding, reason?: string): FixProposal | undefined {
  const node = context.nodeOf(finding) ?? nodeContaining(context.sourceFile, finding.range);
  if (ts.isSourceFile(node)) return undefined;
  const { position, indent } = todoAnchor(context, node);
  const line = todoLine(noteText(finding, context.settings.targetRegion, reason));
  if (todosAbove(context.text, position).includes(line)) return undefined;
  return {
    title: l10n.t('Insert migration note'),
    kind: 'migration-note',
    edits: [{ range: { start: position, end: position }, newText: indent + line + context.style.eol }],
  };
});
