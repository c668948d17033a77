/**
 * The `gongyou` command line: `start`, `kb …`, `eval …`, `users …`.
 * Every subcommand honours GONGYOU_DATA_DIR (and the rest of the configuration).
 */
import { Command, CommanderError } from 'commander';
import { loadConfig } from './config.js';
import { GongyouError } from './core/errors.js';
import { registerKbCommands, registerEvalCommands } from './admin/kb-commands.js';
import { registerDataCommands } from './admin/data-commands.js';
import { openStorage } from './app/app.js';

/** Register `users add` and `users list`. */
function registerUserCommands(program: Command): void {
  const users = program.command('users').description('staff accounts (mediators, admins) / 工作人员账号');
  users
    .command('add')
    .description('create a staff account and print its bearer token once / 新建账号并显示一次令牌')
    .requiredOption('--name <name>', 'name shown in the console')
    .option('--role <role>', 'mediator, supervisor or admin', 'mediator')
    .option('--public-name <name>', 'name or number shown to workers')
    .option('--skills <list>', 'comma-separated categories this mediator handles')
    .option('--regions <list>', 'comma-separated cities or provinces this mediator covers')
    .option('--slack-user <id>', 'Slack user id, so Slack buttons work for this person')
    .action(async (opts: Record<string, string | undefined>) => {
      const role = opts.role as 'mediator' | 'supervisor' | 'admin';
      if (!['mediator', 'supervisor', 'admin'].includes(role)) {
        throw new GongyouError('bad_request', `--role must be mediator, supervisor or admin (got "${opts.role}")`);
      }
      const split = (v?: string) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : undefined);
      const storage = await openStorage(loadConfig());
      try {
        const { user, token } = await storage.staff.addUser(
          {
            name: opts.name!,
            role,
            publicName: opts.publicName,
            skills: split(opts.skills),
            regions: split(opts.regions),
            slackUserId: opts.slackUser,
          },
          new Date(),
        );
        process.stdout.write(`created ${user.role} ${user.name} (id ${user.id})\ntoken (shown once, keep it safe): ${token}\n`);
      } finally {
        await storage.close();
      }
    });
  users
    .command('list')
    .description('list staff accounts (never tokens) / 列出账号')
    .action(async () => {
      const storage = await openStorage(loadConfig());
      try {
        for (const u of await storage.staff.listUsers()) process.stdout.write(`${u.id}\t${u.role}\t${u.name}\n`);
      } finally {
        await storage.close();
      }
    });
}

/** Build the program (exported for tests). */
export function buildProgram(): Command {
  const program = new Command('gongyou')
    .description('工友 Gongyou: union helpdesk bot for gig workers')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  program
    .command('start')
    .description('run the bot and its HTTP server / 启动')
    .action(async () => {
      const { main } = await import('./main.js');
      await main();
    });
  registerKbCommands(program);
  registerEvalCommands(program);
  registerUserCommands(program);
  registerDataCommands(program);
  return program;
}

/** Run the CLI with argv; resolves to the exit code. */
export async function runCli(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`${message}\n`);
    return error instanceof GongyouError && error.code === 'config_invalid' ? 78 : 1;
  }
}
