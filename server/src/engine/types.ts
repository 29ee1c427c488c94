// The engine's public shapes. Nothing here knows about LSP, VS Code or the file system:
// the language server, the CLI and the report are adapters over these types.

/** Stable rule ids. Never rename one: users suppress and configure by id. */
export type RuleId =
  | 'bedrock/import'
  | 'bedrock/runtime-client'
  | 'bedrock/client-region'
  | 'bedrock/invoke-model'
  | 'bedrock/invoke-model-stream'
  | 'bedrock/converse'
  | 'bedrock/converse-stream'
  | 'bedrock/guardrail'
  | 'bedrock/count-tokens'
  | 'bedrock/async-invoke'
  | 'bedrock/bidirectional-stream'
  | 'bedrock/agent'
  | 'bedrock/knowledge-base'
  | 'bedrock/control-plane'
  | 'bedrock/data-automation'
  | 'bedrock/langchain'
  | 'bedrock/ai-sdk'
  | 'bedrock/llamaindex'
  | 'bedrock/openai-compatible'
  | 'bedrock/model-id'
  | 'bedrock/arn'
  | 'bedrock/endpoint-host'
  | 'bedrock/iam-action'
  | 'bedrock/api-key'
  | 'bedrock/migration-todo'
  // SageMaker endpoints named in settings and code, checked against the last connect (not an engine finding).
  | 'bedrock/endpoint-validation'
  // package.json only.
  | 'bedrock/dependency'
  // Markdown-only rules (documents).
  | 'bedrock/cli-command'
  | 'bedrock/python-sdk'
  | 'bedrock/prose-service'
  | 'assessment/front-matter'
  | 'assessment/target-region'
  | 'assessment/feasibility'
  | 'assessment/service-count'
  | 'assessment/date';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/**
 * has-equivalent: SageMaker Runtime can do the same thing (often an automatic fix).
 * manual: an equivalent exists but needs a human decision (endpoint, payload, architecture).
 * no-equivalent: nothing in the China regions does this; the message names the alternative.
 */
export type Category = 'has-equivalent' | 'no-equivalent' | 'manual';

export type TargetRegion = 'cn-north-1' | 'cn-northwest-1';

/** Languages the engine analyses. Script ids follow VS Code's language ids. */
export type ScriptLanguage = 'typescript' | 'typescriptreact' | 'javascript' | 'javascriptreact';
export type LanguageId = ScriptLanguage | 'markdown' | 'python' | 'shellscript' | 'json' | 'yaml';

/** Half-open UTF-16 offset range into the analysed text, like TypeScript node positions. */
export interface OffsetRange {
  start: number;
  end: number;
}

/** JSON-serialisable facts a fix needs; rides on LSP `Diagnostic.data`. */
export type FindingData = { [key: string]: string | number | boolean | null | string[] | undefined };

export interface Finding {
  ruleId: RuleId;
  range: OffsetRange;
  severity: Severity;
  category: Category;
  message: string;
  /** The SageMaker equivalent (`InvokeEndpoint`, ...) or `none: <alternative>`. */
  equivalent: string;
  /** True when a safe automatic rewrite exists for this finding. */
  fixable: boolean;
  data: FindingData;
}

export interface EndpointMapping {
  endpointName: string;
  inferenceComponentName?: string;
  container: 'lmi' | 'tgi';
}

export interface EngineSettings {
  targetRegion: TargetRegion;
  /** Bedrock model id (or `*` glob pattern) → SageMaker endpoint. */
  endpoints: Record<string, EndpointMapping>;
  /** Per-rule severity override, or 'off' to disable a rule. */
  rules: Partial<Record<RuleId, Severity | 'off'>>;
  /** Workspace-relative path of the generated Converse adapter module. */
  adapterPath: string;
}

/** Cooperative cancellation, structurally compatible with LSP and VS Code tokens. */
export interface CancellationToken {
  readonly isCancellationRequested: boolean;
}

export interface AnalyzeInput {
  text: string;
  languageId: LanguageId;
  settings: EngineSettings;
  /** Used only to pick a script kind (`.tsx`, `.mjs`...) and in messages; never read from disk. */
  fileName?: string;
  token?: CancellationToken;
  /**
   * What the editor's analysis of the document knows about this text from its previous versions (textPresence.ts):
   * whole-text searches and the changed span, answered without reading the whole text. Consulted only while its
   * `text` is this input's text.
   */
  presence?: TextFacts;
}

/** How a text was made from the one before it: the one span that differs (TypeScript's `TextChangeRange`). */
export interface TextChangeSince {
  from: string;
  range: { span: { start: number; length: number }; newLength: number };
}

/** Facts about one version of a document's text, carried across versions (textPresence.ts). */
export interface TextFacts {
  readonly text: string | undefined;
  readonly change: TextChangeSince | undefined;
  includes(needle: string): boolean;
}

export interface AnalyzeResult {
  findings: Finding[];
  /** Set when the text could not be analysed at all (binary, too large...). */
  skipped?: { reason: SkipReason; message: string };
}

export type SkipReason = 'binary' | 'too-large' | 'too-complex' | 'cancelled';

export interface AnalyzeLimits {
  /** Texts longer than this (UTF-16 code units) are skipped with a clear reason. */
  maxLength: number;
}
