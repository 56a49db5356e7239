/**
 * The process around run(): real IO, and the promise that nothing reaches the user as a stack
 * trace. A reader that goes away (`| head -1`, EPIPE) ends the output quietly; any other failure
 * to write (`>/dev/full`, ENOSPC) is one line on stderr and exit 2; anything thrown is a bug,
 * reported as one line "route-designer: internal error: …" with exit 2.
 */
import { escapeControls } from './escape.js';
import { reasonOf } from './load-files.js';
import { nodeIO } from './node-io.js';
import { run } from './run.js';

let writeFailed = false;
let internalError = false;
const closed = { stdout: false, stderr: false };

function guard(name: 'stdout' | 'stderr'): void {
  process[name].on('error', (e: NodeJS.ErrnoException) => {
    closed[name] = true;
    if (e.code === 'EPIPE') return;
    writeFailed = true;
    process.exitCode = 2;
    if (name === 'stdout') write('stderr', `route-designer: cannot write to standard output: ${reasonOf(e)}\n`);
  });
}

function write(name: 'stdout' | 'stderr', text: string): void {
  if (closed[name]) return;
  try {
    process[name].write(text);
  } catch {
    closed[name] = true;
  }
}

function fail(e: unknown): void {
  if (internalError) return;
  internalError = true;
  const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  write('stderr', `route-designer: internal error: ${escapeControls(message)}\n`);
  process.exitCode = 2;
}

guard('stdout');
guard('stderr');
process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);

const io = nodeIO({ stdout: (t) => write('stdout', t), stderr: (t) => write('stderr', t) });

run(process.argv.slice(2), io).then((code) => {
  process.exitCode = writeFailed || internalError ? 2 : code;
}, fail);
