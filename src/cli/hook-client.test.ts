import { describe, expect, it } from 'vitest';
import { parseResponse } from './hook-client.js';

const reply = JSON.stringify({ v: 1, stdout: '{"x":1}', stderr: '', exitCode: 0 });

describe('parseResponse (the hook fast path reads the server by hand)', () => {
  it('reads a Content-Length response', () => {
    const r = parseResponse(Buffer.from(`HTTP/1.1 200 OK\r\nContent-Length: ${reply.length}\r\n\r\n${reply}`));
    expect(r).toEqual({ stdout: '{"x":1}', stderr: '', exitCode: 0 });
  });
  it('reads a chunked response', () => {
    const a = reply.slice(0, 10);
    const b = reply.slice(10);
    const r = parseResponse(Buffer.from(`HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n${a.length.toString(16)}\r\n${a}\r\n${b.length.toString(16)}\r\n${b}\r\n0\r\n\r\n`));
    expect(r?.stdout).toBe('{"x":1}');
  });
  it('returns null (decide in-process) for anything but a 200 with a well-formed reply', () => {
    expect(parseResponse(Buffer.from(`HTTP/1.1 401 Unauthorized\r\n\r\n${reply}`))).toBeNull();
    expect(parseResponse(Buffer.from('HTTP/1.1 200 OK\r\n\r\n{"stdout":1}'))).toBeNull();
    expect(parseResponse(Buffer.from('HTTP/1.1 200 OK\r\n\r\nnot json'))).toBeNull();
    expect(parseResponse(Buffer.from('garbage'))).toBeNull();
    expect(parseResponse(Buffer.from('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n'))).toBeNull();
  });
});
