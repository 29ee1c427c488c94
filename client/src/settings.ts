import * as vscode from 'vscode';
import { CONFIG_SECTION, DEFAULT_MAX_FILE_SIZE_KB, DEFAULT_RUN_MODE, type LanguageSetting, type RunMode } from '../../shared/protocol';

/** The settings the client itself reads, per resource. The server reads its own through workspace/configuration. */
export interface ClientSettings {
  run: RunMode;
  maxFileSizeKb: number;
  targetRegion: string;
}

/** `null` asks for the value that applies to no particular resource (no active editor). */
export function readClientSettings(resource: vscode.Uri | null): ClientSettings {
  const config = vscode.workspace.getConfiguration(CONFIG_SECTION, resource);
  const maxFileSizeKb = config.get<number>('maxFileSizeKb', DEFAULT_MAX_FILE_SIZE_KB);
  return {
    run: config.get<RunMode>('run') === 'onSave' ? 'onSave' : DEFAULT_RUN_MODE,
    maxFileSizeKb: typeof maxFileSizeKb === 'number' && maxFileSizeKb > 0 ? maxFileSizeKb : DEFAULT_MAX_FILE_SIZE_KB,
    targetRegion: config.get<string>('targetRegion', 'cn-northwest-1'),
  };
}

/** `bedrockToSagemaker.language` is application-scoped: one value for the whole window. */
export function readLanguageSetting(): LanguageSetting {
  const value = vscode.workspace.getConfiguration(CONFIG_SECTION).get<string>('language');
  return value === 'en' || value === 'zh-cn' ? value : 'auto';
}
