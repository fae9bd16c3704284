import { tail, type Call } from './lang.js';
import type { Parser } from './parser.js';
import { arg, items, Rules, type Rule } from './rules.js';
import { decoded, fromCodes, ref, str, strList, strOf, tainted, UNK, type Val } from './values.js';

/** Python call rules for processes, dynamic code and files. Keys are canonical qualified names. */

export const PY = new Rules();
const on = (names: string, rule: Rule): void => { PY.on(names, rule); };
export const PATH = 'pathlib.Path()';

// ── process execution ────────────────────────────────────────────────────────────────────────
on('os.system os.popen os.popen2 os.popen3 os.popen4 subprocess.getoutput subprocess.getstatusoutput commands.getoutput commands.getstatusoutput platform.popen asyncio.create_subprocess_shell pty.spawn',
  (c, p) => p.s.command(arg(c, 0, 'cmd') ?? c.kw.get('command') ?? c.kw.get('argv'), c.q));
on('subprocess.run subprocess.call subprocess.check_call subprocess.check_output subprocess.Popen', (c, p) => {
  p.s.command(arg(c, 0, 'args'), c.q);
  for (const k of ['stdin', 'stdout', 'stderr']) {
    const v = c.kw.get(k);
    if (v?.t === 'ref' && /fileno|socket/.test(v.q)) p.s.stdioDup = true;
  }
});
on('asyncio.create_subprocess_exec', (c, p) => p.s.argv(c.args, c.q));
on('os.execl os.execle os.execlp os.execlpe', (c, p) => {
  const rest = c.args.slice(2).filter((v, i, a) => !(c.q.endsWith('e') && i === a.length - 1));
  p.s.argv([c.args[0] ?? UNK, ...rest], c.q);
});
const argvList = (c: Call, p: Parser, prog: Val | undefined, list: Val | undefined): void => {
  const xs = items(list);
  if (xs === undefined) p.s.unknownCommand(list, c.q);
  else p.s.argv([prog ?? UNK, ...xs.slice(1)], c.q);
};
on('os.execv os.execve os.execvp os.execvpe os.posix_spawn os.posix_spawnp', (c, p) => argvList(c, p, c.args[0], c.args[1]));
on('os.spawnv os.spawnve os.spawnvp os.spawnvpe', (c, p) => argvList(c, p, c.args[1], c.args[2]));
on('os.spawnl os.spawnle os.spawnlp os.spawnlpe', (c, p) => p.s.argv([c.args[1] ?? UNK, ...c.args.slice(3)], c.q));
on('pip.main pip._internal.main pip._internal.cli.main.main', (c, p) => p.s.command({ t: 'list', items: [str('pip'), ...(items(c.args[0]) ?? [UNK])] }, c.q));
on('os.dup2', (_c, p) => { p.s.stdioDup = true; });
on('os.kill os.killpg', (c, p) => p.s.effect('proc.kill', 'none', '', c.q));
on('os.setuid os.setgid os.seteuid os.setegid os.setreuid os.setresuid', (c, p) => p.s.effect('priv.escalate', 'none', '', c.q));

// ── dynamic code ─────────────────────────────────────────────────────────────────────────────
on('exec eval compile', (c, p) => p.s.code(arg(c, 0, 'source'), c.q));
on('execfile runpy.run_path runpy.run_module imp.load_source importlib.util.spec_from_file_location code.interact',
  (c, p) => p.s.dyn(`python ${c.q}() runs code from a file or module chosen at run time`));
on('marshal.loads marshal.load pickle.loads pickle.load cPickle.loads cPickle.load _pickle.loads dill.loads dill.load cloudpickle.loads jsonpickle.decode yaml.unsafe_load shelve.open',
  (c, p) => p.s.dyn(`python ${c.q}() can execute code embedded in the data it decodes`));
on('yaml.load', (c, p) => {
  const loader = arg(c, 1, 'Loader');
  if (loader?.t !== 'ref' || !/Safe|Base/.test(loader.q)) p.s.dyn('python yaml.load() without a safe loader can execute code');
});
on('ctypes.CDLL ctypes.cdll.LoadLibrary ctypes.WinDLL ctypes.PyDLL ctypes.CFUNCTYPE types.FunctionType types.CodeType',
  (c, p) => p.s.dyn(`python ${c.q}() runs native or synthesised code`));
const importOf = (c: Call, p: Parser): Val => {
  const name = strOf(arg(c, 0, 'name'));
  if (name !== undefined) return ref(name);
  p.s.dyn(`python ${c.q}() imports a module whose name is computed at run time`);
  return UNK;
};
on('__import__ importlib.import_module importlib.__import__', importOf);
on('getattr', (c, p) => {
  const name = strOf(c.args[1]);
  if (name !== undefined) return p.member(c.args[0] ?? UNK, name, false, false);
  p.s.dyn('python getattr() with an attribute name computed at run time');
  return UNK;
});
on('vars', (c) => c.args[0] ?? ref('globals()'));
/** A function handed over to be called: `map(os.system, cmds)`, `Thread(target=os.system, args=('id',))`. */
const callsBack = (fn: Val | undefined, argLists: readonly (readonly Val[])[], c: Call, p: Parser): void => {
  if (fn?.t === 'ref' && PY.has(fn.q)) for (const a of argLists.slice(0, 16)) p.invoke(fn, a, new Map(), c.at);
};
on('map filter', (c, p) => callsBack(c.args[0], (items(c.args[1]) ?? [UNK]).map((x) => [x]), c, p));
on('functools.partial', (c, p) => callsBack(c.args[0], [c.args.slice(1)], c, p));
on('threading.Thread multiprocessing.Process threading.Timer', (c, p) =>
  callsBack(c.kw.get('target') ?? c.args[c.q === 'threading.Timer' ? 1 : 0], [[...(items(c.kw.get('args')) ?? [])]], c, p));
on('base64.b64decode base64.decodebytes base64.decodestring base64.standard_b64decode base64.urlsafe_b64decode binascii.a2b_base64',
  (c) => decoded(c.args[0], 'base64', c.q));
on('binascii.unhexlify binascii.a2b_hex bytes.fromhex bytearray.fromhex base64.b16decode', (c) => decoded(c.args[0], 'hex', c.q));
on('codecs.decode', (c) => {
  const enc = strOf(arg(c, 1, 'encoding'))?.toLowerCase().replace('_', '') ?? '';
  return enc === 'rot13' || enc === 'hex' || enc === 'base64' ? decoded(c.args[0], enc, c.q) : tainted(`decoded data (${c.q})`);
});
on('base64.b32decode base64.a85decode base64.b85decode zlib.decompress gzip.decompress bz2.decompress lzma.decompress',
  (c) => tainted(`decoded data (${c.q})`));
on('chr', (c) => fromCodes(c.args, 'chr()'));

// ── values that matter for targets ───────────────────────────────────────────────────────────
const join = (c: Call): Val => { const xs = strList(c.args); return xs === undefined ? UNK : str(xs.join('/').replace(/\/{2,}/g, '/')); };
on('os.path.join posixpath.join', join);
on('os.path.expanduser os.path.expandvars os.path.abspath os.path.realpath os.path.normpath os.fspath str', (c) => c.args[0]);
on('pathlib.Path pathlib.PosixPath pathlib.PurePath pathlib.PurePosixPath', (c) => ref(PATH, join(c)));
on('pathlib.Path.home', () => ref(PATH, str('~')));
on('pathlib.Path.cwd', () => ref(PATH, str('.')));

// ── files ────────────────────────────────────────────────────────────────────────────────────
const fs = (kind: 'fs.read' | 'fs.write' | 'fs.delete' | 'fs.perm', i = 0): Rule => (c, p) => p.s.path(kind, arg(c, i, 'path'), c.q);
const openMode = (mode: Val | undefined): 'fs.read' | 'fs.write' => {
  const m = mode === undefined ? 'r' : strOf(mode);
  return m !== undefined && !/[wax+]/.test(m) ? 'fs.read' : 'fs.write';
};
on('open io.open codecs.open', (c, p) => p.s.path(openMode(arg(c, 1, 'mode')), arg(c, 0, 'file'), c.q));
on('os.open', (c, p) => {
  const flags = c.args[1];
  p.s.path(flags?.t === 'ref' && flags.q.endsWith('O_RDONLY') ? 'fs.read' : 'fs.write', c.args[0], c.q);
});
on('os.remove os.unlink os.rmdir os.removedirs shutil.rmtree', fs('fs.delete'));
on('os.rename os.replace os.renames shutil.move', (c, p) => { fs('fs.delete')(c, p); fs('fs.write', 1)(c, p); });
on('shutil.copy shutil.copy2 shutil.copyfile shutil.copytree', (c, p) => { fs('fs.read')(c, p); fs('fs.write', 1)(c, p); });
on('os.makedirs os.mkdir os.mkfifo os.mknod os.truncate os.utime', fs('fs.write'));
on('os.symlink os.link', fs('fs.write', 1));
on('os.chmod os.chown os.lchown os.lchmod os.chflags shutil.chown', fs('fs.perm'));
on('os.listdir os.scandir os.walk glob.glob glob.iglob', (c, p) => p.s.path('fs.read', c.args[0] ?? str('.'), c.q));
on('tarfile.open().extractall zipfile.ZipFile().extractall tarfile.TarFile().extractall', (c, p) => p.s.path('fs.write', arg(c, 0, 'path') ?? str('.'), c.q));
on('shutil.unpack_archive', (c, p) => p.s.path('fs.write', arg(c, 1, 'extract_dir') ?? str('.'), c.q));
on('sqlite3.connect', (c, p) => { if (strOf(c.args[0]) !== ':memory:') p.s.path('fs.write', c.args[0], c.q); });

/** pathlib methods: the path is the receiver's constructor argument. */
export function pathMethod(c: Call, p: Parser): Val | undefined {
  const self = c.recv;
  const name = `Path.${tail(c.q)}`;
  switch (tail(c.q)) {
    case 'write_text': case 'write_bytes': case 'touch': case 'mkdir': case 'symlink_to': case 'hardlink_to':
      p.s.path('fs.write', self, name); return undefined;
    case 'unlink': case 'rmdir':
      p.s.path('fs.delete', self, name); return undefined;
    case 'read_text': case 'read_bytes': case 'iterdir': case 'glob': case 'rglob':
      p.s.path('fs.read', self, name); return undefined;
    case 'open':
      p.s.path(openMode(arg(c, 0, 'mode')), self, name); return undefined;
    case 'rename': case 'replace':
      p.s.path('fs.delete', self, name); p.s.path('fs.write', c.args[0], name); return undefined;
    case 'chmod': case 'lchmod': case 'chown':
      p.s.path('fs.perm', self, name); return undefined;
    case 'expanduser': case 'resolve': case 'absolute':
      return self;
    case 'joinpath':
      return self?.t === 'ref' ? ref(PATH, join({ ...c, args: [self.arg ?? UNK, ...c.args] })) : UNK;
    default:
      return undefined;
  }
}
