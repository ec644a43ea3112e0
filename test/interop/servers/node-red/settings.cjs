// Node-RED settings for the interop suite (nodered.org/docs/user-guide/runtime/settings-file):
// loopback only, the port from NODE_RED_INTEROP_PORT, flows in the temporary user directory given
// by --userDir, the editor UI off (the Admin HTTP API stays: editor-api/lib/index.js mounts it
// whatever disableEditor says), no telemetry, no diagnostics, no update checks, a quiet log and no
// adminAuth (so every Admin API request is allowed, as on a default install).
'use strict';
module.exports = {
  uiHost: '127.0.0.1',
  uiPort: Number(process.env.NODE_RED_INTEROP_PORT),
  flowFile: 'flows.json',
  disableEditor: true,
  telemetry: { enabled: false },
  diagnostics: { enabled: false, ui: false },
  externalModules: { autoInstall: false, palette: { allowInstall: false }, modules: { allowInstall: false } },
  logging: { console: { level: 'error', metrics: false, audit: false } },
};
