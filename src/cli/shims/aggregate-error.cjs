// The bundled CLI's stand-in for the `es-aggregate-error` polyfill that Spectral requires: every
// supported Node has AggregateError, and the polyfill's es-abstract tree cost a lint start ~20 ms.
module.exports = AggregateError;
