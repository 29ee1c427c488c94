// The workspaces the suite runs in, shared by both runners (code-server driver and test-electron).
// Every run opens a fresh temp copy of fixtures/, so tests may edit and save files and reruns start clean.
const fs = require('fs');
const path = require('path');

const FIXTURES = path.join(__dirname, 'fixtures');

/** `open` is relative to the copy: a folder, or a .code-workspace file for the multi-root launch. */
const WORKSPACES = [
  { name: 'single folder', open: 'workspace', isWorkspaceFile: false },
  { name: 'multi-root', open: 'multi-root/multi-root.code-workspace', isWorkspaceFile: true },
];

/** Copies the fixtures into `tmpDir` (once) and returns the absolute path to open for `workspace`. */
function prepareWorkspace(workspace, tmpDir) {
  const copy = path.join(tmpDir, 'fixtures');
  if (!fs.existsSync(copy)) fs.cpSync(FIXTURES, copy, { recursive: true });
  return path.join(copy, workspace.open);
}

module.exports = { WORKSPACES, prepareWorkspace };
