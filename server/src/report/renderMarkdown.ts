// Renders the report model as the Markdown assessment our users already write (front matter in the seeds'
// schema, then 可行性评估 / 服务分析 / ... sections), in English or Simplified Chinese.
import matter from 'gray-matter';
import { hfSourceOf } from '../engine/catalog/sageMakerEndpoints';
import { ruleDocUrl } from '../engine/rules';
import type { RuleId } from '../engine/types';
import { bucketOf } from './classify';
import { lineFragment } from './links';
import { findingEquivalent, findingMessage, ruleTitle } from './localize';
import { code, codeOrText, escapeText, link, table } from './markdownText';
import { reportStrings, type ReportStrings } from './strings';
import type { DeploymentPlanEntry, FileSection, ReportModel, RuleSummary, SkippedFile } from './types';

/** The front matter, exactly the seeds' schema. */
export interface ReportFrontMatter {
  title: string;
  validation_date: string;
  target_region: string;
  feasibility: 'HIGH' | 'MEDIUM' | 'LOW';
  available_services: number;
  unavailable_services: number;
}

export function reportFrontMatter(model: ReportModel): ReportFrontMatter {
  const { options } = model;
  return {
    title: reportStrings(options.locale).title(options.workspaceName),
    validation_date: options.date,
    target_region: options.targetRegion,
    feasibility: model.feasibility.level,
    available_services: model.services.available.length,
    unavailable_services: model.services.unavailable.length,
  };
}

export function renderMarkdown(model: ReportModel): string {
  const body = renderBody(model, reportStrings(model.options.locale));
  // lineWidth -1: keep long titles on one line instead of YAML's folded style.
  return matter.stringify(body, reportFrontMatter(model), { lineWidth: -1 } as matter.GrayMatterOption<string, never>);
}

function renderBody(model: ReportModel, s: ReportStrings): string {
  const { options } = model;
  const blocks = [
    `# ${escapeText(s.title(options.workspaceName))}`,
    `${s.metaLine(options.targetRegion, options.date, model.filesScanned)}\n\n${s.snapshotNote}`,
    ...feasibilitySection(model, s),
    ...servicesSection(model, s),
    ...totalsSection(model, s),
    ...recommendationsSection(model, s),
    ...deploymentSection(model, s),
    `## ${s.risksHeading}`,
    bullets(model.risks.map((risk) => s.risk(risk, riskFacts(model)))),
    ...filesSection(model, s),
    ...skippedSection(model, s),
  ];
  return `${blocks.join('\n\n')}\n`;
}

function feasibilitySection(model: ReportModel, s: ReportStrings): string[] {
  const { level, reasons } = model.feasibility;
  const admonition = s.admonition[level];
  const region = model.options.targetRegion;
  const summary = level === 'LOW' ? s.summary.low(region)
    : level === 'MEDIUM' ? s.summary.medium(region)
      : reasons[0]?.kind === 'nothing-found' ? s.summary.nothing(region) : s.summary.high(region);
  return [`## ${s.feasibilityHeading}`, `!!! ${admonition.type} "${admonition.title}"\n    ${admonition.body}`, summary];
}

function servicesSection(model: ReportModel, s: ReportStrings): string[] {
  const { available, unavailable } = model.services;
  const reasons = model.feasibility.reasons.map((reason) =>
    s.reason(reason, reason.kind === 'core-no-equivalent' ? reason.rules.map((id) => ruleTitle(model.options.locale, id)) : [], model.options.targetRegion));
  return [
    `## ${s.servicesHeading}`,
    `### ${s.availableHeading(available.length)}`,
    available.length ? bullets(available.map((use) => s.availableItem(s.serviceName[use.id], use.findings))) : s.none,
    `### ${s.unavailableHeading(unavailable.length)}`,
    unavailable.length ? bullets(unavailable.map((use) => s.unavailableItem(s.serviceName[use.id], use.core, use.findings))) : s.none,
    `### ${s.reasoningHeading}`,
    numbered(reasons),
  ];
}

function totalsSection(model: ReportModel, s: ReportStrings): string[] {
  const { totals } = model;
  const blocks = [
    `## ${s.totalsHeading}`,
    table(s.totalsTableHeader, [
      [s.bucket['auto-fixable'], String(totals.autoFixable)],
      [s.bucket.manual, String(totals.manual)],
      [s.bucket['no-equivalent'], String(totals.noEquivalent)],
      [`**${s.total}**`, `**${totals.total}**`],
    ]),
    s.fileCounts(model.filesScanned, model.files.length, model.skipped.length),
  ];
  if (model.rules.length > 0) {
    blocks.push(table(s.ruleTableHeader, model.rules.map((rule) => [
      ruleLink(rule.ruleId), escapeText(ruleTitle(model.options.locale, rule.ruleId)), s.bucket[rule.bucket], String(rule.findings), String(rule.files),
    ])));
  }
  return blocks;
}

function recommendationsSection(model: ReportModel, s: ReportStrings): string[] {
  const blocks = [`## ${s.recommendationsHeading}`];
  if (model.totals.autoFixable > 0) blocks.push(`### ${s.autoFixHeading(model.totals.autoFixable)}`, s.autoFixBody);
  if (model.installs.length > 0) {
    blocks.push(`### ${s.dependenciesHeading}`, s.dependenciesIntro, table(s.dependenciesTableHeader, model.installs.map((install) => [
      link(escapeText(displayPath(model, install)), install.href), code(install.command), install.lockfile ? code(install.lockfile) : s.noLockfile,
    ])));
  }
  const manual = model.rules.filter((rule) => rule.bucket === 'manual');
  if (manual.length > 0) blocks.push(`### ${s.manualHeading}`, numbered(manual.map((rule) => ruleStep(model, rule, s))));
  const missing = model.rules.filter((rule) => rule.bucket === 'no-equivalent');
  if (missing.length > 0) blocks.push(`### ${s.alternativesHeading}`, numbered(missing.map((rule) => ruleStep(model, rule, s))));
  if (blocks.length === 1) blocks.push(s.none);
  return blocks;
}

function deploymentSection(model: ReportModel, s: ReportStrings): string[] {
  const { entries, checkedRegion } = model.deploymentPlan;
  if (entries.length === 0) return [];
  const region = model.options.targetRegion;
  const rows = entries.map((entry) => [
    code(entry.modelId),
    entry.jumpStartId ? s.deployJumpStart(entry.jumpStartId) : entry.hfModelId ? s.deployWeights(entry.hfModelId) : s.deployOpenModel,
    entry.endpointName ? code(entry.inferenceComponentName ? `${entry.endpointName} / ${entry.inferenceComponentName}` : entry.endpointName) : s.notMapped,
    !entry.jumpStartId ? s.noJumpStartModel : entry.available === undefined ? s.notChecked
      : entry.available ? `${s.availableIn(entry.version)}${s.hubDetails(entry.instanceType, entry.gated)}` : s.notInHub,
  ]);
  const steps = entries.filter((entry) => !entry.endpointName).map((entry) => deployStep(entry, region, s));
  return [
    `## ${s.deploymentHeading}`,
    s.deploymentIntro(region),
    table(s.deploymentTableHeader, rows),
    checkedRegion ? s.deploymentChecked(checkedRegion) : s.deploymentNotChecked(region),
    ...(steps.length > 0 ? [`### ${s.deployStepsHeading}`, numbered(steps)] : []),
  ];
}

/** The exact call that deploys an unmapped model: JumpStart when the hub has it (or it was not checked), else LMI. */
function deployStep(entry: DeploymentPlanEntry, region: string, s: ReportStrings): string {
  if (entry.jumpStartId && entry.available !== false) {
    const options = [
      ...(entry.instanceType ? [`instance_type="${entry.instanceType}"`] : []),
      ...(entry.gated ? ['accept_eula=True'] : []),
    ];
    const call = `JumpStartModel(model_id="${entry.jumpStartId}", region="${region}").deploy(${options.join(', ')})`;
    return s.deployJumpStartStep(entry.modelId, entry.jumpStartId, region, call, entry.available === undefined ? undefined : entry.gated === true);
  }
  const weights = entry.hfModelId ?? (entry.jumpStartId ? hfSourceOf(entry.jumpStartId) : undefined);
  return s.deployWeightsStep(entry.modelId, weights, region);
}

function filesSection(model: ReportModel, s: ReportStrings): string[] {
  const blocks = [`## ${s.filesHeading}`];
  if (model.files.length === 0) blocks.push(s.noFindings);
  for (const file of model.files) {
    const name = displayPath(model, file);
    blocks.push(`### ${link(escapeText(name), file.href)} (${s.findings(file.findings.length)})`);
    blocks.push(table(s.fileTableHeader, file.findings.map((finding) => [
      link(escapeText(`${name}:${finding.start.line + 1}`), `${file.href}${lineFragment(finding.start.line)}`),
      ruleLink(finding.ruleId),
      s.bucket[bucketOf(finding)],
      escapeText(findingMessage(model.options.locale, finding)),
      codeOrText(findingEquivalent(model.options.locale, finding)),
    ])));
  }
  return blocks;
}

function skippedSection(model: ReportModel, s: ReportStrings): string[] {
  if (model.skipped.length === 0) return [];
  return [
    `## ${s.skippedHeading(model.skipped.length)}`,
    table(s.skippedTableHeader, model.skipped.map((file: SkippedFile) => [code(displayPath(model, file)), escapeText(s.skipReason[file.reason])])),
  ];
}

// ---- helpers ----

function displayPath(model: ReportModel, file: Pick<FileSection, 'folder' | 'path'>): string {
  return model.multiRoot && file.folder ? `${file.folder}/${file.path}` : file.path;
}

function ruleLink(ruleId: RuleId): string {
  return link(code(ruleId), ruleDocUrl(ruleId));
}

function docLink(ruleId: RuleId, s: ReportStrings): string {
  return `[${s.details}](${ruleDocUrl(ruleId)})`;
}

/**
 * One manual step or alternative: the rule, then what to use instead. Several distinct equivalents (a rule
 * covering several packages) become a nested list, because the texts themselves may contain commas.
 */
function ruleStep(model: ReportModel, rule: RuleSummary, s: ReportStrings): string {
  const head = s.ruleItem(escapeText(ruleTitle(model.options.locale, rule.ruleId)), rule.ruleId, rule.findings);
  const details = docLink(rule.ruleId, s);
  if (rule.ruleId.startsWith('assessment/')) return `${head}${s.colon}${s.fixAssessment} ${details}`;
  if (rule.equivalents.length === 1) return `${head}${s.colon}${codeOrText(rule.equivalents[0]!)} ${details}`;
  return [`${head} ${details}`, ...rule.equivalents.map((equivalent) => `   - ${codeOrText(equivalent)}`)].join('\n');
}

function riskFacts(model: ReportModel) {
  const { targetRegion: region, date } = model.options;
  return { region, date, documentFindings: model.documentFindings, unverifiedFiles: model.unverifiedFiles };
}

function bullets(items: readonly string[]): string {
  return items.map((item) => `- ${item}`).join('\n');
}

function numbered(items: readonly string[]): string {
  return items.map((item, index) => `${index + 1}. ${item}`).join('\n');
}
