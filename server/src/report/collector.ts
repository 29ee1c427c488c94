// Builds the report model from a stream of scanned files. Files without findings are only counted, so memory
// grows with the number of findings, not with the size of the workspace.
import { baseModelId, servingTargetOf } from '../engine/catalog/sageMakerEndpoints';
import { findModelIds } from '../engine/catalog/modelIds';
import type { RuleId } from '../engine/types';
import { bucketOf, isRuntimeFinding, isUnverifiedSkip } from './classify';
import { assessFeasibility } from './feasibility';
import { fileHref } from './links';
import { findingEquivalent } from './localize';
import { selectRisks } from './risks';
import { SERVICE_ORDER, servicesOf } from './services';
import type {
  Bucket, CategoryTotals, DeploymentPlan, DeploymentPlanEntry, FileSection, LocatedFinding, PackageInstallStep, ReportModel, ReportOptions, RuleSummary,
  FileResult, ServiceId, ServiceUse, SkippedFile,
} from './types';

interface RuleTally {
  ruleId: RuleId;
  bucket: Bucket;
  findings: number;
  files: number;
  equivalents: Set<string>;
}

// Enough to show the variants of one rule; more would only repeat the rule's documentation.
const MAX_EQUIVALENTS_PER_RULE = 5;

export class ReportCollector {
  private filesScanned = 0;
  private readonly sections: FileSection[] = [];
  private readonly skipped: SkippedFile[] = [];
  private readonly totals: CategoryTotals = { autoFixable: 0, manual: 0, noEquivalent: 0, total: 0 };
  // Keyed by rule and bucket: one rule can land in two buckets (a fixable and an unfixable model id).
  private readonly rules = new Map<string, RuleTally>();
  private readonly unavailable = new Map<ServiceId, ServiceUse>();
  private readonly available = new Map<ServiceId, ServiceUse>();
  private readonly core = { findings: 0, files: 0, rules: new Set<RuleId>() };
  private otherNoEquivalent = 0;
  private documentFindings = 0;
  private unverifiedFiles = 0;
  private readonly openModels = new Map<string, DeploymentPlanEntry>();
  private readonly installs: PackageInstallStep[] = [];

  constructor(private readonly options: ReportOptions) {}

  add(file: FileResult): void {
    // Like the CLI's `filesScanned`: files analysed; skipped files are counted apart.
    if (file.skipped) {
      this.skipped.push({ folder: file.folder, path: file.path, reason: file.skipped.reason, message: file.skipped.message });
      if (isUnverifiedSkip(file)) this.unverifiedFiles++;
      return;
    }
    this.filesScanned++;
    if (file.findings.length === 0) return;
    const { folders, linkBase } = this.options;
    const href = fileHref(folders, linkBase, file.folder, file.path);
    this.sections.push({ folder: file.folder, path: file.path, href, findings: file.findings });
    if (file.install) this.installs.push({ folder: file.folder, path: file.path, href, ...file.install });
    if (file.languageId === 'markdown') this.documentFindings += file.findings.length;
    let coreInFile = false;
    const rulesInFile = new Set<string>();
    for (const finding of file.findings) {
      const runtime = isRuntimeFinding(file, finding);
      const bucket = bucketOf(finding);
      this.countBucket(bucket);
      const key = `${finding.ruleId}\u0000${bucket}`;
      const tally = this.rules.get(key) ?? { ruleId: finding.ruleId, bucket, findings: 0, files: 0, equivalents: new Set<string>() };
      tally.findings++;
      if (tally.equivalents.size < MAX_EQUIVALENTS_PER_RULE) tally.equivalents.add(findingEquivalent(this.options.locale, finding));
      if (!rulesInFile.has(key)) {
        rulesInFile.add(key);
        tally.files++;
      }
      this.rules.set(key, tally);
      if (bucket === 'no-equivalent') {
        if (runtime) {
          this.core.findings++;
          this.core.rules.add(finding.ruleId);
          coreInFile = true;
        } else {
          this.otherNoEquivalent++;
        }
      }
      this.notePlannedModel(finding);
      const services = servicesOf(finding);
      if (services) {
        tallyService(this.unavailable, services.unavailable, runtime);
        for (const id of services.available) tallyService(this.available, id, runtime);
      }
    }
    if (coreInFile) this.core.files++;
  }

  finish(): ReportModel {
    const feasibility = assessFeasibility({
      autoFixable: this.totals.autoFixable,
      manual: this.totals.manual,
      coreNoEquivalent: { findings: this.core.findings, files: this.core.files, rules: [...this.core.rules].sort() },
      otherNoEquivalent: this.otherNoEquivalent,
      unverifiedFiles: this.unverifiedFiles,
    });
    const folderOrder = (name: string) => this.options.folders.findIndex((folder) => folder.name === name);
    const byLocation = (a: { folder: string; path: string }, b: { folder: string; path: string }) =>
      folderOrder(a.folder) - folderOrder(b.folder) || compareStrings(a.path, b.path);
    return {
      options: this.options,
      multiRoot: this.options.folders.length > 1,
      feasibility,
      services: { available: sortServices(this.available), unavailable: sortServices(this.unavailable) },
      totals: { ...this.totals },
      filesScanned: this.filesScanned,
      files: [...this.sections].sort(byLocation),
      rules: [...this.rules.values()]
        .map((tally): RuleSummary => ({ ...tally, equivalents: [...tally.equivalents] }))
        .sort(compareRules),
      risks: selectRisks({
        rules: new Set([...this.rules.values()].map((tally) => tally.ruleId)),
        usesBedrock: this.unavailable.size > 0,
        documentFindings: this.documentFindings,
        unverifiedFiles: this.unverifiedFiles,
      }),
      skipped: [...this.skipped].sort(byLocation),
      documentFindings: this.documentFindings,
      unverifiedFiles: this.unverifiedFiles,
      deploymentPlan: this.deploymentPlan(),
      installs: [...this.installs].sort(byLocation),
    };
  }

  /** An open-weight model id: something to deploy (or already mapped) in the target region. */
  private notePlannedModel(finding: LocatedFinding): void {
    const data = finding.data;
    if (finding.ruleId !== 'bedrock/model-id' || !data || data.openWeights !== true || typeof data.modelId !== 'string' || data.modelId.includes('${')) return;
    const modelId = baseModelId(data.modelId);
    const entry = this.openModels.get(modelId) ?? { modelId };
    if (!entry.jumpStartId && !entry.hfModelId) {
      const info = findModelIds(modelId)[0]?.info;
      const target = info ? servingTargetOf(info, modelId) : undefined;
      if (target?.jumpStartId) entry.jumpStartId = target.jumpStartId;
      else if (target?.hfModelIds[0]) entry.hfModelId = target.hfModelIds[0];
    }
    if (!entry.endpointName && typeof data.endpointName === 'string') {
      entry.endpointName = data.endpointName;
      if (typeof data.inferenceComponentName === 'string') entry.inferenceComponentName = data.inferenceComponentName;
    }
    this.openModels.set(modelId, entry);
  }

  private deploymentPlan(): DeploymentPlan {
    const check = this.options.jumpStart?.region === this.options.targetRegion ? this.options.jumpStart : undefined;
    const entries = [...this.openModels.values()].sort((a, b) => compareStrings(a.modelId, b.modelId)).map((entry) => {
      const known = check && entry.jumpStartId ? check.models.find((model) => model.jumpStartId === entry.jumpStartId) : undefined;
      return known ? {
        ...entry, available: known.available, ...(known.version ? { version: known.version } : {}),
        ...(known.defaultInstanceType ? { instanceType: known.defaultInstanceType } : {}), ...(known.gated !== undefined ? { gated: known.gated } : {}),
      } : { ...entry };
    });
    return { entries, ...(check ? { checkedRegion: check.region } : {}) };
  }

  private countBucket(bucket: Bucket): void {
    this.totals.total++;
    if (bucket === 'auto-fixable') this.totals.autoFixable++;
    else if (bucket === 'manual') this.totals.manual++;
    else this.totals.noEquivalent++;
  }
}

/** Convenience for callers that already hold every file. */
export function buildReport(options: ReportOptions, files: Iterable<FileResult>): ReportModel {
  const collector = new ReportCollector(options);
  for (const file of files) collector.add(file);
  return collector.finish();
}

function tallyService(services: Map<ServiceId, ServiceUse>, id: ServiceId, core: boolean): void {
  const use = services.get(id) ?? { id, findings: 0, core: false };
  use.findings++;
  use.core ||= core;
  services.set(id, use);
}

// Core services first, then by how much code depends on them.
function sortServices(services: Map<ServiceId, ServiceUse>): ServiceUse[] {
  return [...services.values()].sort(
    (a, b) => Number(b.core) - Number(a.core) || b.findings - a.findings || SERVICE_ORDER.indexOf(a.id) - SERVICE_ORDER.indexOf(b.id),
  );
}

const BUCKET_ORDER: readonly Bucket[] = ['no-equivalent', 'manual', 'auto-fixable'];

// Hardest work first: what has no equivalent, then manual work, then what fixes itself.
function compareRules(a: RuleSummary, b: RuleSummary): number {
  return BUCKET_ORDER.indexOf(a.bucket) - BUCKET_ORDER.indexOf(b.bucket) || b.findings - a.findings || compareStrings(a.ruleId, b.ruleId);
}

// Code-point order, not locale order, so the report is the same on every machine.
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
