/** A tiny runner for trying the kb/eval commands by hand: `npx tsx test/kb/run-cli.ts kb search "…" --json`. */
import { Command } from 'commander';
import { registerEvalCommands, registerKbCommands } from '../../src/admin/kb-commands.js';

const program = new Command('gongyou');
registerKbCommands(program);
registerEvalCommands(program);
await program.parseAsync(process.argv);
