// Per-finding texts in the report's language. English comes from the engine; Chinese from the engine too, with
// the l10n bundle (l10n/bundle.l10n.zh-cn.json), the one source of Chinese text, when a finding was made in English.
import * as l10n from '@vscode/l10n';
import { withLocale, type Locale } from '../engine/l10n';
import { ruleMeta, withoutNonePrefix } from '../engine/rules';
import type { RuleId } from '../engine/types';
import { bucketOf } from './classify';
import type { LocatedFinding } from './types';

const CJK = /[\u3400-\u9fff]/;

export function ruleTitle(locale: Locale, ruleId: RuleId): string {
  return withLocale(locale, () => ruleMeta(ruleId).title());
}

// Facts a message is about, most specific first; shown after the Chinese rule title.
const SUBJECT_KEYS = ['modelId', 'operation', 'module', 'className', 'name', 'arn', 'host', 'action', 'baseURL', 'region'];

export function findingMessage(locale: Locale, finding: Pick<LocatedFinding, 'ruleId' | 'message' | 'data'>): string {
  if (locale === 'en' || CJK.test(finding.message)) return finding.message;
  const subject = SUBJECT_KEYS.map((key) => finding.data?.[key]).find((value): value is string => typeof value === 'string' && value !== '');
  const title = ruleTitle(locale, finding.ruleId);
  return subject ? `${title}：${subject}` : title;
}

/** What to use instead, without the engine's "none: " prefix (the category already says there is none). */
export function findingEquivalent(locale: Locale, finding: Pick<LocatedFinding, 'ruleId' | 'category' | 'fixable' | 'equivalent' | 'data'>): string {
  const equivalent = withoutNonePrefix(finding.equivalent);
  // Identifiers (package, operation, JumpStart model id) read the same in both languages.
  if (locale === 'en' || CJK.test(equivalent) || !/\s/.test(equivalent)) return equivalent;
  const rule = ruleForEquivalent(finding);
  const variant = bucketOf(finding) === 'no-equivalent' ? NO_EQUIVALENT_VARIANTS[rule] : undefined;
  return withLocale(locale, () => variant?.() ?? withoutNonePrefix(ruleMeta(rule).equivalent()));
}

/** Where a rule's "no equivalent" findings need another alternative than the rule's usual equivalent. */
const NO_EQUIVALENT_VARIANTS: Readonly<Partial<Record<RuleId, () => string>>> = {
  // A closed-weight model id.
  'bedrock/model-id': () => l10n.t('an open model (e.g. Qwen, Llama, DeepSeek) deployed on a SageMaker endpoint'),
  // LangChain's BedrockEmbeddings.
  'bedrock/langchain': () => l10n.t('an open embedding model on its own endpoint (e.g. JumpStart huggingface-sentencesimilarity-bge-m3); re-embed the corpus'),
};

const RULE_OF_LIBRARY: Readonly<Record<string, RuleId>> = {
  langchain: 'bedrock/langchain',
  'ai-sdk': 'bedrock/ai-sdk',
  llamaindex: 'bedrock/llamaindex',
  openai: 'bedrock/openai-compatible',
};

// An import of (a client for, a dependency on) a wrapper library or another Bedrock service takes that one's equivalent.
function ruleForEquivalent(finding: Pick<LocatedFinding, 'ruleId' | 'category' | 'data'>): RuleId {
  if (finding.ruleId !== 'bedrock/import' && finding.ruleId !== 'bedrock/runtime-client' && finding.ruleId !== 'bedrock/dependency') return finding.ruleId;
  const library = RULE_OF_LIBRARY[String(finding.data?.library ?? '')];
  if (library) return library;
  if (finding.category !== 'no-equivalent') return finding.ruleId;
  const service = String(finding.data?.service ?? '');
  if (service === 'control') return 'bedrock/control-plane';
  if (service.startsWith('data-automation')) return 'bedrock/data-automation';
  if (service.startsWith('agent')) return 'bedrock/agent';
  return finding.ruleId;
}
