import { runSignerCli } from '@tereze/signer/cli';
import type { Command } from 'commander';

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** `tereze signer --keystores DIR [--port 13579] [--insecure] [--password P]`: the NCALayer-compatible signer. */
export function registerSignerCommand(program: Command): void {
  program
    .command('signer')
    .description('Run the NCALayer-compatible software signer on 127.0.0.1 backed by a folder of .p12 files')
    .requiredOption(
      '--keystores <dir>',
      'folder of .p12 files (+ optional passwords.json: {"file.p12": "pw", "*": "default"})',
    )
    .option('--port <port>', 'TCP port (NCALayer uses 13579)', '13579')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--insecure', 'plain ws:// instead of wss:// (tests only)')
    .option('--password <password>', 'password for every .p12 not named in passwords.json')
    .option('--alias <alias>', 'always pick this key (PKCS#12 alias / SKI) instead of the first suitable one')
    .option('--cancel', 'answer every request as if the user pressed Cancel')
    .option('--origin <url>', "web origin allowed besides localhost pages (repeatable; '*' = any)", collect)
    .option('--nca-root <pem>', 'CA certificate standing for the production NCA (repeatable)', collect)
    .action(async (opts) => {
      const signer = await runSignerCli({
        keystores: opts.keystores,
        port: opts.port,
        host: opts.host,
        insecure: opts.insecure === true,
        password: opts.password,
        alias: opts.alias,
        cancel: opts.cancel === true,
        origin: opts.origin,
        ncaRoot: opts.ncaRoot,
      });
      const stop = () => {
        void signer.close().then(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
