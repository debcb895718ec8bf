// Regenerates the configuration table in README.md from the config schema (`npm run docs:config`).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { configReference } from '@vigil/config';
import { replaceConfigBlock } from './readme-config-block.ts';

const readme = join(import.meta.dirname, '..', 'README.md');
writeFileSync(readme, replaceConfigBlock(readFileSync(readme, 'utf8'), configReference()));
console.log('README.md configuration table updated');
