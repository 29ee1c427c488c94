// Starts code-server (VS Code 1.100 in a browser) for one driver run: 127.0.0.1 only, a free port, temp
// user-data and extensions dirs, its own config file; stops it by PID. See ../../../../shared/vscode-e2e.md.
const { spawn, execFileSync } = require('child_process');
const fs = require('fs');
const http = require('http');
const net = require('net');
const os = require('os');
const path = require('path');

const CODE_SERVER = process.env.CODE_SERVER || path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'),
  'bedrock-to-sagemaker-e2e/code-server-4.100.3/node_modules/.bin/code-server');

const USER_SETTINGS = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  // VS Code desktop's default. In a browser build the default is 'afterDelay' (1 s): under load it saved the
  // tests' deliberately unsaved editors behind their back (Migrate Workspace's "unsaved editors stay unsaved").
  'files.autoSave': 'off',
  'workbench.tips.enabled': false,
  'chat.commandCenter.enabled': false,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  // The fixtures have no node_modules, so TypeScript would add "Cannot find module" errors: keep the
  // editor's squiggles and the Problems panel to our own findings.
  'typescript.validate.enable': false,
  'javascript.validate.enable': false,
  // Less background work competing for 2 cores; none of it touches our extension. (Type acquisition
  // would also try the network.)
  'typescript.disableAutomaticTypeAcquisition': true,
  'git.enabled': false,
  'github.gitAuthentication': false,
  'npm.autoDetect': 'off',
  'extensions.ignoreRecommendations': true,
  'workbench.enableExperiments': false,
};

/** A temp dir for one run, with user-data (settings above) and extensions dirs inside it. */
function makeRunDirs(prefix) {
  if (!fs.existsSync(CODE_SERVER)) {
    throw new Error(`code-server not found at ${CODE_SERVER}: run test/e2e/setup.sh (or set CODE_SERVER)`);
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
  const userData = path.join(tmp, 'user-data');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  // E2E_USER_SETTINGS='{"bedrockToSagemaker.trace.server":"verbose"}' adds settings when debugging a run.
  const extra = process.env.E2E_USER_SETTINGS ? JSON.parse(process.env.E2E_USER_SETTINGS) : {};
  fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({ ...USER_SETTINGS, ...extra }, null, 2));
  return { tmp, userData, extensions: path.join(tmp, 'extensions'), log: path.join(tmp, 'code-server.log') };
}

// Without --config, code-server writes ~/.config/code-server/config.yaml.
const dirArgs = (dirs) => ['--config', path.join(dirs.tmp, 'config.yaml'), '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];

function installVsix(dirs, vsix) {
  execFileSync(CODE_SERVER, [...dirArgs(dirs), '--install-extension', path.resolve(vsix)], { stdio: ['ignore', 'pipe', 'pipe'], timeout: 120000 });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => { const { port } = server.address(); server.close(() => resolve(port)); });
  });
}

function httpStatus(url) {
  return new Promise((resolve) => {
    http.get(url, (res) => { res.resume(); resolve(res.statusCode); }).on('error', () => resolve(0));
  });
}

/** Starts code-server and resolves once /healthz answers; `env` reaches the extension host. */
async function startCodeServer(dirs, env = {}, timeoutMs = 30000) {
  const port = await freePort();
  const logFd = fs.openSync(dirs.log, 'w');
  const child = spawn(CODE_SERVER, [...dirArgs(dirs), '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    '--ignore-last-opened'], { stdio: ['ignore', logFd, logFd], env: { ...process.env, ...env } });
  fs.closeSync(logFd);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const server = {
    port,
    pid: child.pid,
    origin: `http://127.0.0.1:${port}`,
    /** A path on this machine as the workbench's remote URI (authority = the page's host:port). */
    remote: (p) => `vscode-remote://127.0.0.1:${port}${p}`,
    /** SIGTERM by PID takes the extension host and the language server down with it; SIGKILL after 5 s. */
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      process.kill(child.pid, 'SIGTERM');
      const timer = setTimeout(() => { try { process.kill(child.pid, 'SIGKILL'); } catch { /* gone */ } }, 5000);
      await exited;
      clearTimeout(timer);
    },
  };
  const deadline = Date.now() + timeoutMs;
  while (await httpStatus(`${server.origin}/healthz`) !== 200) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}`);
    if (Date.now() > deadline) { await server.stop(); throw new Error(`code-server did not answer within ${timeoutMs} ms`); }
    await new Promise((r) => setTimeout(r, 100)); // poll interval, not a wait for something to happen
  }
  return server;
}

/** The workbench URL for a folder or a .code-workspace file, with the automation payload. */
function workbenchUrl(server, target, payload) {
  const which = target.endsWith('.code-workspace') ? 'workspace' : 'folder';
  return `${server.origin}/?${which}=${encodeURIComponent(target)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

function logTail(dirs, lines = 40) {
  try {
    return fs.readFileSync(dirs.log, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no code-server log)';
  }
}

module.exports = { CODE_SERVER, makeRunDirs, installVsix, startCodeServer, workbenchUrl, logTail };
