import * as vscode from 'vscode';
import type { ReportFolderParams } from '../../../shared/reportProtocol';

/**
 * The workspace folders with the `files.exclude` globs that are switched on for each (conditional entries,
 * `{ "when": "$(basename).ts" }`, depend on sibling files and are not applied to the report), and the
 * `files.watcherExclude` ones: the server does not rely on file events where VS Code does not watch.
 */
export function reportFolderParams(): ReportFolderParams[] {
  return (vscode.workspace.workspaceFolders ?? []).map((folder) => {
    const files = vscode.workspace.getConfiguration('files', folder.uri);
    return {
      uri: folder.uri.toString(),
      name: folder.name,
      filesExclude: enabledGlobs(files.get('exclude')),
      filesWatcherExclude: enabledGlobs(files.get('watcherExclude')),
    };
  });
}

function enabledGlobs(setting: unknown): string[] {
  const globs = setting && typeof setting === 'object' ? (setting as Record<string, unknown>) : {};
  return Object.entries(globs).filter(([, enabled]) => enabled === true).map(([glob]) => glob);
}
