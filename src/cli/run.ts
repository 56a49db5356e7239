import { parseArgs, UsageError, type FlagSpec } from './args.js';
import { CONVERT_FLAGS, runConvert } from './convert-command.js';
import { DIFF_FLAGS, runDiff } from './diff-command.js';
import { escapeControls } from './escape.js';
import { HELP } from './help.js';
import { EXIT, type CliIO } from './io.js';
import { COMMON_FLAGS } from './options.js';
import { runRouteTestsCommand } from './route-tests-command.js';
import { runSimulate, SIMULATE_FLAGS } from './simulate-command.js';
import { runStatus } from './status-command.js';
import { runValidate } from './validate-command.js';

interface Command {
  readonly flags: readonly FlagSpec[];
  readonly run: (args: ReturnType<typeof parseArgs>, io: CliIO) => Promise<number>;
}

const COMMANDS: Record<string, Command> = {
  validate: { flags: COMMON_FLAGS, run: runValidate },
  convert: { flags: CONVERT_FLAGS, run: runConvert },
  status: { flags: COMMON_FLAGS, run: runStatus },
  simulate: { flags: SIMULATE_FLAGS, run: runSimulate },
  test: { flags: COMMON_FLAGS, run: runRouteTestsCommand },
  diff: { flags: DIFF_FLAGS, run: runDiff },
};

/**
 * The whole command line: argv (without node and the script) → exit code. A usage error or input
 * that cannot be read is one line on stderr and exit 2; anything else thrown is a bug (main.ts).
 */
export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  const first = argv[0];
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    io.stdout(HELP);
    return first === undefined ? EXIT.usage : EXIT.ok;
  }
  if (first === '--version') {
    io.stdout('route-designer 0.1.0\n');
    return EXIT.ok;
  }
  const command = COMMANDS[first];
  if (!command) {
    io.stderr(`route-designer: unknown command ${escapeControls(first)}\n\n${HELP}`);
    return EXIT.usage;
  }
  try {
    const args = parseArgs(argv, command.flags);
    if (args.flags.has('help')) {
      io.stdout(HELP);
      return EXIT.ok;
    }
    return await command.run(args, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`route-designer ${first}: ${escapeControls(e.message)}\n`);
      return EXIT.usage;
    }
    throw e;
  }
}
