/**
 * `npm run lint:architecture` (part of `npm run lint`): the import rules of ARCHITECTURE.md, checked over every
 * source file's imports (type-only imports included: a type that has to come from above is a misplaced type).
 *
 * 1. No import cycles, between files or between feature folders.
 * 2. Inside electron/core, no import from a lower layer to a higher one: kernel < db < features < composition.
 * 3. The shells (electron/main, electron/preload, electron/server, electron/cli) use only the composition root and
 *    the kernel of electron/core, never a feature, store or the database directly.
 * 4. shared/ imports nothing outside shared/; the renderer nothing from electron/ (ESLint also says so).
 * Prints each violation and exits 1 when there is any.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const SOURCE_DIRS = ['electron', 'shared', 'renderer/src'];

/** Named exceptions to rule 3, each with its reason. */
const SHELL_EXCEPTIONS: Record<string, string> = {
  // `parse FILE` extracts a file without opening any library (no database, no caller): it uses the reader
  // and the pure parser directly, as a developer's tool. Everything that touches the library goes through the contract.
  'electron/cli/commands/parse.ts': 'reads and parses one file without a library',
};

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) sourceFiles(full, out);
    else if (/\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

const SPEC = /(?:^|\n)\s*(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

function resolveImport(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

const rel = (f: string) => relative(ROOT, f).split(sep).join('/');

/** The layer of a file inside electron/core (higher may import lower), or null outside it. */
function coreLayer(file: string): number | null {
  const r = rel(file);
  if (!r.startsWith('electron/core/')) return null;
  const part = r.slice('electron/core/'.length);
  if (part.startsWith('kernel/')) return 0;
  if (part.startsWith('db/')) return 1;
  if (part.startsWith('features/')) return 2;
  return 3; // composition.ts, test-support/
}
const LAYER_NAMES = ['kernel', 'db', 'features', 'composition'];

const featureOf = (file: string) => /^electron\/core\/features\/([^/]+)\//.exec(rel(file))?.[1] ?? null;
const isShell = (file: string) => /^electron\/(main|preload|server|cli)\//.test(rel(file));
const isTest = (file: string) => /\.test\.tsx?$/.test(file);

const files = SOURCE_DIRS.flatMap((d) => sourceFiles(join(ROOT, d)));
const graph = new Map<string, string[]>();
const problems: string[] = [];

for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const targets: string[] = [];
  for (const m of text.matchAll(SPEC)) {
    const spec = m[1] ?? m[2] ?? m[3];
    const target = resolveImport(file, spec);
    if (!target) continue;
    targets.push(target);
    const from = rel(file);
    const to = rel(target);
    const lf = coreLayer(file);
    const lt = coreLayer(target);
    if (lf !== null && lt !== null && lt > lf && !isTest(file)) {
      problems.push(`${from} → ${to}：${LAYER_NAMES[lf]} 不能依赖上层 ${LAYER_NAMES[lt]}`);
    }
    if (isShell(file) && lt !== null && !(to === 'electron/core/composition.ts' || to.startsWith('electron/core/kernel/')) && !SHELL_EXCEPTIONS[from] && !isTest(file)) {
      problems.push(`${from} → ${to}：外壳只能使用 composition.ts、kernel/ 与契约（shared/contract）`);
    }
    if (from.startsWith('shared/') && !to.startsWith('shared/')) problems.push(`${from} → ${to}：shared/ 不能依赖上层代码`);
    if (from.startsWith('renderer/') && to.startsWith('electron/')) problems.push(`${from} → ${to}：界面只能通过 call() 调用服务`);
  }
  graph.set(file, targets);
}

/** Strongly connected components with more than one node (or a self-loop): the import cycles. */
function cycles(nodes: string[], edges: (n: string) => string[]): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges(v)) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const comp: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        comp.push(w);
      } while (w !== v);
      if (comp.length > 1 || edges(v).includes(v)) out.push(comp);
    }
  };
  for (const n of nodes) if (!idx.has(n)) visit(n);
  return out;
}

for (const comp of cycles(files, (f) => graph.get(f) ?? [])) {
  problems.push(`循环依赖：${comp.map(rel).sort().join(' ↔ ')}`);
}

// Feature folders: a feature may use another's service, but never in both directions (tests excluded).
const featureEdges = new Map<string, Set<string>>();
for (const [file, targets] of graph) {
  const a = featureOf(file);
  if (!a || isTest(file)) continue;
  for (const t of targets) {
    const b = featureOf(t);
    if (b && b !== a) featureEdges.set(a, (featureEdges.get(a) ?? new Set()).add(b));
  }
}
const features = [...new Set([...featureEdges.keys(), ...[...featureEdges.values()].flatMap((s) => [...s])])];
for (const comp of cycles(features, (f) => [...(featureEdges.get(f) ?? [])])) {
  problems.push(`功能模块循环依赖：${comp.sort().join(' ↔ ')}`);
}

if (problems.length) {
  console.error(`架构检查未通过（${problems.length} 处，见 ARCHITECTURE.md）：`);
  for (const p of problems) console.error(`  ${p}`);
  process.exit(1);
}
console.log(`架构检查通过：${files.length} 个源文件，${features.length} 个功能模块，无循环依赖，无越层引用。`);
