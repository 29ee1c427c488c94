// Names and message types shared by the VS Code client and the language server. Both bundles compile this
// file, so a renamed setting, command or request cannot drift between the two sides.
import { RequestType } from 'vscode-languageserver-protocol';
import type { Range } from 'vscode-languageserver-protocol';

export const EXTENSION_ID = 'bedrockToSagemaker';
/** The `workspace/configuration` section; every setting key starts with it. */
export const CONFIG_SECTION = EXTENSION_ID;
/** `Diagnostic.source` of everything we report. */
export const DIAGNOSTIC_SOURCE = 'bedrock-to-sagemaker';
/** The pull-diagnostics provider identifier. */
export const DIAGNOSTIC_PROVIDER_ID = 'bedrockToSagemaker';

/** Languages we analyse; the client's document selector and the server's gate use the same list. */
export const SUPPORTED_LANGUAGE_IDS = ['typescript', 'typescriptreact', 'javascript', 'javascriptreact', 'markdown'] as const;
export type SupportedLanguageId = (typeof SUPPORTED_LANGUAGE_IDS)[number];

/**
 * package.json documents (VS Code language `json`), analysed for their Bedrock dependencies. The pattern keeps
 * every other JSON file away from the server; the server checks the file name again.
 */
export const PACKAGE_JSON_FILTER = { language: 'json', pattern: '**/package.json' } as const;

/**
 * Settings files that map endpoints (`.vscode/settings.json`, the CLI's `bedrock-to-sagemaker.config.json`): synced
 * so the endpoint validation of the last connect can mark their values. The engine does not analyse them.
 */
export const ENDPOINT_SETTINGS_FILTERS = [
  { language: 'jsonc', pattern: '**/.vscode/settings.json' },
  { language: 'json', pattern: '**/bedrock-to-sagemaker.config.json' },
  { language: 'jsonc', pattern: '**/bedrock-to-sagemaker.config.json' },
] as const;

export const CodeActionKinds = {
  fixAll: 'source.fixAll.bedrockToSagemaker',
  migrateFile: 'source.migrateFile.bedrockToSagemaker',
} as const;

export const Commands = {
  restartServer: 'bedrockToSagemaker.restartServer',
  showOutput: 'bedrockToSagemaker.showOutput',
  explainRule: 'bedrockToSagemaker.explainRule',
  migrateFile: 'bedrockToSagemaker.migrateFile',
  generateReport: 'bedrockToSagemaker.generateReport',
  migrateWorkspace: 'bedrockToSagemaker.migrateWorkspace',
  /** Client-side, run by VS Code after a code action that created files (arguments: their URIs); not in the palette. */
  saveCreatedFiles: 'bedrockToSagemaker.saveCreatedFiles',
} as const;

/** Sent by the client in `initialize`. */
export interface InitializationOptions {
  /** VS Code's display language (`vscode.env.language`). */
  locale?: string;
  /** The `bedrockToSagemaker.language` setting at start-up; the server re-reads it on configuration change. */
  language?: LanguageSetting;
  /** `vscode.workspace.isTrusted`. Untrusted: analysis runs, but actions that create files are refused. */
  isTrusted?: boolean;
}

export type RunMode = 'onType' | 'onSave';
export type LanguageSetting = 'auto' | 'en' | 'zh-cn';

/** Defaults of the settings only the transport layers read (the engine's own defaults live in the engine). */
export const DEFAULT_RUN_MODE: RunMode = 'onType';
export const DEFAULT_MAX_FILE_SIZE_KB = 1024;

/** `bedrockToSagemaker/findings`: the current findings of an open document, for the report and the client. */
export namespace FindingsRequest {
  export const method = 'bedrockToSagemaker/findings';
  export const type = new RequestType<FindingsParams, FindingsResult | null, void>(method);
}

export interface FindingsParams {
  uri: string;
}

export interface FindingsResult {
  uri: string;
  /** The document version the findings were computed for. */
  version: number;
  findings: FindingDto[];
  skipped?: { reason: string; message: string };
}

/** An engine finding with its offsets also given as an LSP range. Mirrors the engine's `Finding`. */
export interface FindingDto {
  ruleId: string;
  range: Range;
  offsets: { start: number; end: number };
  severity: 'error' | 'warning' | 'information' | 'hint';
  category: string;
  message: string;
  equivalent: string;
  fixable: boolean;
  docUrl: string;
  data: Record<string, unknown>;
}

/**
 * What every one of our diagnostics carries in `Diagnostic.data`: the finding's data plus these keys. No document
 * version: a diagnostic the client keeps across keystrokes ("unchanged" reports) is the current one; a quick fix is
 * given only for a diagnostic identical to one of the current version's (rule, range, message, data).
 */
export interface DiagnosticData {
  ruleId: string;
  category: string;
  equivalent: string;
  fixable: boolean;
  [key: string]: unknown;
}
