import { BEDROCK_SDK_PACKAGES, BEDROCK_WRAPPER_PACKAGES } from '../catalog/packages';
import { DEFAULT_SETTINGS } from '../settings';
import type { EngineSettings, Finding } from '../types';
import { readDependencySections } from './dependencySections';
import { detectDependencies } from './detectDependencies';

/** Every dependency name a finding can be about (bedrockDependency: exact names). */
const BEDROCK_PACKAGE_NAMES = [...BEDROCK_SDK_PACKAGES.map((pkg) => pkg.name), ...Object.keys(BEDROCK_WRAPPER_PACKAGES)];

/** The Bedrock findings of a package.json text (unsorted). Text that is not a valid JSON object gives none; never throws. */
export function analyzePackageJson(text: string, settings: EngineSettings = DEFAULT_SETTINGS): Finding[] {
  if (!mayListBedrockPackage(text)) return [];
  const dependencies = readDependencySections(text);
  return dependencies ? detectDependencies(dependencies, settings) : [];
}

/**
 * False only when no key can be a Bedrock package, so the JSON is not parsed (most package.json files of a tree
 * of dependencies): a name appears as written unless an escape spells it, and the only escapes that give a
 * character of a package name are `\u0062` and `\/` (the others give quotes, backslashes and control characters).
 */
function mayListBedrockPackage(text: string): boolean {
  return text.includes('\\u') || text.includes('\\/') || BEDROCK_PACKAGE_NAMES.some((name) => text.includes(name));
}
