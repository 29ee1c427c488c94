// Which risks the report lists. Each risk has a condition on what the scan found; texts are in strings.ts.
import type { RuleId } from '../engine/types';
import type { RiskId } from './types';

export interface RiskFacts {
  rules: ReadonlySet<RuleId>;
  /** At least one finding names a Bedrock service (so the code cannot run unchanged in the target region). */
  usesBedrock: boolean;
  /** Findings in Markdown documents. */
  documentFindings: number;
  unverifiedFiles: number;
}

const STREAMING_RULES: readonly RuleId[] = ['bedrock/invoke-model-stream', 'bedrock/converse-stream', 'bedrock/bidirectional-stream'];
const CALL_RULES: readonly RuleId[] = ['bedrock/invoke-model', 'bedrock/converse', 'bedrock/langchain', 'bedrock/ai-sdk', 'bedrock/llamaindex', 'bedrock/openai-compatible', ...STREAMING_RULES];
const CREDENTIAL_RULES: readonly RuleId[] = ['bedrock/api-key', 'bedrock/openai-compatible'];

/** Risks in a fixed order, most severe first. The snapshot note is always last. */
export function selectRisks(facts: RiskFacts): RiskId[] {
  const has = (rules: readonly RuleId[]) => rules.some((rule) => facts.rules.has(rule));
  const risks: RiskId[] = [];
  if (facts.usesBedrock) risks.push('service-unavailable');
  if (facts.rules.has('bedrock/model-id')) risks.push('model-availability');
  if (has(CALL_RULES)) risks.push('api-compatibility');
  if (has(STREAMING_RULES)) risks.push('streaming');
  if (facts.usesBedrock) risks.push('cost-model');
  if (has(CREDENTIAL_RULES)) risks.push('credentials');
  if (facts.documentFindings > 0) risks.push('documentation');
  if (facts.unverifiedFiles > 0) risks.push('unscanned-files');
  risks.push('snapshot');
  return risks;
}
