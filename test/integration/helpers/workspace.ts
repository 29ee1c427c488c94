import * as assert from 'assert';
import * as vscode from 'vscode';
import { waitFor } from './waitFor';

export function folderNamed(name: string): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.find((f) => f.name === name);
  assert.ok(folder, `workspace folder '${name}' is open; have ${vscode.workspace.workspaceFolders?.map((f) => f.name)}`);
  return folder;
}

/**
 * The workbench can start the extension host before it has read a .code-workspace file's folders (seen on
 * a loaded machine); they then arrive as a change event. Tests start once these folders are there.
 */
export function waitForFolders(...names: string[]): Promise<unknown> {
  const open = () => names.every((name) => vscode.workspace.workspaceFolders?.some((f) => f.name === name));
  return waitFor(`workspace folders ${names.join(', ')}`, open, {
    events: [vscode.workspace.onDidChangeWorkspaceFolders],
    describe: () => JSON.stringify(vscode.workspace.workspaceFolders?.map((f) => f.name) ?? []),
  });
}

export function fileIn(folder: vscode.WorkspaceFolder, relativePath: string): vscode.Uri {
  return vscode.Uri.joinPath(folder.uri, relativePath);
}

/** A fresh copy of a fixture file next to it, so a test can mutate it without touching what others read. */
export async function copyOf(source: vscode.Uri, copyName: string): Promise<vscode.Uri> {
  const target = vscode.Uri.joinPath(source, '..', copyName);
  await vscode.workspace.fs.copy(source, target, { overwrite: true });
  return target;
}

export async function setFolderSetting(folder: vscode.WorkspaceFolder, key: string, value: unknown): Promise<void> {
  const [section, ...rest] = key.split('.');
  await vscode.workspace.getConfiguration(section, folder.uri).update(rest.join('.'), value, vscode.ConfigurationTarget.WorkspaceFolder);
}

/**
 * Opens `uri` in a pinned (non-preview) editor. A preview editor is replaced by the next file opened, which
 * closes its tab, and VS Code then drops the pulled diagnostics of that file.
 */
export function openEditor(uri: vscode.Uri): Thenable<vscode.TextEditor> {
  return vscode.window.showTextDocument(uri, { preview: false });
}

/** The file as saved on disk (the extension host is a local Node process in both runners). */
export async function diskText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

/** Runs `fn` with folder settings `values` in place, then puts back what was there before. */
export async function withFolderSettings(folder: vscode.WorkspaceFolder, values: Record<string, unknown>, fn: () => Promise<void>): Promise<void> {
  const before = Object.keys(values).map((key) => {
    const [section, ...rest] = key.split('.');
    return [key, vscode.workspace.getConfiguration(section, folder.uri).inspect(rest.join('.'))?.workspaceFolderValue] as const;
  });
  try {
    for (const [key, value] of Object.entries(values)) await setFolderSetting(folder, key, value);
    await fn();
  } finally {
    for (const [key, value] of before) await setFolderSetting(folder, key, value);
  }
}
