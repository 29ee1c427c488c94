import { TOOL_NAME } from '../../formats/toolInfo';
import { reportStrings } from '../strings';

/** The titles the Markdown report starts with, in every language (users' own assessments use other titles). */
const TITLES = (['en', 'zh-cn'] as const).map((locale) => reportStrings(locale).title(''));

/**
 * Whether `bytes` are a report this tool wrote earlier, which `--out` and the report request may replace without
 * `--force`: the Markdown report (its front matter), the JSON export or `scan --format json` (`"tool"`), or a
 * SARIF log whose driver is this tool.
 */
export function isOwnReport(bytes: Buffer): boolean {
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  const title = /^---\r?\ntitle: ['"]?(.*)/.exec(text)?.[1];
  if (title !== undefined) {
    const frontMatter = text.slice(0, text.indexOf('\n---', 4) + 1 || 4096);
    return TITLES.some((prefix) => title.startsWith(prefix))
      && ['validation_date:', 'target_region:', 'feasibility:'].every((key) => frontMatter.includes(`\n${key}`));
  }
  if (!text.trimStart().startsWith('{')) return false;
  try {
    const parsed = JSON.parse(text) as { tool?: unknown; runs?: Array<{ tool?: { driver?: { name?: unknown } } }> };
    return parsed.tool === TOOL_NAME || parsed.runs?.[0]?.tool?.driver?.name === TOOL_NAME;
  } catch {
    return false;
  }
}
