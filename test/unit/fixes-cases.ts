// Loads the golden fixtures of the fix rewrites: test/fixtures/fixes/<case>.input.<ext> with .output.<ext> and an
// optional <case>.settings.json ({ settings, workspaceRelativePath, typecheck, inputTypechecks }). Shared by the golden, type-check
// and behaviour tests.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../server/src/engine/analyze';
import { applyEdits, fixAll, fixesForFinding } from '../../server/src/engine/fixes';
import type { FixInput, FixProposal } from '../../server/src/engine/fixes';
import { normalizeSettings } from '../../server/src/engine/settings';
import type { ScriptLanguage } from '../../server/src/engine/types';

export const FIXTURES = join(__dirname, '..', 'fixtures', 'fixes');
export const REPO_ROOT = join(__dirname, '..', '..');

export interface FixCase {
  name: string;
  extension: string;
  input: string;
  /** Undefined until the golden file has been written. */
  expected: string | undefined;
  outputPath: string;
  fixInput: FixInput;
  /** False (with the reason) when the program needs packages that are not installed (SDK v2, wrappers). */
  typecheck: true | string;
  /** False (with the reason) when only the original does not compile (its output still must). */
  inputTypechecks: true | string;
  /** `migrate` applies fix-all; `notes` applies every "Insert migration note" action (unsupported patterns). */
  mode: 'migrate' | 'notes';
  /** Rule id → a regular expression the refused finding's reason must match (its fix is refused, output = input). */
  refused: Record<string, string>;
}

interface CaseConfig {
  settings?: unknown;
  workspaceRelativePath?: string;
  typecheck?: string;
  inputTypechecks?: string;
  mode?: 'migrate' | 'notes';
  refused?: Record<string, string>;
}

const LANGUAGES: Record<string, ScriptLanguage> = { ts: 'typescript', js: 'javascript', mjs: 'javascript', cjs: 'javascript' };

export function loadCases(): FixCase[] {
  return readdirSync(FIXTURES)
    .map((file) => /^(.+)\.input\.(ts|js|mjs|cjs)$/.exec(file))
    .filter((match): match is RegExpExecArray => match !== null)
    .map(([file, name, extension]) => {
      const config: CaseConfig = existsSync(join(FIXTURES, `${name}.settings.json`))
        ? JSON.parse(readFileSync(join(FIXTURES, `${name}.settings.json`), 'utf8')) as CaseConfig
        : {};
      const input = readFileSync(join(FIXTURES, file), 'utf8');
      const outputPath = join(FIXTURES, `${name}.output.${extension}`);
      return {
        name, extension, input, outputPath,
        expected: existsSync(outputPath) ? readFileSync(outputPath, 'utf8') : undefined,
        fixInput: {
          text: input, languageId: LANGUAGES[extension], settings: normalizeSettings(config.settings),
          fileName: `app.${extension}`, workspaceRelativePath: config.workspaceRelativePath ?? `src/app.${extension}`,
        },
        typecheck: config.typecheck ?? true,
        inputTypechecks: config.inputTypechecks ?? true,
        mode: config.mode ?? 'migrate',
        refused: config.refused ?? {},
      };
    });
}

export interface FixRun {
  proposal: FixProposal | undefined;
  output: string;
}

/** What `scan --fix` / fix-on-save does: analyse, take the file migration, apply it. */
export function runFixAll(input: FixInput): FixRun {
  const { findings } = analyze(input);
  const proposal = fixAll(input, findings);
  return { proposal, output: proposal ? applyEdits(input.text, proposal.edits) : input.text };
}

/** Applies every "Insert migration note" action offered for the document's findings, as one proposal. */
export function runNotes(input: FixInput): FixRun {
  const { findings } = analyze(input);
  const edits = findings.flatMap((finding) => fixesForFinding(input, finding))
    .filter((proposal) => proposal.kind === 'migration-note')
    .flatMap((proposal) => proposal.edits);
  const unique = edits.filter((edit, index) => edits.findIndex((other) => other.range.start === edit.range.start && other.newText === edit.newText) === index);
  const proposal = unique.length > 0 ? { title: 'notes', kind: 'migration-note' as const, edits: unique.sort((a, b) => a.range.start - b.range.start) } : undefined;
  return { proposal, output: proposal ? applyEdits(input.text, proposal.edits) : input.text };
}

export function runCase(fixture: FixCase, text = fixture.input): FixRun {
  const input = { ...fixture.fixInput, text };
  return fixture.mode === 'notes' ? runNotes(input) : runFixAll(input);
}
