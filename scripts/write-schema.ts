// Writes the JSON Schemas of gongkai's outputs to schema/ (npm run schema).
import { writeFileSync } from 'node:fs';
import { jsonSchemas } from '../src/reports/model/json-schemas.ts';

for (const [name, schema] of Object.entries(jsonSchemas())) {
  writeFileSync(new URL(`../schema/${name}`, import.meta.url), `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote schema/${name}`);
}
