import { createFinding } from '../../finding';
import type { EngineSettings, Finding } from '../../types';
import type { MarkdownDocument } from '../parseMarkdown';
import { checkDates } from './checkDates';
import { checkFeasibility } from './checkFeasibility';
import { checkServiceCounts } from './checkServiceCounts';
import { checkTargetRegion } from './checkTargetRegion';
import type { AssessmentContext } from './assessmentContext';

/** Migration assessments are documents whose front matter has `feasibility`. */
export function isAssessment(document: MarkdownDocument): boolean {
  return document.frontMatter?.data !== undefined && 'feasibility' in document.frontMatter.data;
}

/** The checks of an assessment document's own claims: region, feasibility, service counts, dates. */
export function checkAssessment(document: MarkdownDocument, settings: EngineSettings, codeFindings: readonly Finding[]): Finding[] {
  const frontMatter = document.frontMatter;
  if (!frontMatter?.data || !isAssessment(document)) return [];
  const findings: Finding[] = [];
  const context: AssessmentContext = {
    document, frontMatter: { ...frontMatter, data: frontMatter.data }, settings, codeFindings,
    report(draft) {
      const finding = createFinding(draft, settings);
      if (finding) findings.push(finding);
    },
  };
  checkTargetRegion(context);
  checkFeasibility(context);
  checkServiceCounts(context);
  checkDates(context);
  return findings;
}
