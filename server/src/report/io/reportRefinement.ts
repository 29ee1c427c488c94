// The report's fixability refinement of a script (its findings as its own fix-all treats them, in its package),
// kept with the analysis it refines: made while the analysis's syntax tree is at hand, or later without it.
import { refineFixability } from '../../engine/fixes';
import type { FixInput } from '../../engine/fixTypes';
import { withLocale, type Locale } from '../../engine/l10n';
import type { PackageContext } from '../../engine/project/packageContext';
import type ts from '../../engine/typescript';
import type { EngineSettings, Finding, LanguageId } from '../../engine/types';

/** Where a script sits and how it is analysed: everything the refinement reads besides its text and findings. */
export interface RefinementPlace {
  path: string;
  languageId: LanguageId;
  packageContext: PackageContext;
  settings: EngineSettings;
  locale: Locale;
}

/**
 * Refined findings by the analysis they refine (the report cache hands out the same findings while a file is
 * unchanged), with the place they were refined for: a warm report does not parse and check those files again.
 */
const refinedByAnalysis = new WeakMap<readonly Finding[], { key: string; findings: readonly Finding[] }>();

/** Whether refinement could change any of `findings` (else they stand as they are). */
export function mayRefine(findings: readonly Finding[]): boolean {
  return findings.some((finding) => finding.fixable);
}

/**
 * `findings` of `text` refined for `place`, kept with them. `tree`: the analysis's own parse of `text`, so the
 * refinement's syntax check and fix assessment need not parse and analyse the text again (as `analyzeWithFixability`
 * does for the CLI scan).
 */
export function refineForReport(text: string, findings: readonly Finding[], place: RefinementPlace, tree?: ts.SourceFile): Finding[] {
  const key = keyOf(place);
  const known = refinedByAnalysis.get(findings);
  if (known?.key === key) return [...known.findings];
  const input: FixInput = {
    text, languageId: place.languageId, settings: place.settings, fileName: place.path, workspaceRelativePath: place.path, packageContext: place.packageContext,
  };
  const refined = withLocale(place.locale, () => refineFixability(input, findings, tree));
  refinedByAnalysis.set(findings, { key, findings: refined });
  return [...refined];
}

/** The refinement kept for `findings` at `place`, if any (for tests: whether the tree's refinement is the one used). */
export function keptRefinement(findings: readonly Finding[], place: RefinementPlace): readonly Finding[] | undefined {
  const known = refinedByAnalysis.get(findings);
  return known?.key === keyOf(place) ? known.findings : undefined;
}

function keyOf(place: RefinementPlace): string {
  return JSON.stringify([place.path, place.languageId, place.packageContext, place.settings, place.locale]);
}
