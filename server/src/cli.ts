// The CLI itself, bundled as cli-main.js and started by cliLauncher.ts (the `bedrock-to-sagemaker` bin). All logic is in ./cli/.
import { runCli } from './cli/main';

// `... | head` closes the pipe early; that is the reader's choice, not a crash worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

void runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env }).then((code) => {
  // exitCode rather than exit(): let stdout drain a large JSON or SARIF report first.
  process.exitCode = code;
});
