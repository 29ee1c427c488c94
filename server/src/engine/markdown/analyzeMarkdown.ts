import { createFinding } from '../finding';
import type { AnalyzeInput, EngineSettings, Finding } from '../types';
import { analyzeCodeBlocks } from './analyzeCodeBlocks';
import { analyzeInline } from './analyzeInline';
import { checkAssessment, isAssessment } from './assessment/checkAssessment';
import { findServiceList } from './assessment/serviceSections';
import { documentTarget } from './documentTarget';
import { isRunnableCodeFinding } from './mappedContext';
import { type MarkdownDocument, parseMarkdown } from './parseMarkdown';
import { markdownMayHaveFindings } from './markdownMayHaveFindings';
import { detectProse, findServices, inlineBlocksOf, isHistoryDocument } from './prose/detectProse';
import { proseText } from './prose/proseText';
import type { ProseService } from './prose/serviceTerms';
import { servingRules } from '../servesRules';

/**
 * Markdown analysis: front matter, code in fences and inline code, links, prose mentions of Bedrock services,
 * and the consistency checks of migration assessments. Every range is an offset into `input.text`. A document
 * the cheap `mayHaveFindings` test rules out is not parsed (tests pass a test that rules nothing out).
 */
export function analyzeMarkdown(input: AnalyzeInput, mayHaveFindings: (text: string) => boolean = markdownMayHaveFindings): Finding[] {
  if (!mayHaveFindings(input.text)) return [];
  const document = parseMarkdown(input.text);
  const target = documentTarget(document.frontMatter, input.settings);
  const settings = target.settings;
  const findings: Finding[] = [...frontMatterProblems(document, settings)];
  const code = analyzeCodeBlocks(document, settings, input.token);
  findings.push(...code, ...analyzeInline(document, settings));
  if (input.token?.isCancellationRequested) return [];
  if (target.china) findings.push(...detectProse(document, settings, acknowledgedByAssessment(document), { history: isHistoryDocument(input.fileName) }));
  findings.push(...checkAssessment(document, settings, code.filter(isRunnableCodeFinding)));
  return findings;
}

export const frontMatterProblems = servingRules(['assessment/front-matter'], function frontMatterProblems(document: MarkdownDocument, settings: EngineSettings): Finding[] {
  const problem = document.frontMatter?.problem;
  if (!problem) return [];
  const finding = createFinding({ ruleId: 'assessment/front-matter', range: document.frontMatter!.range, message: problem }, settings);
  return finding ? [finding] : [];
});

/** Services an assessment lists under "unavailable services": the document says so itself, everywhere. */
function acknowledgedByAssessment(document: MarkdownDocument): Set<ProseService> {
  const acknowledged = new Set<ProseService>();
  if (!isAssessment(document)) return acknowledged;
  const list = findServiceList(document.blocks, 'unavailable_services');
  for (const block of inlineBlocksOf(list?.blocks.filter((block) => block.type !== 'heading') ?? [])) {
    for (const found of findServices(proseText(block), true)) acknowledged.add(found.service);
  }
  return acknowledged;
}
