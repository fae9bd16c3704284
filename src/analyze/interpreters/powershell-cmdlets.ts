import type { EffectKind } from '../../model/index.js';
import type { Scan } from './scan.js';
import { strList, UNK, type Val } from './values.js';

/**
 * What PowerShell cmdlets (and their aliases) do. A handler receives the cmdlet's named
 * parameters (lower-case, without `-`) and positional arguments, already evaluated.
 */

export interface Args {
  readonly named: ReadonlyMap<string, Val>;
  readonly pos: readonly Val[];
}
type Handler = (a: Args, s: Scan, name: string) => void;

/** Parameters that take a value; every other `-Name` is a switch. */
export const VALUE_PARAMS = new Set(['path', 'literalpath', 'destination', 'uri', 'outfile', 'method', 'body', 'filepath', 'argumentlist', 'args',
  'value', 'infile', 'encoding', 'computername', 'cn', 'scriptblock', 'command', 'c', 'name', 'credential', 'headers', 'contenttype', 'filter',
  'include', 'exclude', 'itemtype', 'type', 'verb', 'workingdirectory', 'erroraction', 'ea', 'executionpolicy', 'scope', 'newname', 'source',
  'typename', 'typedefinition', 'id', 'processname', 'inputobject', 'delimiter', 'propertytype', 'aclobject', 'uri', 'proxy', 'session',
  'websession', 'usersagent', 'useragent', 'timeoutsec', 'pattern', 'logname', 'modulename', 'requiredversion', 'repository']);

const first = (a: Args, ...keys: string[]): Val | undefined => {
  for (const k of keys) {
    if (k.startsWith('#')) { const v = a.pos[Number(k.slice(1))]; if (v !== undefined) return v; } else { const v = a.named.get(k); if (v !== undefined) return v; }
  }
  return undefined;
};
const each = (v: Val | undefined): readonly (Val | undefined)[] => (v?.t === 'list' ? v.items : [v]);
const paths = (kind: EffectKind, ...keys: string[]): Handler => (a, s, name) => {
  for (const v of each(first(a, ...keys))) s.path(kind, v, name);
};
const PATH = ['path', 'literalpath', '#0'];
const plain = (kind: EffectKind): Handler => (_a, s, name) => s.effect(kind, 'none', '', name);

function web(a: Args, s: Scan, name: string): void {
  const method = first(a, 'method');
  const send = a.named.has('body') || a.named.has('infile') || (method?.t === 'str' && !/^(get|head|options)$/i.test(method.v));
  s.net(send ? 'net.send' : 'net.fetch', first(a, 'uri', '#0'), name);
  if (a.named.has('outfile')) s.path('fs.write', a.named.get('outfile'), name);
}

function startProcess(a: Args, s: Scan, name: string): void {
  const file = first(a, 'filepath', '#0');
  const args = first(a, 'argumentlist', 'args', '#1');
  const argv = strList(args === undefined ? [] : [args]);
  if (file?.t === 'str' && argv !== undefined) s.addShell([file.v, ...argv].join(' '));
  else s.unknownCommand(file?.t === 'str' ? args : file, name);
  const verb = first(a, 'verb');
  if (verb?.t === 'str' && /^runas$/i.test(verb.v)) s.effect('priv.escalate', 'none', '', `${name} -Verb RunAs`);
}

/**
 * `Get-ChildItem env:`, `Get-Item Env:TOKEN`, `Get-Content env:X` read the environment; otherwise
 * content reads are `fs.read`, listings read the current directory by default, and item lookups
 * (`Get-Item`) have no file effect.
 */
function envOrFs(mode: 'content' | 'list' | 'item'): Handler {
  return (a, s, name) => {
    const p = first(a, ...PATH);
    const m = p?.t === 'str' ? /^env:[\\/]?(.*)$/i.exec(p.v) : null;
    if (m !== null) { const v = m[1] ?? ''; s.env(v === '' || v === '*' ? undefined : v, name); return; }
    if (mode === 'list') s.path('fs.read', p ?? { t: 'str', v: '.' }, name);
    else if (mode === 'content' && p !== undefined) s.path('fs.read', p, name);
  };
}

const H: Record<string, Handler> = {};
const def = (names: string, h: Handler): void => { for (const n of names.split(' ')) H[n] = h; };

def('remove-item rm del erase rd rmdir ri', paths('fs.delete', ...PATH));
def('set-content sc add-content ac clear-content clc out-file new-item ni mkdir md export-csv export-clixml set-item', paths('fs.write', 'path', 'literalpath', 'filepath', '#0'));
def('tee-object tee', paths('fs.write', 'filepath', 'path', '#0'));
def('copy-item copy cp cpi', (a, s, n) => { paths('fs.read', ...PATH)(a, s, n); paths('fs.write', 'destination', '#1')(a, s, n); });
def('move-item move mv mi', (a, s, n) => { paths('fs.delete', ...PATH)(a, s, n); paths('fs.write', 'destination', '#1')(a, s, n); });
def('rename-item ren rni', (a, s, n) => { paths('fs.delete', ...PATH)(a, s, n); paths('fs.write', 'newname', '#1')(a, s, n); });
def('get-content gc cat type import-csv import-clixml get-filehash', envOrFs('content'));
def('get-childitem gci ls dir', envOrFs('list'));
def('get-item gi', envOrFs('item'));
def('set-acl', paths('fs.perm', ...PATH));
def('invoke-webrequest iwr invoke-restmethod irm curl wget', web);
def('start-bitstransfer', (a, s, n) => { s.net('net.fetch', first(a, 'source', '#0'), n); paths('fs.write', 'destination', '#1')(a, s, n); });
def('start-process saps start', startProcess);
def('invoke-command icm', (a, s, n) => {
  const host = first(a, 'computername', 'cn');
  if (host !== undefined) s.net('net.connect', host, n);
  if (a.named.has('filepath')) s.dyn(`powershell ${n} -FilePath runs a script file`);
});
def('stop-process kill spps taskkill', plain('proc.kill'));
def('stop-computer restart-computer', plain('sys.power'));
def('set-executionpolicy set-mppreference add-mppreference disable-windowsoptionalfeature', plain('security.disable'));
def('new-service set-service register-scheduledtask new-scheduledtask set-itemproperty new-itemproperty remove-itemproperty set-scheduledtask', plain('sys.config'));
def('clear-eventlog remove-eventlog limit-eventlog clear-history', plain('audit.tamper'));
def('install-module install-package install-script save-module', (a, s, n) => {
  for (const v of each(first(a, 'name', '#0'))) s.add('pkg.install', 'none', v?.t === 'str' ? v.v : '', `powershell ${n} installs a package`);
});
def('add-type', (_a, s, n) => s.dyn(`powershell ${n} compiles and loads code`));
def('invoke-expression iex', (a, s, n) => {
  const code = first(a, 'command', '#0') ?? UNK;
  s.code(code, n); // a literal is scanned in turn; either way the use of iex is reported
  if (code.t === 'str') s.dyn(`powershell ${n} evaluates a string as code`);
});

export const CMDLETS: Readonly<Record<string, Handler>> = H;

/** Verbs whose cmdlets only read or format (`Get-Date`, `Write-Host`, `ConvertTo-Json`). */
export const SAFE_VERBS = new Set(['get', 'test', 'measure', 'select', 'where', 'foreach', 'sort', 'format', 'out', 'write', 'convertto', 'convertfrom',
  'join', 'split', 'resolve', 'compare', 'group', 'find', 'search', 'show', 'read', 'wait', 'trace', 'push', 'pop']);

export const KEYWORDS = new Set(['if', 'else', 'elseif', 'foreach', 'for', 'while', 'do', 'switch', 'function', 'filter', 'param', 'return', 'try',
  'catch', 'finally', 'throw', 'trap', 'break', 'continue', 'exit', 'begin', 'process', 'end', 'in', 'until', 'class', 'using', 'data', 'workflow',
  'echo', 'write', 'where', '%', '?', 'foreach-object', 'where-object', 'select', 'sort', 'measure', 'cd', 'sl', 'set-location', 'pwd', 'cls', 'clear',
  'new-object', 'write-host', 'write-output', 'write-error', 'write-verbose', 'write-warning', 'out-null', 'out-string', 'out-host', 'sleep', 'start-sleep']);
