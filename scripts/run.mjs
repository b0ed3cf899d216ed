// `node scripts/run.mjs <program> [args...]`: builds what is missing or out of date, then runs the
// compiled program (`main` is the platform; `cli/seed`, `cli/admin-create`, `cli/generate`).
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildParts, serverDist, staleParts } from './build.mjs';

const [program = 'main'] = process.argv.splice(2, 1);
await buildParts(staleParts().filter((part) => part === 'server' || program === 'main'));
process.setSourceMapsEnabled(true);
await import(pathToFileURL(path.join(serverDist, `${program}.js`)).href);
