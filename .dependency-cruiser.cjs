/**
 * The dependency rule (docs/architecture.md): each folder of src/ may import only the folders listed for
 * it, so imports point one way and no two folders import each other (type imports included). Adapters
 * import only the core (and their shared helpers); only the composition root (src/app, src/main.ts,
 * src/cli.ts and the admin commands) imports everything. Checked by test/architecture/dependencies.test.ts.
 */
const layers = {
  core: ['core'],
  text: ['core', 'text', 'content.ts'],
  cases: ['core', 'text', 'cases'],
  storage: ['core', 'cases', 'storage'],
  safety: ['core', 'text', 'safety'],
  retrieval: ['core', 'text', 'retrieval'],
  llm: ['core', 'retrieval', 'llm'],
  knowledge: ['core', 'text', 'retrieval', 'knowledge', 'content.ts'],
  intake: ['core', 'text', 'cases', 'intake', 'content.ts'],
  qa: ['core', 'text', 'retrieval', 'knowledge', 'llm', 'safety', 'qa', 'content.ts'],
  dialog: ['core', 'text', 'cases', 'intake', 'qa', 'safety', 'dialog', 'storage/types.ts'],
  identity: ['core', 'dialog', 'identity'],
  handoff: ['core', 'text', 'cases', 'intake', 'dialog', 'handoff', 'storage/types.ts'],
  http: ['core', 'cases', 'intake', 'handoff', 'http'],
  'config.ts': ['core', 'config.ts'],
  'content.ts': [],
};

const escape = (s) => s.replace(/[.]/g, '\\.');
const target = (name) => (name.endsWith('.ts') ? `^src/${escape(name)}$` : `^src/${name}/`);

module.exports = {
  forbidden: [
    ...Object.entries(layers).map(([name, allowed]) => ({
      name: `layer-${name.replace('.ts', '')}`,
      comment: `src/${name} may import only: ${allowed.join(', ') || 'nothing of ours'}`,
      severity: 'error',
      from: { path: target(name) },
      to: { path: '^(src|adapters)/', pathNot: allowed.map(target) },
    })),
    {
      name: 'adapters-import-only-core',
      comment: 'an adapter imports the core, adapters/shared and its own SDK, nothing else of ours',
      severity: 'error',
      from: { path: '^adapters/([^/]+)/' },
      to: { path: '^(src|adapters)/', pathNot: ['^src/core/', '^adapters/shared/', '^adapters/$1/'] },
    },
    {
      name: 'only-the-root-imports-adapters',
      comment: 'src/ imports adapters/ only in the composition root',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/app/', '^src/main\\.ts$', '^src/cli\\.ts$', '^src/admin/'] },
      to: { path: '^adapters/' },
    },
    {
      name: 'nobody-imports-the-root',
      comment: 'the composition root is imported only by the entry points and the admin commands',
      severity: 'error',
      from: { path: '^(src|adapters)/', pathNot: ['^src/app/', '^src/main\\.ts$', '^src/cli\\.ts$', '^src/admin/'] },
      to: { path: ['^src/app/', '^src/main\\.ts$', '^src/cli\\.ts$', '^src/admin/'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['node_modules', '/public/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.mjs', '.json'] },
  },
};
