import * as l10n from '@vscode/l10n';
import { createFinding } from '../../finding';
import type { EngineSettings, Finding, OffsetRange } from '../../types';
import type { InlineBlock, MarkdownDocument } from '../parseMarkdown';
import { type Section, splitSections } from '../sections';
import { saysUnavailable, sentenceRanges } from './acknowledgements';
import { proseText } from './proseText';
import { MENTIONS_BEDROCK, type ProseService, SERVICE_TERMS, SERVICE_WORDS, serviceAlternative, serviceDisplayName } from './serviceTerms';
import { servingRules } from '../../servesRules';

interface Mention {
  service: ProseService;
  block: InlineBlock;
  range: OffsetRange;
  text: string;
  acknowledged: boolean;
}

/**
 * One information diagnostic per Bedrock service per section, on its first mention, naming the China-region
 * alternative. A section that already says the service (or Bedrock as a whole) is unavailable is left alone,
 * and so is every service in `acknowledgedEverywhere` (e.g. listed under an assessment's unavailable services).
 */
export const detectProse = servingRules(['bedrock/prose-service'], function detectProse(document: MarkdownDocument, settings: EngineSettings, acknowledgedEverywhere: ReadonlySet<ProseService>,
  options: { history?: boolean } = {}): Finding[] {
  const sections = options.history ? releaseSections(document.blocks) : splitSections(document.blocks);
  const texts = new Map<InlineBlock, string>();
  for (const block of inlineBlocksOf(document.blocks)) texts.set(block, proseText(block));
  // "Bedrock" alone names other products too (a PHP framework, a game server): without anything AWS in the
  // document it is not Amazon Bedrock, and neither are the short forms it would unlock.
  // Raw block text: a link to aws.amazon.com/bedrock counts too.
  const awsContext = [...texts.keys()].some((block) => AWS_CONTEXT.test(block.text))
    || document.blocks.some((block) => block.type === 'code' && AWS_CONTEXT.test(block.text));
  const bedrockMentioned = awsContext && [...texts.values()].some((text) => MENTIONS_BEDROCK.test(text));
  const findings: Finding[] = [];
  for (const section of sections) {
    const mentions = sectionMentions(section, texts, bedrockMentioned)
      .filter((mention) => awsContext || mention.service !== 'bedrock' || QUALIFIED_BEDROCK.test(mention.text));
    const acknowledged = new Set(acknowledgedEverywhere);
    for (const mention of mentions) if (mention.acknowledged) acknowledged.add(mention.service);
    const reported = new Set<ProseService>();
    for (const mention of mentions) {
      if (reported.has(mention.service) || acknowledged.has(mention.service) || acknowledged.has('bedrock')) continue;
      // A history document (CHANGELOG, release notes) describes the past: one finding per release section, on its
      // first mention, however many services the section names.
      if (options.history && reported.size > 0) break;
      reported.add(mention.service);
      const finding = createFinding({
        ruleId: 'bedrock/prose-service',
        range: mention.block.map!.toDocumentRange(mention.range),
        message: l10n.t('{0} is not available in {1}: Amazon Bedrock does not exist in the China regions. Alternative: {2}.', serviceDisplayName(mention.service), settings.targetRegion, serviceAlternative(mention.service)),
        equivalent: serviceAlternative(mention.service),
        data: options.history ? { service: mention.service, history: true } : { service: mention.service },
      }, settings);
      if (finding) findings.push(finding);
    }
  }
  return findings;
});

// Anything that places the document among AWS things: the vendor names, SDKs, CLI, hosts.
const AWS_CONTEXT = /\b(?:AWS|Amazon|amazonaws|aws\.amazon\.com|boto3|aioboto3|aws-sdk|@aws-sdk|aws_sdk_\w+|SageMaker)\b/;
const QUALIFIED_BEDROCK = /^(?:Amazon|AWS)\s/;

/**
 * Release sections of a history document: split at the shallowest heading level that repeats (`## [1.2.0]` in a
 * Keep a Changelog file, whose `### Added` subsections stay inside their release).
 */
function releaseSections(blocks: MarkdownDocument['blocks']): Section[] {
  const levels = blocks.flatMap((block) => (block.type === 'heading' ? [block.level] : []));
  const releaseLevel = [...new Set(levels)].sort((a, b) => a - b).find((level) => levels.filter((l) => l === level).length > 1);
  if (releaseLevel === undefined) return [{ heading: undefined, blocks: [...blocks] }];
  const sections: Section[] = [{ heading: undefined, blocks: [] }];
  for (const block of blocks) {
    if (block.type === 'heading' && block.level <= releaseLevel) sections.push({ heading: block, blocks: [block] });
    else sections[sections.length - 1].blocks.push(block);
  }
  return sections.filter((section) => section.blocks.length > 0);
}

/** CHANGELOG.md, HISTORY.md, CHANGES.md, NEWS.md, RELEASE_NOTES.md, release-notes.md and files in a release-notes folder. */
export function isHistoryDocument(fileName: string | undefined): boolean {
  if (!fileName) return false;
  const parts = fileName.split(/[\\/]/);
  const base = parts[parts.length - 1].toLowerCase().replace(/\.(?:md|markdown|mdx)$/, '');
  if (/^(?:changelog|changes|history|news|releases?|release[-_ ]?notes)$/.test(base)) return true;
  return parts.slice(0, -1).some((folder) => /^(?:changelogs?|release[-_]?notes|releases)$/i.test(folder));
}

export function inlineBlocksOf(blocks: MarkdownDocument['blocks']): InlineBlock[] {
  const result: InlineBlock[] = [];
  for (const block of blocks) {
    const inline = block.type === 'heading' ? block.inline : block;
    if (inline.type === 'inline' && inline.map) result.push(inline);
  }
  return result;
}

function sectionMentions(section: Section, texts: ReadonlyMap<InlineBlock, string>, bedrockMentioned: boolean): Mention[] {
  const mentions: Mention[] = [];
  for (const block of inlineBlocksOf(section.blocks)) {
    const text = texts.get(block)!;
    const services = findServices(text, bedrockMentioned);
    const sentences = services.length > 0 ? sentenceRanges(text) : [];
    for (const found of services) {
      const sentence = sentences.find((range) => found.range.start >= range.start && found.range.start < range.end);
      const acknowledged = sentence !== undefined && saysUnavailable(text.slice(sentence.start, sentence.end));
      mentions.push({ ...found, block, acknowledged, text: text.slice(found.range.start, found.range.end) });
    }
  }
  return mentions;
}

/** Service mentions in one text, in order; earlier (more specific) terms consume their text. */
export function findServices(text: string, bedrockMentioned: boolean): Array<{ service: ProseService; range: OffsetRange }> {
  const found: Array<{ service: ProseService; range: OffsetRange }> = [];
  if (!SERVICE_WORDS.test(text)) return found; // most paragraphs of a document: one search instead of a dozen
  const overlaps = (range: OffsetRange) => found.some((other) => range.start < other.range.end && other.range.start < range.end);
  for (const term of SERVICE_TERMS) {
    const patterns = term.bare && bedrockMentioned ? [term.qualified, term.bare] : [term.qualified];
    for (const pattern of patterns) {
      for (const match of text.matchAll(pattern)) {
        const range = { start: match.index ?? 0, end: (match.index ?? 0) + match[0].length };
        if (!overlaps(range)) found.push({ service: term.service, range });
      }
    }
  }
  return found.sort((a, b) => a.range.start - b.range.start);
}
