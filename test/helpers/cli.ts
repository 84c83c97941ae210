/**
 * Runs the gongkai command line in-process through `main(argv, io)` (no child process), capturing
 * what it writes, for the CLI tests.
 *
 * ```ts
 * const { status, stdout, stderr } = await runCli(['deadline', '--received', '2024-09-27'], { clock });
 * ```
 */
import { main } from '../../src/cli/main.ts';
import type { CliIo } from '../../src/cli/main.ts';

/** One run of the CLI: its exit status (0, 1 or 2) and everything written to stdout and stderr. */
export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `gongkai ...args` with stderr not a terminal (no progress bar).
 * @param options `env` and `clock` for the records-system commands, as in {@link CliIo}; left out,
 *   `main` uses `process.env` and the system clock
 * @returns the exit status and the captured output; never throws for a failing command
 */
export async function runCli(args: readonly string[], options: Pick<CliIo, 'env' | 'clock'> = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const status = await main(['node', 'gongkai', ...args], { ...options, stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), isTty: false });
  return { status, stdout, stderr };
}
