/**
 * conflictcheck.config.{yaml,json}: strict validation, discovery in the working directory, flags
 * overriding the file, and hints merged into the spec's operations.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFuzzConfig } from '../../src/fuzz/config.js';
import { cli, tempProject } from '../cli/cli-harness.js';

const SPEC = join(import.meta.dirname, '..', '..', 'examples', 'specs', 'reference-api.yaml');

describe('config file', () => {
  it('accepts the documented keys', () => {
    const config = parseFuzzConfig('runs: 5\nchecks: [single-winner]\nheaders: { X-Tenant: env:TENANT }\nconflictStatuses: [412, 409]\n', 'c.yaml');
    expect(config).toEqual({ settings: { runs: 5, checks: ['single-winner'], header: ['X-Tenant: env:TENANT'], conflictStatuses: [412, 409] } });
  });

  it.each([
    ['runz: 5\n', /unknown key "runz"/],
    ['runs: many\n', /"runs" must be a whole number ≥ 1, got "many"/],
    ['conflictStatuses: [4120]\n', /"conflictStatuses" must be HTTP statuses/],
    ['operations: { documents: {} }\n', /"METHOD \/path"/],
    ['- 1\n- 2\n', /must be a map of settings/],
    ['fixtures: { "/documents/{id}": [{ id: 7 }] }\n', /lists of path parameter maps/],
    ['runs: [\n', /c\.yaml:\d+:/],
  ])('rejects %j', (text, message) => {
    expect(() => parseFuzzConfig(text, 'c.yaml')).toThrow(message);
  });

  it('is found in the working directory; flags override it (dry run, nothing sent)', async () => {
    const dir = tempProject({ 'conflictcheck.config.yaml': 'checks: [delete-race]\n' });
    const fromFile = await cli(dir, ['fuzz', SPEC, '--dry-run']);
    expect(fromFile.code).toBe(0);
    expect(fromFile.stdout).toMatch(/run\s+delete-race/);
    expect(fromFile.stdout).not.toMatch(/run\s+update-race/);
    const overridden = await cli(dir, ['fuzz', SPEC, '--dry-run', '--checks', 'single-winner']);
    expect(overridden.stdout).toMatch(/run\s+update-race/);
    expect(overridden.stdout).not.toMatch(/run\s+delete-race/);
  });

  it('merges operation hints over the spec, and names a bad file and key with exit 2', async () => {
    const dir = tempProject({
      'hints.json': JSON.stringify({ operations: { 'POST /users': { idempotencyKey: 'Idempotency-Key' } }, checks: ['idempotency-key'] }),
      'bad.yaml': 'operations:\n  "PUT /nowhere/{id}": { unique: [x] }\n',
    });
    const plain = await cli(dir, ['fuzz', SPEC, '--dry-run', '--checks', 'idempotency-key']);
    expect(plain.stdout).not.toMatch(/idempotency-race\s+POST \/users/);
    const hinted = await cli(dir, ['fuzz', SPEC, '--dry-run', '--config', 'hints.json']);
    expect(hinted.code).toBe(0);
    expect(hinted.stdout).toMatch(/run\s+idempotency-race\s+POST \/users/);
    const bad = await cli(dir, ['fuzz', SPEC, '--dry-run', '--config', 'bad.yaml']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('PUT /nowhere/{id}');
    writeFileSync(join(dir, 'conflictcheck.config.json'), '{"runs": 0}');
    const zero = await cli(dir, ['fuzz', SPEC, '--dry-run']);
    expect(zero.code).toBe(2);
    expect(zero.stderr).toMatch(/conflictcheck\.config\.json: "runs" must be a whole number ≥ 1, got 0/);
  });
});
