// The CLI itself, bundled as cli-main.js and started by cliLauncher.ts (the `bedrock-to-sagemaker` bin). All logic is in ./cli/.
import { runCli } from './cli/main';

// `... | head` closes the pipe early; that is the reader's choice, not a crash worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

// Ctrl+C cancels: AWS calls are aborted, the write in progress finishes and no other starts (cli/cancellation.ts);
// a second Ctrl+C while that happens exits at once.
const interrupted = new AbortController();
process.on('SIGINT', () => {
  if (interrupted.signal.aborted) process.exit(130);
  interrupted.abort();
});

void runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env, signal: interrupted.signal }).then((code) => {
  // exitCode rather than exit(): let stdout drain a large JSON or SARIF report first.
  process.exitCode = code;
});
