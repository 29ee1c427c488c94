// Runs a program as a user would: its files in a temporary workspace (with the repository's node_modules
// linked in), `node --import tsx`, dummy AWS credentials, and STANDIN_ENDPOINT pointing at a stand-in.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface ProgramResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

const REPO_NODE_MODULES = join(__dirname, '..', '..', '..', 'node_modules');

/** `files` maps workspace-relative paths to contents; `main` is the one to run. */
export async function runProgram(files: Record<string, string>, main: string, endpoint: string): Promise<ProgramResult> {
  const workspace = mkdtempSync(join(tmpdir(), 'b2s-program-'));
  try {
    symlinkSync(REPO_NODE_MODULES, join(workspace, 'node_modules'), 'junction');
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(workspace, path)), { recursive: true });
      writeFileSync(join(workspace, path), content);
    }
    return await spawnNode(workspace, main, endpoint);
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
}

function spawnNode(cwd: string, main: string, endpoint: string): Promise<ProgramResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', main], {
      cwd,
      env: standinEnvironment(cwd, endpoint),
      timeout: 60_000,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString('utf8'); });
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString('utf8'); });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * The environment of a program run against a stand-in: its endpoint, fixed fake credentials, and no AWS config,
 * credentials file or instance metadata, so nothing of the machine's own AWS setup is read.
 */
export function standinEnvironment(cwd: string, endpoint: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    STANDIN_ENDPOINT: endpoint,
    AWS_ACCESS_KEY_ID: 'AKIDSTANDIN',
    AWS_SECRET_ACCESS_KEY: 'standin-secret',
    AWS_CONFIG_FILE: join(cwd, 'no-aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(cwd, 'no-aws-credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
  };
}
