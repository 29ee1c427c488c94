import { PLACEHOLDER, mayMentionBedrock } from '../catalog/modelIds';

/** Front matter can be reported on its own (unreadable YAML, assessment checks) and sets the document's region. */
const FRONT_MATTER_START = /^\uFEFF?---/;

// What a Markdown finding needs somewhere in the text, besides "bedrock" and a model-id shape (mayMentionBedrock):
// - prose service names the detector knows without the word Bedrock (serviceTerms.ts: `AgentCore`, `Amazon Titan`,
//   `Nova Pro`, `Converse API`, `Custom Model Import`; case-sensitive there, whitespace squeezed out here);
// - Python runtime calls recognised by Bedrock's camelCase keyword alone (`client.converse(modelId=...)`);
// - Bedrock packages and modules whose names lack the word: `langchain-aws` / `langchain_aws` / `@langchain/aws`,
//   `@llamaindex/aws` (pip normalises case and separators, hence case-insensitive).
const NAMED_WORDS = /AgentCore|Titan|Nova|Converse|CustomModelImport|modelId/;
const PACKAGE_WORDS = /langchain|llamaindex/i;
// Characters a detector can see past: shell quotes, escapes and line continuations (`aws bed"rock"-runtime`), the
// whitespace between Python's implicitly concatenated strings (`"bed" "rock-runtime"`), and the indentation and
// `>` markers Markdown strips from the lines of a fence in a list or a quote.
const SEE_THROUGH = /[\s'"`\\>]+/g;

/**
 * A cheap test before the Markdown parse: false only when no detector can find anything in the text, so the
 * document is not parsed at all (most Markdown in a workspace, READMEs of dependencies included, has nothing
 * Bedrock). Every detector's trigger is a word or shape tested here; removing the see-through characters can only
 * join text, so a word a detector finds after unquoting or joining is still found here.
 */
export function markdownMayHaveFindings(text: string): boolean {
  if (FRONT_MATTER_START.test(text) || text.includes(PLACEHOLDER)) return true;
  const squeezed = text.replace(SEE_THROUGH, '');
  return mayMentionBedrock(squeezed) || NAMED_WORDS.test(squeezed) || PACKAGE_WORDS.test(squeezed);
}
