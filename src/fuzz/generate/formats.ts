/**
 * Values for OpenAPI string formats. They are deliberately plain (lower-case ASCII hosts, `.com`
 * domains, UTC timestamps): the runner needs bodies every reasonable server-side validator
 * accepts, not values that probe the edges of RFC 5322 or RFC 3986.
 */
import * as fc from 'fast-check';

const EARLIEST = new Date(Date.UTC(1970, 0, 1));
const LATEST = new Date(Date.UTC(2099, 11, 31, 23, 59, 59));

const instant = fc.date({ min: EARLIEST, max: LATEST, noInvalidDate: true }).map((d) => d.toISOString());
const httpsUrl = fc.stringMatching(/^https:\/\/[a-z][a-z0-9]{0,9}\.(?:com|org|net)(?:\/[a-z0-9]{1,8}){0,3}$/);
const relativePath = fc.stringMatching(/^\/[a-z0-9]{1,8}(?:\/[a-z0-9]{1,8}){0,2}$/);
const email = fc.stringMatching(/^[a-z][a-z0-9]{0,11}@[a-z][a-z0-9]{0,9}\.(?:com|org|net)$/);
const hostname = fc.stringMatching(/^[a-z][a-z0-9]{0,9}(?:\.[a-z][a-z0-9]{0,9}){0,2}$/);

const FORMATS: Readonly<Record<string, fc.Arbitrary<string>>> = {
  'date-time': instant,
  date: instant.map((iso) => iso.slice(0, 10)),
  time: instant.map((iso) => `${iso.slice(11, 19)}Z`),
  email,
  'idn-email': email,
  uuid: fc.uuid({ version: 4 }),
  uri: httpsUrl,
  url: httpsUrl,
  iri: httpsUrl,
  // A URI without braces is a template with no variables.
  'uri-template': httpsUrl,
  'uri-reference': fc.oneof(httpsUrl, relativePath),
  'iri-reference': fc.oneof(httpsUrl, relativePath),
  hostname,
  'idn-hostname': hostname,
  'json-pointer': fc.stringMatching(/^(?:\/[a-z0-9]{1,8}){0,3}$/),
  duration: fc.stringMatching(/^P(?:[1-9]\d{0,2}D|T[1-9]\d{0,2}[HMS])$/),
  regex: fc.constantFrom('^[a-z]+$', '\\d{3}', '.*'),
  ipv4: fc.ipV4(),
  ipv6: fc.ipV6(),
  // Integer formats on a string type (Google-style int64 as string): decimal digits.
  int32: fc.integer().map(String),
  int64: fc.maxSafeInteger().map(String),
};

/** The arbitrary of a known string format, or undefined (the format is then an annotation). */
export function formatArbitrary(format: string | undefined, minLength: number, maxLength: number): fc.Arbitrary<string> | undefined {
  if (format === 'byte') {
    // Base64 comes in blocks of four characters.
    return fc.base64String({ minLength: Math.ceil(minLength / 4) * 4, maxLength: Math.max(Math.floor(maxLength / 4) * 4, Math.ceil(minLength / 4) * 4) });
  }
  return format === undefined ? undefined : FORMATS[format];
}
