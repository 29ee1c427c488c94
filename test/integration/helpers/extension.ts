import * as assert from 'assert';
import * as vscode from 'vscode';
import { waitFor } from './waitFor';
import { openEditor } from './workspace';

export const EXTENSION_ID = 'bedrock-to-sagemaker.bedrock-to-sagemaker';

export function ourExtension(): vscode.Extension<unknown> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is installed or under development`);
  return extension;
}

/**
 * Opens `uri` in an editor and waits for the extension to become active. Never calls `activate()`:
 * only the manifest's activationEvents may activate it, so a broken onLanguage entry fails here.
 */
export async function openAndExpectActivation(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const extension = ourExtension();
  assert.strictEqual(extension.isActive, false, 'the extension activates lazily, not before a matching file is opened');
  const editor = await openEditor(uri);
  await waitFor(`activation by opening a ${editor.document.languageId} file`, () => extension.isActive);
  assertArtifactUnderTest(extension);
  return editor;
}

/** With E2E_INSTALLED_EXTENSIONS_DIR set (the packaged-VSIX run), the extension must come from the .vsix. */
function assertArtifactUnderTest(extension: vscode.Extension<unknown>): void {
  const installedDir = process.env.E2E_INSTALLED_EXTENSIONS_DIR;
  console.log(`testing ${extension.id} ${extension.packageJSON.version} from ${extension.extensionPath}`);
  if (installedDir) {
    assert.ok(extension.extensionPath.startsWith(installedDir), `${extension.extensionPath} is the installed .vsix under ${installedDir}`);
  }
}
