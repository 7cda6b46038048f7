/** `tsx bench/scale/build-only.ts N`: builds (or finds) the cached library of N documents and prints where it is. */
import { ensureLibrary } from './library';

const r = await ensureLibrary(Number(process.argv[2] ?? 20000), (s) => process.stderr.write(s + '\n'));
console.log(JSON.stringify(r));
