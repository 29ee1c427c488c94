import type { EngineSettings, TargetRegion } from '../types';
import { checkRegion, isChinaRegion } from './assessment/regions';
import { type FrontMatter, readFrontMatter } from './frontMatter';
import { LineIndex } from './lineIndex';

export interface DocumentTarget {
  region: string;
  /** False when the front matter names a real region outside China: no prose diagnostics then. */
  china: boolean;
  /** The settings with `targetRegion` taken from the front matter when it names a China region. */
  settings: EngineSettings;
}

/**
 * The region a document targets: front matter `target_region` (or `region`) when it names a real region,
 * else the workspace setting, which is always a China region. Code in a document that targets a region
 * outside China is still checked against the workspace setting.
 */
export function documentTarget(frontMatter: FrontMatter | undefined, settings: EngineSettings): DocumentTarget {
  const declared = frontMatter?.data?.target_region ?? frontMatter?.data?.region;
  if (isChinaRegion(declared)) return { region: declared, china: true, settings: { ...settings, targetRegion: declared as TargetRegion } };
  if (typeof declared === 'string' && checkRegion(declared) === 'known') return { region: declared, china: false, settings };
  return { region: settings.targetRegion, china: true, settings };
}

/**
 * The China region a Markdown text's front matter declares when it differs from `settings.targetRegion`: its findings
 * were judged with that region. Undefined when the document uses the setting (or names a region outside China, where
 * code is still judged with the setting).
 */
export function ownTargetRegion(text: string, settings: EngineSettings): TargetRegion | undefined {
  if (!/^\uFEFF?---/.test(text)) return undefined;
  const target = documentTarget(readFrontMatter(new LineIndex(text)), settings);
  return target.china && target.region !== settings.targetRegion ? target.settings.targetRegion : undefined;
}
