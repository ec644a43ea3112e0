/**
 * Loads a description for the runner through the loader `lint` uses (`src/spec/`): a file, an
 * `http(s)` URL or standard input (`-`), with the same guards (binary, BOM, empty, alias bomb,
 * nesting depth, not OpenAPI) and the same parsers. swagger-parser then bundles external
 * references into the document (remote ones only when allowed), so that what is left is the same
 * kind of document the lint rules read: local `$ref`s only, followed through the shared lookup.
 */
import SwaggerParser from '@apidevtools/swagger-parser';
import { ConflictcheckError } from '../../errors.js';
import { getSpecModel, type SpecModel } from '../../model/spec-model.js';
import { parseSpec, readSpecText, type SpecText } from '../../spec/parse.js';
import { specSourceOf, type SourceIo } from '../../spec/source.js';

/** How {@link loadSpecForFuzz} reads. */
export interface LoadSpecOptions {
  /** Fetch `http(s)` `$ref`s (default: off, as for lint). */
  readonly allowRemoteRefs?: boolean;
  /** The directory a relative path (and standard input's relative `$ref`s) resolves in; default `process.cwd()`. */
  readonly cwd?: string;
  /** Where `-` reads from; default `process.stdin`. */
  readonly io?: SourceIo;
}

/** External references into the document, by swagger-parser; the document is parsed already. */
async function bundle(spec: SpecText, data: object, allowRemoteRefs: boolean): Promise<unknown> {
  try {
    return await SwaggerParser.bundle(spec.location, data as never, {
      resolve: { external: true, http: allowRemoteRefs ? {} : false },
    } as SwaggerParser.Options);
  } catch (error) {
    if (error instanceof RangeError) throw new ConflictcheckError('PARSE_ERROR', `${spec.shown}: invalid ${spec.syntax}: nested too deeply to parse`, { cause: error });
    const message = (error instanceof Error ? error.message.split('\n')[0] : String(error)) ?? '';
    // swagger-parser's words for a document that parsed but is not an API definition.
    if (/is not a valid JSON Schema|is not a valid (Openapi|Swagger) API definition/i.test(message)) throw new ConflictcheckError('NOT_OPENAPI', `${spec.shown}: not an OpenAPI description`, { cause: error });
    throw new ConflictcheckError('PARSE_ERROR', `${spec.shown}: ${message}`, { cause: error });
  }
}

/**
 * Reads `spec` (a path, a URL, or `-`), parses and bundles it; throws a ConflictcheckError for
 * anything that is not a usable spec.
 */
export async function loadSpecForFuzz(spec: string, options: LoadSpecOptions = {}): Promise<SpecModel> {
  const cwd = options.cwd ?? process.cwd();
  const text = await readSpecText(specSourceOf(spec, cwd), cwd, options.io);
  const parsed = parseSpec(text, (parser) => parser.parse(text.text), (result) => result);
  const bundled = await bundle(text, parsed.data as object, options.allowRemoteRefs === true);
  const model = getSpecModel(bundled);
  if (model === null) throw new ConflictcheckError('NOT_OPENAPI', `${text.shown}: not an OpenAPI description (no "openapi: 3.x" or "swagger: 2.0")`);
  return model;
}
