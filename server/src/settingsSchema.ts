// The one list of `bedrockToSagemaker.*` settings, shared by the extension's manifest (contributes.configuration,
// checked by test/unit/settingsSchema.test.ts) and the CLI (which reads the same keys from `.vscode/settings.json`,
// `bedrock-to-sagemaker.config.json` and `--config`).

/** The CLI's own settings file, looked for upwards from the scanned paths (its keys have no section prefix). */
export const CONFIG_FILE_NAME = 'bedrock-to-sagemaker.config.json';

/** The manifest's section prefix. */
export const SETTINGS_SECTION = 'bedrockToSagemaker';

/** Settings the engine uses, which the CLI reads too (without the section prefix in its own config files). */
export const CLI_SETTING_KEYS = ['targetRegion', 'endpoints', 'rules', 'adapterPath'] as const;
export type CliSettingKey = (typeof CLI_SETTING_KEYS)[number];

/**
 * Settings only the editor has: when to analyse, the UI language, the report's editor integration and protocol
 * tracing. `maxFileSizeKb` has the CLI flag `--max-file-size` instead; `report.include`/`exclude` are the editor
 * report's globs (the CLI takes paths), `report.reuseResults` its session cache. The CLI ignores these keys without a warning.
 */
export const EDITOR_ONLY_SETTING_KEYS = [
  'run', 'maxFileSizeKb', 'language', 'report.problems', 'report.include', 'report.exclude', 'report.reuseResults', 'trace.server',
] as const;

export function isCliSettingKey(key: string): key is CliSettingKey {
  return (CLI_SETTING_KEYS as readonly string[]).includes(key);
}

export function isEditorOnlySettingKey(key: string): boolean {
  return (EDITOR_ONLY_SETTING_KEYS as readonly string[]).includes(key);
}
