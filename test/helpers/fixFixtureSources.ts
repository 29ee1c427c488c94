// The fix fixtures' inputs, with a generated Bedrock-heavy file, as the refinement oracles type into them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ScriptLanguage } from '../../server/src/engine/types';
import { generateMigratableFile } from './migratableFile';

const FIX_FIXTURES = join(__dirname, '..', 'fixtures', 'fixes');

export interface FixFixtureSource {
  name: string;
  text: string;
  languageId: ScriptLanguage;
}

/** Every `*.input.*` fix fixture (sorted by name), then a generated file of `generatedLines` lines. */
export function fixFixtureSources(generatedLines: number): FixFixtureSource[] {
  const fixtures = readdirSync(FIX_FIXTURES).filter((entry) => entry.includes('.input.')).sort()
    .map((entry) => ({ name: entry, text: readFileSync(join(FIX_FIXTURES, entry), 'utf8'), languageId: scriptLanguageOf(entry) }));
  return [...fixtures, { name: `generated-${generatedLines}.ts`, text: generateMigratableFile(generatedLines), languageId: 'typescript' }];
}

/** The script language a file name says. */
export function scriptLanguageOf(name: string): ScriptLanguage {
  if (name.endsWith('.tsx')) return 'typescriptreact';
  if (name.endsWith('.jsx')) return 'javascriptreact';
  return /\.[cm]?js$/.test(name) ? 'javascript' : 'typescript';
}
