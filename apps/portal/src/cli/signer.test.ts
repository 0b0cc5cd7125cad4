import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { registerSignerCommand } from './signer';

describe('registerSignerCommand', () => {
  it('adds `signer` with the documented options and requires --keystores', async () => {
    const program = new Command().exitOverride();
    registerSignerCommand(program);
    const cmd = program.commands.find((c) => c.name() === 'signer');
    expect(cmd).toBeDefined();
    cmd!.exitOverride().configureOutput({ writeErr: () => undefined });
    const flags = cmd!.options.map((o) => o.long);
    expect(flags).toEqual(
      expect.arrayContaining([
        '--keystores',
        '--port',
        '--host',
        '--insecure',
        '--password',
        '--alias',
        '--cancel',
      ]),
    );
    await expect(program.parseAsync(['node', 'tereze', 'signer'])).rejects.toThrow(/keystores/);
  });
});
