// The workspaces the suite runs in, shared by both runners (code-server driver and test-electron).
// Every run opens a fresh temp copy of fixtures/, so tests may edit and save files and reruns start clean.
const fs = require('fs');
const path = require('path');

const FIXTURES = path.join(__dirname, 'fixtures');
const PROJECTS = path.join(__dirname, '..', 'projects');
const MANIFEST = path.join(__dirname, '..', '..', 'package.json');

/**
 * Fixture projects of the project suite (test/projects) that the multi-root workspace also opens as folders, for
 * Migrate Workspace on whole projects (multi-root/workspace.test.ts). Copied, not duplicated, so the two suites
 * always migrate the same projects.
 */
const MIGRATED_PROJECTS = ['esm-js', 'ts-library'];

/** `open` is relative to the copy: a folder, or a .code-workspace file for the multi-root launch. */
const WORKSPACES = [
  { name: 'single folder', open: 'workspace', isWorkspaceFile: false },
  { name: 'multi-root', open: 'multi-root/multi-root.code-workspace', isWorkspaceFile: true },
];

/** Copies the fixtures into `tmpDir` (once) and returns the absolute path to open for `workspace`. */
function prepareWorkspace(workspace, tmpDir) {
  const copy = path.join(tmpDir, 'fixtures');
  if (!fs.existsSync(copy)) {
    fs.cpSync(FIXTURES, copy, { recursive: true });
    for (const name of MIGRATED_PROJECTS) copyProject(name, path.join(copy, 'multi-root', 'projects', name));
  }
  return path.join(copy, workspace.open);
}

/**
 * A project folder whose folder settings are its CLI config (what `scan --fix --config` reads), so the editor and
 * the CLI migrate it alike. The workspace-level targetRegion (cn-north-1) would otherwise win over the CLI's
 * default, so the folder states the manifest's default when the config has none.
 */
function copyProject(name, target) {
  fs.cpSync(path.join(PROJECTS, name), target, { recursive: true, filter: (source) => path.basename(source) !== 'node_modules' });
  const config = JSON.parse(fs.readFileSync(path.join(target, 'bedrock-to-sagemaker.config.json'), 'utf8'));
  const manifest = JSON.parse(fs.readFileSync(MANIFEST, 'utf8'));
  const defaultRegion = manifest.contributes.configuration.properties['bedrockToSagemaker.targetRegion'].default;
  const settings = { 'bedrockToSagemaker.targetRegion': defaultRegion };
  for (const [key, value] of Object.entries(config)) settings[`bedrockToSagemaker.${key}`] = value;
  fs.mkdirSync(path.join(target, '.vscode'), { recursive: true });
  fs.writeFileSync(path.join(target, '.vscode', 'settings.json'), `${JSON.stringify(settings, null, 2)}\n`);
}

module.exports = { WORKSPACES, MIGRATED_PROJECTS, prepareWorkspace };
