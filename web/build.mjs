// Bundles the front end into OUT (default dist/): index.html, app.js, app.css.
// Run by `npm run build` and by the CMake step that embeds the files into ijik.
import * as esbuild from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = process.argv[2] || join(here, 'dist');
mkdirSync(out, { recursive: true });

await esbuild.build({
  entryPoints: [join(here, 'src/main.js')],
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2020',
  outfile: join(out, 'app.js'),
  legalComments: 'eof',
  logLevel: 'warning',
});
const css = [
  readFileSync(join(here, 'node_modules/uplot/dist/uPlot.min.css'), 'utf8'),
  readFileSync(join(here, 'src/style.css'), 'utf8'),
].join('\n');
writeFileSync(join(out, 'app.css'), css);
copyFileSync(join(here, 'src/index.html'), join(out, 'index.html'));
