/**
 * The bare git mirror of kubernetes-sigs/gateway-api the generators read (gen-conformance,
 * gen-crd-availability, gen-channel-rules): `--mirror=<dir>`, else GATEWAY_API_MIRROR, else
 * this machine's default. A missing mirror ends the script with how to make one.
 */
import { existsSync } from 'node:fs';

export const DEFAULT_MIRROR = '/work/.mirror/kubernetes-sigs+gateway-api/repo';

/** The mirror named on the command line (`--mirror=<dir>`), in the environment, or the default. */
export function mirrorPath(argv: readonly string[]): string {
  const flag = argv.find((a) => a.startsWith('--mirror='));
  return flag?.slice('--mirror='.length) ?? process.env.GATEWAY_API_MIRROR ?? DEFAULT_MIRROR;
}

/** The mirror to read; exits 1 saying how to make one when there is none. */
export function requireMirror(argv: readonly string[]): string {
  const mirror = mirrorPath(argv);
  if (!existsSync(mirror)) {
    console.error(
      `No git mirror of kubernetes-sigs/gateway-api at ${mirror}.\n` +
        `Make one with: git clone --mirror https://github.com/kubernetes-sigs/gateway-api <dir>\n` +
        `then pass --mirror=<dir> or set GATEWAY_API_MIRROR=<dir>.`,
    );
    process.exit(1);
  }
  return mirror;
}
