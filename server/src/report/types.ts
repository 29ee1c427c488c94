// Shapes of the workspace migration report. Pure data: no file system, no LSP, no VS Code.
// Scanners (CLI, language server) produce `FileResult`s; the collector turns them into a `ReportModel`;
// renderers turn the model into Markdown, JSON or SARIF.
import type { LanguageId, RuleId, TargetRegion } from '../engine/types';
import type { Locale } from '../engine/l10n';
import type { PackageInstall } from '../engine/packageJson';
import type { LinePosition, LocatedFinding } from '../formats/locatedFinding';

// A finding's located form is shared with the CLI's JSON and SARIF output (formats/), which sit below the report.
export type { LinePosition, LocatedFinding };

/** Why a file was not analysed: the engine's reasons plus the workspace reader's. */
export type ReportSkipReason = 'binary' | 'too-large' | 'too-complex' | 'cancelled' | 'unreadable' | 'not-a-file' | 'unsupported-language';

/** One file's result, as a scanner hands it to the report. */
export interface FileResult {
  /** Name of the workspace folder (multi-root); '' when there is a single unnamed root. */
  folder: string;
  /** Path relative to the folder root, with forward slashes. */
  path: string;
  /** Undefined for files skipped before their language was known. */
  languageId?: LanguageId;
  findings: readonly LocatedFinding[];
  skipped?: { reason: ReportSkipReason; message?: string };
  /** A package.json the migration changes or must change (it lists Bedrock packages): the install to run after it. */
  install?: PackageInstall;
}

/** A workspace folder: its display name and its absolute root (native or forward slashes). */
export interface ReportFolder {
  name: string;
  root: string;
}

export interface ReportOptions {
  /** Shown in the title, e.g. the workspace or directory name. */
  workspaceName: string;
  folders: readonly ReportFolder[];
  targetRegion: TargetRegion;
  locale: Locale;
  /** The validation date, `YYYY-MM-DD`. */
  date: string;
  /**
   * Which JumpStart models SageMakerPublicHub has in the target region, from a "Connect to SageMaker Endpoints"
   * in this session (the report itself never calls AWS). Undefined: not checked.
   */
  jumpStart?: JumpStartCheck;
  /**
   * Absolute directory the Markdown report will be written to; file links are made relative to it so they
   * resolve in VS Code's preview and on GitHub. Undefined: links are folder-relative paths.
   */
  linkBase?: string;
}

export interface JumpStartCheck {
  region: string;
  models: ReadonlyArray<{ jumpStartId: string; available: boolean; version?: string; defaultInstanceType?: string; gated?: boolean }>;
}

/** One open-weight Bedrock model of the workspace and what it takes to serve it in the target region. */
export interface DeploymentPlanEntry {
  /** The id without its inference-profile geography. */
  modelId: string;
  jumpStartId?: string;
  /** Hugging Face weights to deploy with LMI when there is no JumpStart model. */
  hfModelId?: string;
  /** From bedrockToSagemaker.endpoints, when mapped. */
  endpointName?: string;
  inferenceComponentName?: string;
  /** Undefined: not checked (no connect), or no JumpStart id to check. */
  available?: boolean;
  version?: string;
  /** From the hub document (DescribeHubContent) of a connect: the default instance type. */
  instanceType?: string;
  /** From the hub document: deploying needs the model's EULA accepted. Undefined: not known. */
  gated?: boolean;
}

export interface DeploymentPlan {
  entries: DeploymentPlanEntry[];
  /** The region the JumpStart availability was checked in; undefined when it was not checked. */
  checkedRegion?: string;
}

export type Feasibility = 'HIGH' | 'MEDIUM' | 'LOW';

/** Where a finding goes in the totals. See docs/report.md "Categories". */
export type Bucket = 'auto-fixable' | 'manual' | 'no-equivalent';

/** Why the feasibility level was chosen; rendered as the numbered "reasoning" list. */
export type FeasibilityReason =
  | { kind: 'nothing-found' }
  | { kind: 'all-auto-fixable'; findings: number }
  | { kind: 'core-no-equivalent'; findings: number; files: number; rules: RuleId[] }
  | { kind: 'manual-steps'; findings: number }
  | { kind: 'no-equivalent-outside-runtime'; findings: number }
  | { kind: 'unverified-files'; files: number };

export interface FeasibilityAssessment {
  level: Feasibility;
  reasons: FeasibilityReason[];
}

/** Stable ids of the services the report talks about; names come from `services.ts`. */
export type ServiceId =
  | 'bedrock-runtime'
  | 'bedrock-converse'
  | 'bedrock-control'
  | 'bedrock-agents'
  | 'bedrock-agentcore'
  | 'bedrock-knowledge-bases'
  | 'bedrock-guardrails'
  | 'bedrock-data-automation'
  | 'bedrock-api-keys'
  | 'sagemaker-runtime'
  | 'sagemaker-async-inference'
  | 'sagemaker-jumpstart'
  | 'sagemaker'
  | 'opensearch'
  | 'iam';

export interface ServiceUse {
  id: ServiceId;
  /** Findings that use (unavailable) or need (available) the service. */
  findings: number;
  /** True when runtime code (not only docs or tests) depends on it. */
  core: boolean;
}

export interface CategoryTotals {
  autoFixable: number;
  manual: number;
  noEquivalent: number;
  total: number;
}

export interface FileSection {
  folder: string;
  path: string;
  /** Href to the file from the report's directory, without the `#L` fragment. */
  href: string;
  findings: readonly LocatedFinding[];
}

/** A package.json the migration changes or must change, and the install command its lockfile calls for. */
export interface PackageInstallStep extends PackageInstall {
  folder: string;
  /** The package.json, relative to its folder. */
  path: string;
  href: string;
}

export interface RuleSummary {
  ruleId: RuleId;
  bucket: Bucket;
  findings: number;
  files: number;
  /** The distinct equivalents the findings name (detectors can be more specific than the rule). */
  equivalents: string[];
}

export interface SkippedFile {
  folder: string;
  path: string;
  reason: ReportSkipReason;
  message?: string;
}

export type RiskId =
  | 'service-unavailable'
  | 'model-availability'
  | 'api-compatibility'
  | 'streaming'
  | 'cost-model'
  | 'credentials'
  | 'documentation'
  | 'unscanned-files'
  | 'snapshot';

export interface ReportModel {
  options: ReportOptions;
  multiRoot: boolean;
  feasibility: FeasibilityAssessment;
  services: { available: ServiceUse[]; unavailable: ServiceUse[] };
  totals: CategoryTotals;
  filesScanned: number;
  files: FileSection[];
  rules: RuleSummary[];
  risks: RiskId[];
  skipped: SkippedFile[];
  /** Findings in Markdown documents (part of `totals`). */
  documentFindings: number;
  /** Skipped files that may hide Bedrock use (part of `skipped`). */
  unverifiedFiles: number;
  /** Open-weight models to deploy; empty when the workspace names none. */
  deploymentPlan: DeploymentPlan;
  /** Packages whose dependencies change, with the install to run (lockfiles are never edited); walk order. */
  installs: PackageInstallStep[];
}
