/**
 * Loads a description for the runner: swagger-parser reads YAML or JSON (Swagger 2.0, OAS 3.0,
 * 3.1) and bundles external references into the document, so that what is left is the same kind
 * of document the lint rules read: local `$ref`s only, followed through the shared lookup.
 */
import SwaggerParser from '@apidevtools/swagger-parser';
import { ConflictcheckError } from '../../errors.js';
import { getSpecModel, type SpecModel } from '../../model/spec-model.js';

/** Reads and bundles `file`; throws a ConflictcheckError for anything that is not a usable spec. */
export async function loadSpecForFuzz(file: string, options: { allowRemoteRefs?: boolean } = {}): Promise<SpecModel> {
  let bundled: unknown;
  try {
    bundled = await SwaggerParser.bundle(file, {
      resolve: { external: true, http: options.allowRemoteRefs === true ? {} : false },
    } as SwaggerParser.Options);
  } catch (error) {
    const message = (error instanceof Error ? error.message.split('\n')[0] : String(error)) ?? '';
    if (/ENOENT|no such file/i.test(message)) throw new ConflictcheckError('FILE_NOT_FOUND', `${file}: no such file`, { cause: error });
    if (/EISDIR/i.test(message)) throw new ConflictcheckError('NOT_A_FILE', `${file}: is a directory, not a spec file`, { cause: error });
    // swagger-parser's words for a document that parsed but is not an object at all.
    if (/is not a valid JSON Schema|is not a valid (Openapi|Swagger) API definition/i.test(message)) throw new ConflictcheckError('NOT_OPENAPI', `${file}: not an OpenAPI description`, { cause: error });
    throw new ConflictcheckError('PARSE_ERROR', `${file}: ${message}`, { cause: error });
  }
  const model = getSpecModel(bundled);
  if (model === null) throw new ConflictcheckError('NOT_OPENAPI', `${file}: not an OpenAPI description (no "openapi: 3.x" or "swagger: 2.0")`);
  return model;
}
