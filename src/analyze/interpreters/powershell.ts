import type { Tokens } from './lexer.js';
import { CMDLETS, KEYWORDS, SAFE_VERBS, VALUE_PARAMS, type Args } from './powershell-cmdlets.js';
import { lexPowerShell } from './powershell-lex.js';
import type { Scan } from './scan.js';
import { envValue, ref, str, UNK, type Val } from './values.js';

/**
 * PowerShell (`pwsh -c`, `powershell -Command`). The code is split into commands at `;`, `|`,
 * `&&`, `||`, brackets and line breaks. Cmdlets are looked up in a table; other Verb-Noun cmdlets
 * that are not read-only, and external programs, are handed to the shell analyser as written.
 * .NET calls (`Net.WebClient`, `[IO.File]::…`, `TcpClient`) are recognised anywhere in the text.
 * Code with no PowerShell syntax at all is passed to the shell analyser whole.
 */

const BOUNDARY = new Set([';', '|', '&&', '||', '(', ')', '{', '}', '$(', '@(', '@{']);
const REDIRECT = /^(\d|\*)?>>?$/;
const UNIXY = new Set(['rm', 'ls', 'cat', 'cp', 'mv', 'echo', 'curl', 'wget', 'kill', 'sort', 'sleep', 'cd', 'pwd', 'mkdir', 'rmdir', 'clear', 'tee', 'diff', 'ps', 'man']);
const ENCODED = /^-(e|ec|en|enc|enco|encod|encode|encoded|encodedc|encodedco|encodedcom|encodedcomm|encodedcomma|encodedcomman|encodedcommand)$/i;

class PowerShell {
  private readonly vars = new Map<string, Val>();
  /** `[Convert]::FromBase64String` was used. */
  private decodes = false;

  // UNTRUSTED: src and its tokens are the inline code.
  constructor(private readonly src: string, private readonly t: Tokens, private readonly s: Scan) {}

  private word(i: number): string { return this.t.k(i) === 'id' ? this.t.v(i).toLowerCase() : ''; }
  private isOp(i: number, v: string): boolean { return this.t.isOp(i, v); }
  private text(a: number, b: number): string { return this.src.slice(this.t.p(a), this.t.e(b - 1)).trim(); }

  private segments(): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    let start = 0;
    for (let i = 0; i < this.t.length; i++) {
      const boundary = this.t.k(i) === 'op' && BOUNDARY.has(this.t.v(i));
      if (boundary || (this.t.nl(i) && i > start)) { if (i > start) out.push([start, i]); start = boundary ? i + 1 : i; }
    }
    if (start < this.t.length) out.push([start, this.t.length]);
    return out;
  }

  /** No PowerShell syntax and only external programs: the whole text is a shell command line. */
  private plain(segs: ReadonlyArray<[number, number]>): boolean {
    for (let i = 0; i < this.t.length; i++) {
      const k = this.t.k(i);
      const v = k === 'id' || k === 'op' ? this.t.v(i) : '';
      if ((k === 'id' && v.startsWith('$')) || (k === 'op' && /^[[\]{}@$:(]/.test(v)) || this.t.d(i).startsWith('@')) return false;
    }
    return segs.every(([a]) => {
      const w = this.word(a);
      return w !== '' && !w.startsWith('-') && !w.startsWith('.') && (UNIXY.has(w) || (CMDLETS[w] === undefined && !KEYWORDS.has(w) && !/^[a-z]+-[a-z]+$/.test(w)));
    });
  }

  private value(k: number, b: number): [Val, number] {
    const one = (j: number): Val => {
      const x = this.t.at(j);
      if (x === undefined) return UNK;
      if (x.k === 'str') return x.lit ? str(x.v) : UNK;
      if (x.k !== 'id') return UNK;
      if (!x.v.startsWith('$')) return str(x.v);
      const env = /^\$\{?env:([^}]*)\}?$/i.exec(x.v);
      return env !== null ? envValue(env[1]) : (this.vars.get(x.v.toLowerCase()) ?? UNK);
    };
    const items = [one(k)];
    let j = k + 1;
    while (j + 1 < b && this.isOp(j, ',')) { items.push(one(j + 1)); j += 2; }
    return [items.length === 1 ? (items[0] ?? UNK) : { t: 'list', items }, j];
  }

  private args(a: number, b: number): Args {
    const named = new Map<string, Val>();
    const pos: Val[] = [];
    for (let k = a; k < b;) {
      const x = this.t.at(k);
      if (x?.k === 'id' && /^-[A-Za-z]/.test(x.v)) {
        const [name = '', inline] = x.v.slice(1).split(/:(.*)/s);
        const key = name.toLowerCase();
        if (inline !== undefined && inline !== '') { named.set(key, str(inline)); k++; continue; }
        if (VALUE_PARAMS.has(key) && k + 1 < b) { const [v, j] = this.value(k + 1, b); named.set(key, v); k = j; continue; }
        named.set(key, ref('true'));
        k++;
        continue;
      }
      const [v, j] = this.value(k, b);
      pos.push(v);
      k = j;
    }
    return { named, pos };
  }

  private segment(a0: number, b: number): void {
    let a = a0;
    const first = this.t.at(a);
    if (first?.k === 'id' && first.v.startsWith('$') && (this.isOp(a + 1, '=') || this.isOp(a + 1, '+='))) {
      if (b === a + 3) this.vars.set(first.v.toLowerCase(), this.value(a + 2, b)[0]);
      a += 2;
    }
    const x = this.t.at(a);
    if (x === undefined || a >= b) return;
    if (x.k === 'op' && (x.v === '&' || x.v === '.')) { this.callOperator(a + 1, b, x.v); return; }
    const w = this.word(a);
    if (w === '' || w.startsWith('$') || w.startsWith('.') || w.startsWith('-') || /^\d/.test(w)) return;
    const handler = CMDLETS[w];
    if (handler !== undefined) { handler(this.args(a + 1, b), this.s, x.v); return; }
    if (KEYWORDS.has(w)) return;
    if (/^[a-z]+-[a-z0-9]+$/.test(w) && SAFE_VERBS.has(w.slice(0, w.indexOf('-')))) return;
    this.s.addShell(this.text(a, b));
  }

  /** `& "prog" args`, `& $cmd`, `. script.ps1`. */
  private callOperator(i: number, b: number, op: string): void {
    const x = this.t.at(i);
    if (x === undefined || i >= b) { this.s.unknownCommand(UNK, `${op} operator`); return; }
    const target = x.k === 'str' ? (x.lit ? str(x.v) : UNK) : x.k === 'id' && x.v.startsWith('$') ? (this.vars.get(x.v.toLowerCase()) ?? UNK) : str(x.v);
    if (target.t !== 'str') { this.s.unknownCommand(target, `${op} operator`); return; }
    if (op === '.') return; // dot-sourcing a named script file: like running a local script
    const rest = i + 1 < b ? ` ${this.text(i + 1, b)}` : '';
    this.s.addShell(`${/\s/.test(target.v) ? `'${target.v}'` : target.v}${rest}`);
  }

  /** The first quoted string among the next few tokens (constructor and method arguments). */
  private strAfter(k: number, nth = 0): Val | undefined {
    let seen = 0;
    for (let j = k + 1; j < Math.min(k + 12, this.t.length); j++) {
      const x = this.t.at(j);
      if (x?.k === 'str' && seen++ === nth) return x.lit ? str(x.v) : UNK;
    }
    return undefined;
  }

  /** .NET and variable patterns that can appear anywhere in an expression. */
  private globals(): void {
    for (let k = 0; k < this.t.length; k++) this.global(k);
  }

  private global(k: number): void {
    const x = this.t.at(k);
    if (x === undefined) return;
    const w = x.k === 'id' ? x.v.toLowerCase() : '';
    const env = /^\$\{?env:([^}]*)\}?$/i.exec(x.v);
    if (x.k === 'id' && env !== null && !this.isOp(k + 1, '=')) this.s.env(env[1], '$env:');
    else if (/\.(downloadstring|downloaddata|openread)$/.test(w)) this.s.net('net.fetch', this.strAfter(k), x.v.slice(1));
    else if (w.endsWith('.downloadfile')) { this.s.net('net.fetch', this.strAfter(k), 'DownloadFile'); this.s.path('fs.write', this.strAfter(k, 1), 'DownloadFile'); }
    else if (/\.(uploadstring|uploadfile|uploaddata|uploadvalues)$/.test(w)) this.s.net('net.send', this.strAfter(k), x.v.slice(1));
    else if (w.endsWith('tcpclient')) this.s.socket('net.connect', this.strAfter(k) ?? str(''), 'TcpClient');
    else if (w.endsWith('tcplistener') || w.endsWith('httplistener')) this.s.socket('net.listen', this.strAfter(k) ?? str(''), x.v);
    else if (w === 'getenvironmentvariables') this.s.env(undefined, '[Environment]::GetEnvironmentVariables()');
    else if (w === 'getenvironmentvariable') { const n = this.strAfter(k); this.s.env(n?.t === 'str' ? n.v : undefined, '[Environment]::GetEnvironmentVariable()'); }
    else if (w === 'create' && this.isOp(k - 1, '::') && this.word(k - 3).endsWith('scriptblock')) this.s.dyn('powershell [ScriptBlock]::Create() turns a string into code');
    else if (w.endsWith('.invokescript') || w.endsWith('.invokecommand')) this.s.dyn('powershell InvokeScript runs code built at run time');
    else if (w === 'frombase64string') this.decodes = true;
    else if (this.isOp(k - 1, '::') && /^(system\.)?(io\.)?file$/.test(this.word(k - 3))) this.fileMethod(w, k);
    else if (w === 'start' && this.isOp(k - 1, '::') && /process$/.test(this.word(k - 3))) this.s.command(str([this.strAfter(k), this.strAfter(k, 1)].flatMap((v) => (v?.t === 'str' ? [v.v] : [])).join(' ')), 'Process.Start');
    else if (x.k === 'op' && REDIRECT.test(x.v)) { const t = this.t.at(k + 1); if (t !== undefined && t.v.toLowerCase() !== '$null') this.s.path('fs.write', t.k === 'str' || t.k === 'id' ? str(t.v) : UNK, 'redirection'); }
    else if (x.k === 'id' && ENCODED.test(x.v) && [1, 2, 3, 4].some((d) => /^(powershell|pwsh)(\.exe)?$/.test(this.word(k - d)))) this.encoded(k);
  }

  private fileMethod(w: string, k: number): void {
    const kind = /^(write|append|create|openwrite)/.test(w) ? 'fs.write' : w === 'delete' ? 'fs.delete' : /^(read|openread|open)/.test(w) ? 'fs.read' : w === 'copy' || w === 'move' ? 'copy' : undefined;
    if (kind === 'copy') { this.s.path(w === 'move' ? 'fs.delete' : 'fs.read', this.strAfter(k), `File.${w}`); this.s.path('fs.write', this.strAfter(k, 1), `File.${w}`); }
    else if (kind !== undefined) this.s.path(kind, this.strAfter(k), `[IO.File]::${this.t.at(k)?.v ?? w}`);
  }

  /** `powershell -EncodedCommand <base64 UTF-16LE>`: decoded and scanned, and always reported. */
  private encoded(k: number): void {
    const next = this.t.at(k + 1);
    const text = next === undefined ? '' : Buffer.from(next.v, 'base64').toString('utf16le');
    this.s.dyn('powershell -EncodedCommand runs encoded code');
    if (text !== '') this.s.code(str(text, 'decoded data (-EncodedCommand)'), '-EncodedCommand');
  }

  run(): void {
    this.globals();
    const segs = this.segments();
    if (this.plain(segs)) { this.s.addShell(this.src.trim()); return; }
    for (const [a, b] of segs) this.segment(a, b);
    // Decoding alone is harmless; decoding in code that also evaluates code is the classic stager.
    if (this.decodes && this.s.dynExec) this.s.dyn('powershell runs code that may be decoded from base64 ([Convert]::FromBase64String)');
  }
}

export function scanPowerShell(code: string, s: Scan): void {
  new PowerShell(code, lexPowerShell(code), s).run();
}
