import { Command } from 'commander';
import { registerCaCommands } from './ca';
import { registerSignCommand } from './sign';
import { registerSignerCommand } from './signer';
import { registerVerifyCommand } from './verify';

// `npx tereze …` — the command-line contract of DESIGN.md.
const program = new Command('tereze')
  .description('tereze: test CA, signing, signature verification and the NCALayer-compatible signer')
  .showHelpAfterError();
registerCaCommands(program);
registerSignCommand(program);
registerSignerCommand(program);
registerVerifyCommand(program);

program.parseAsync(process.argv).catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
