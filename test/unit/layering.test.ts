import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * Data flows one way (ARCHITECTURE.md): http -> graphql -> domain -> db, and execution/ calls
 * domain/ and db/. A layer imports itself and the layers below; config.ts, logger.ts and
 * metrics.ts are leaves every layer may use. Entry points (main, server, worker-process) wire the layers.
 */
const MAY_IMPORT: Record<string, string[]> = {
  db: ['db'],
  domain: ['domain', 'db'],
  execution: ['execution', 'domain', 'db'],
  graphql: ['graphql', 'domain', 'db'],
  http: ['http', 'graphql', 'domain', 'db'],
};
const LEAVES = ['config', 'logger', 'metrics'];

const SRC = resolve(__dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The first path segment under src/ ("domain", "db", ...; a top-level file without ".ts"). */
function areaOf(path: string): string {
  return relative(SRC, path).split('/')[0].replace(/\.ts$/, '');
}

/** Every relative module a file imports or re-exports, statically or dynamically, as src paths. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)'(\.[^']*)'/gm)].map((m) => m[1]);
  return specifiers.map((s) => resolve(dirname(file), s));
}

function violations(files: string[]): string[] {
  const found: string[] = [];
  for (const file of files) {
    const from = areaOf(file);
    const allowed = MAY_IMPORT[from] ?? (LEAVES.includes(from) ? [] : null);
    if (allowed === null) continue; // an entry point
    for (const target of importsOf(file)) {
      const to = areaOf(target);
      if (!allowed.includes(to) && !LEAVES.includes(to))
        found.push(`${relative(SRC, file)} imports ${relative(SRC, target)} (${from} -> ${to})`);
    }
  }
  return found;
}

const files = sourceFiles(SRC);

it('finds the source files and their imports', () => {
  expect(files.length).toBeGreaterThan(50);
  expect(importsOf(join(SRC, 'execution/pipeline.ts')).map((p) => relative(SRC, p))).toContain('domain/privacy-request');
});

it.each(Object.keys(MAY_IMPORT))('%s/ imports only itself, the layers below it and the leaves', (area) => {
  expect(violations(files.filter((f) => areaOf(f) === area))).toEqual([]);
});

it('config.ts, logger.ts and metrics.ts import no layer', () => {
  expect(violations(files.filter((f) => LEAVES.includes(areaOf(f))))).toEqual([]);
});

it('the worker process is wired without the API server', () => {
  expect(importsOf(join(SRC, 'worker-process.ts')).map((p) => relative(SRC, p))).not.toContain('server');
});

/** The file a specifier names: "x.ts" or "x/index.ts". */
function fileOf(path: string): string | undefined {
  return [`${path}.ts`, join(path, 'index.ts')].find((candidate) => existsSync(candidate));
}

/** Import cycles as "a.ts -> b.ts -> a.ts"; modules that need each other are one module in two files. */
function cycles(): string[] {
  const edges = new Map(
    files.map((f) => [
      f,
      importsOf(f)
        .map(fileOf)
        .filter((t): t is string => t !== undefined),
    ]),
  );
  const state = new Map<string, 'open' | 'done'>();
  const found: string[] = [];
  const visit = (file: string, path: string[]) => {
    state.set(file, 'open');
    for (const next of edges.get(file) ?? []) {
      if (state.get(next) === 'open') found.push([...path.slice(path.indexOf(next)), file, next].map((f) => relative(SRC, f)).join(' -> '));
      else if (!state.has(next)) visit(next, [...path, file]);
    }
    state.set(file, 'done');
  };
  for (const file of files) if (!state.has(file)) visit(file, []);
  return found;
}

it('no two modules import each other, directly or round a cycle', () => {
  expect(cycles()).toEqual([]);
});
