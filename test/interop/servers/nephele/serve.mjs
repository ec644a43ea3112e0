// Runs Nephele (github.com/sciactive/nephele, a WebDAV server for Node.js and Express) in this
// process, as its README's usage section does: the Express app createServer() returns, with the
// file-system adapter (@nephele/adapter-file-system) over the directory given as the second
// argument and the unrestricted authenticator (@nephele/authenticator-none), on 127.0.0.1 and the
// port given as the first argument. Started by start.ts as a child process; stopped by SIGTERM.
import nepheleServer from 'nephele';
import FileSystemAdapter from '@nephele/adapter-file-system';
import NoneAuthenticator from '@nephele/authenticator-none';

const port = Number(process.argv[2]);
const root = process.argv[3];
const app = nepheleServer({ adapter: new FileSystemAdapter({ root }), authenticator: new NoneAuthenticator() });
const server = app.listen(port, '127.0.0.1', () => process.stdout.write(`nephele listening on 127.0.0.1:${port}\n`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
