// Per-finding texts in the report's language. English comes from the engine; Chinese from the engine when
// its bundle translated the text, otherwise from the report's own tables (ruleTextsZh.ts).
import * as l10n from '@vscode/l10n';
import { withLocale, type Locale } from '../engine/l10n';
import { ruleMeta } from '../engine/rules';
import type { RuleId } from '../engine/types';
import { bucketOf } from './classify';
import { ZH_NO_EQUIVALENT_VARIANTS, ZH_RULE_EQUIVALENTS, ZH_RULE_TITLES } from './ruleTextsZh';
import type { LocatedFinding } from './types';

const CJK = /[\u3400-\u9fff]/;

export function ruleTitle(locale: Locale, ruleId: RuleId): string {
  return locale === 'zh-cn' ? ZH_RULE_TITLES[ruleId] : withLocale('en', () => ruleMeta(ruleId).title());
}

// Facts a message is about, most specific first; shown after the Chinese rule title.
const SUBJECT_KEYS = ['modelId', 'operation', 'module', 'className', 'name', 'arn', 'host', 'action', 'baseURL', 'region'];

export function findingMessage(locale: Locale, finding: Pick<LocatedFinding, 'ruleId' | 'message' | 'data'>): string {
  if (locale === 'en' || CJK.test(finding.message)) return finding.message;
  const subject = SUBJECT_KEYS.map((key) => finding.data?.[key]).find((value): value is string => typeof value === 'string' && value !== '');
  const title = ZH_RULE_TITLES[finding.ruleId];
  return subject ? `${title}：${subject}` : title;
}

/** What to use instead, without the engine's "none: " prefix (the category already says there is none). */
export function findingEquivalent(locale: Locale, finding: Pick<LocatedFinding, 'ruleId' | 'category' | 'fixable' | 'equivalent' | 'data'>): string {
  const equivalent = stripNonePrefix(finding.equivalent);
  // Identifiers (package, operation, JumpStart model id) read the same in both languages.
  if (locale === 'en' || CJK.test(equivalent) || !/\s/.test(equivalent)) return equivalent;
  const rule = ruleForEquivalent(finding);
  return (bucketOf(finding) === 'no-equivalent' ? ZH_NO_EQUIVALENT_VARIANTS[rule] : undefined) ?? ZH_RULE_EQUIVALENTS[rule];
}

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

// The engine writes alternatives as l10n.t('none: {0}', ...); strip the prefix in whichever language it used.
const NONE_PREFIXES = (['en', 'zh-cn'] as Locale[])
  .map((locale) => withLocale(locale, () => l10n.t('none: {0}', '\u0001')).split('\u0001')[0])
  .filter((prefix) => prefix !== '');

export function stripNonePrefix(equivalent: string): string {
  const prefix = NONE_PREFIXES.find((candidate) => equivalent.startsWith(candidate));
  return prefix ? equivalent.slice(prefix.length) : equivalent;
}
