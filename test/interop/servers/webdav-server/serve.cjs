// Runs webdav-server v2 (github.com/OpenMarshal/npm-WebDAV-Server) in this process: the default
// in-memory root file system (VirtualFileSystem), no authentication, on 127.0.0.1 and the port given
// as the first argument. Started by start.ts as a child process; stopped by SIGTERM.
'use strict';
const { v2: webdav } = require('webdav-server');

const port = Number(process.argv[2]);
const server = new webdav.WebDAVServer({ hostname: '127.0.0.1', port });
server.start(() => process.stdout.write(`webdav-server listening on 127.0.0.1:${port}\n`));
process.on('SIGTERM', () => server.stop(() => process.exit(0)));
