import { describe, expect, it } from 'vitest';
import { isZoneRoot, resolvePath, zoneOf } from './paths.js';
import { hostOf, isLoopback, remoteHostOf } from './hosts.js';

const ctx = { home: '/home/dev', repo: { root: '/home/dev/project', remote: '', trusted: false, enabled: true, defaultBranch: 'main', protectedBranches: [] }, tmpDirs: ['/tmp'] };

describe('resolvePath', () => {
  it('collapses . and .. lexically', () => {
    expect(resolvePath('./../../..', '/home/dev/project')).toBe('/');
    expect(resolvePath('/tmp/../home/dev', '/x')).toBe('/home/dev');
    expect(resolvePath('a//b/./c', '/w')).toBe('/w/a/b/c');
  });
  it('is unknown for a relative path when the cwd is unknown', () => {
    expect(resolvePath('x', null)).toBeNull();
    expect(resolvePath('/etc', null)).toBe('/etc');
  });
});

describe('zoneOf', () => {
  it.each([
    ['/home/dev/project/src/a.ts', 'workspace'],
    ['/home/dev/project/.env', 'secret'],
    ['/home/dev/project/.env.production', 'secret'],
    ['/home/dev/project/.env.example', 'workspace'],
    ['/home/dev/project/.git/hooks/pre-commit', 'config'],
    ['/home/dev/.ssh/id_rsa', 'secret'],
    ['/home/dev/.ssh/id_rsa.pub', 'home'],
    ['/home/dev/.aws/credentials', 'secret'],
    ['/home/dev/.kube/config', 'secret'],
    ['/home/dev/.bashrc', 'config'],
    ['/home/dev/Downloads/a.md', 'home'],
    ['/tmp/build', 'tmp'],
    ['/etc/shadow', 'secret'],
    ['/etc/passwd', 'config'],
    ['/etc/hosts', 'config'],
    ['/usr/bin/ls', 'system'],
    ['/dev/sda', 'device'],
    ['/dev/null', 'none'],
    ['/var/tmp/x', 'tmp'],
    ['/home/dev/certs/server.key', 'secret'],
  ])('%s is %s', (p, z) => expect(zoneOf(p, ctx)).toBe(z));

  it('treats a repository under /tmp as the workspace', () => {
    expect(zoneOf('/tmp/repo/src', { ...ctx, repo: { ...ctx.repo, root: '/tmp/repo' } })).toBe('workspace');
  });
  it('knows zone roots', () => {
    expect(isZoneRoot('/', ctx)).toBe(true);
    expect(isZoneRoot('/home/dev', ctx)).toBe(true);
    expect(isZoneRoot('/home/dev/project', ctx)).toBe(true);
    expect(isZoneRoot('/home/dev/project/dist', ctx)).toBe(false);
  });
});

describe('hosts', () => {
  it.each([
    ['https://user:pw@Example.com:8443/x?y', 'example.com'],
    ['http://[::1]:3000/', '::1'],
    ['git@github.com:acme/project.git', 'github.com'],
    ['example.com/path', 'example.com'],
    ['localhost:8080/health', 'localhost'],
    ['10.0.0.5', '10.0.0.5'],
    ['./relative/file', ''],
  ])('hostOf(%s) = %s', (w, h) => expect(hostOf(w)).toBe(h));
  it('tells remote scp operands from local paths', () => {
    expect(remoteHostOf('host:/etc/x')).toBe('host');
    expect(remoteHostOf('user@h.example.com:')).toBe('h.example.com');
    expect(remoteHostOf('./a:b')).toBe('');
    expect(remoteHostOf('/tmp/x')).toBe('');
  });
  it('knows loopback', () => {
    expect(isLoopback('127.0.0.1')).toBe(true);
    expect(isLoopback('localhost')).toBe(true);
    expect(isLoopback('127.0.0.1.evil.com')).toBe(false);
    expect(isLoopback('example.com')).toBe(false);
  });
});
