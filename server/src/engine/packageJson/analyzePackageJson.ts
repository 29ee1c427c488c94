import { DEFAULT_SETTINGS } from '../settings';
import type { EngineSettings, Finding } from '../types';
import { readDependencySections } from './dependencySections';
import { detectDependencies } from './detectDependencies';

/** The Bedrock findings of a package.json text (unsorted). Text that is not a valid JSON object gives none; never throws. */
export function analyzePackageJson(text: string, settings: EngineSettings = DEFAULT_SETTINGS): Finding[] {
  const dependencies = readDependencySections(text);
  return dependencies ? detectDependencies(dependencies, settings) : [];
}
