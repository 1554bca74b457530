import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import cmsSchema from '../../../shared/export/cms-schema.json';

const FIXTURES = path.resolve(__dirname, '../../fixtures');

/** ninjs 2.1 `$ref`s GeoJSON's schema for places; it cannot be fetched here, so a permissive stand-in takes its `$id`. */
const GEOJSON_STAND_IN = { $id: 'https://geojson.org/schema/GeoJSON.json', type: 'object' };

/** Strict for our own schema; IPTC's schema is not written for Ajv's strict mode (it still validates fully). */
function newAjv(strict: boolean): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict });
  addFormats(ajv);
  return ajv;
}

let cms: ValidateFunction | undefined;
let ninjs: ValidateFunction | undefined;

export function cmsValidator(): ValidateFunction {
  return (cms ??= newAjv(true).compile(cmsSchema));
}

export function ninjsValidator(): ValidateFunction {
  if (!ninjs) {
    const ajv = newAjv(false);
    ajv.addSchema(GEOJSON_STAND_IN);
    ninjs = ajv.compile(JSON.parse(readFileSync(path.join(FIXTURES, 'ninjs-schema_2.1.json'), 'utf8')));
  }
  return ninjs;
}

/** Validates and returns the errors as readable lines ([] when valid). */
export function schemaErrors(validate: ValidateFunction, value: unknown): string[] {
  return validate(value)
    ? []
    : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}
