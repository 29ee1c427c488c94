import * as vscode from 'vscode';
import type { ReportFolderParams } from '../../../shared/reportProtocol';

/**
 * The workspace folders with the `files.exclude` globs that are switched on for each. Conditional entries
 * (`{ "when": "$(basename).ts" }`) depend on sibling files and are not applied to the report.
 */
export function reportFolderParams(): ReportFolderParams[] {
  return (vscode.workspace.workspaceFolders ?? []).map((folder) => {
    const exclude = vscode.workspace.getConfiguration('files', folder.uri).get<Record<string, unknown>>('exclude') ?? {};
    return {
      uri: folder.uri.toString(),
      name: folder.name,
      filesExclude: Object.entries(exclude).filter(([, enabled]) => enabled === true).map(([glob]) => glob),
    };
  });
}
