// A local SMTP server in its own process for the broadcast figure: it accepts every email,
// keeps nothing, and tells its parent how many it has accepted (and when the first and the
// last came). Its own process, so its parsing is not charged to the process it measures.
import type { AddressInfo, Socket } from 'node:net';
import { SMTPServer } from 'smtp-server';

if (!process.send) throw new Error('smtp-sink runs as a child process of the bench');
let accepted = 0;
let first = 0;
let last = 0;
const server = new SMTPServer({
  authOptional: true, disabledCommands: ['STARTTLS'], logger: false, size: 0,
  onData(stream, _session, callback) {
    stream.on('data', () => {}).on('end', () => {
      accepted++;
      last = Date.now();
      if (accepted === 1) first = last;
      callback();
    });
  },
});
// Replies go out at once (no Nagle delay on multi-part replies).
server.server.on('connection', (socket: Socket) => socket.setNoDelay(true));
server.listen(0, '127.0.0.1', () => process.send!({ port: (server.server.address() as AddressInfo).port }));
process.on('message', () => { const cpu = process.cpuUsage(); process.send!({ accepted, first, last, cpuMs: (cpu.user + cpu.system) / 1000 }); });
